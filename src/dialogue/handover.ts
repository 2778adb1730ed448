import { createHash, randomInt } from 'node:crypto';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Handover, SessionRecord, SessionStore } from '../store/types';
import { hashToken, newToken } from './tokens';

/**
 * Handing a conversation over to a human. With the person's consent, a copy of the conversation (its answers and where
 * it stands, nothing else: no name or contact is ever asked) is kept under a short code for a limited time. An agent
 * who types the code opens the copy as an agent session, once. The person's own session goes on, or ends, as usual: a
 * kiosk resets and erases its session; the copy is no longer the kiosk's, and is erased by the sweep when its time
 * limit passes unopened.
 *
 * The copy is a session in the session store (every store, every process) whose id is derived from the code, so the
 * code finds it without an index; its token is new and unknown until an agent opens it.
 */

/** No 0/O, 1/I/L: a code read out on the phone or copied from a screen. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 6;
/** Wrong codes one agent may type in an hour (with only agents able to try, 6 characters are plenty). */
const WRONG_CODES_PER_HOUR = 20;

const newHandoverCode = (): string =>
  Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** A code as typed: case, spaces and dashes do not matter; undefined when it cannot be a code. */
function normalizeCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return code.length === CODE_LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : undefined;
}

/** The copy's session id: derived from the code, and telling nothing of it. */
const handoverSessionId = (code: string): string =>
  `handover-${createHash('sha256').update(`handover:${code}`).digest('base64url').slice(0, 32)}`;

export interface HandoverOptions {
  store: SessionStore;
  clock: Clock;
  /** how long a code works */
  ttlSeconds: number;
  /** an opened copy lives as an agent session */
  agentTtlSeconds: number;
}

export class HandoverDesk {
  private readonly wrongCodes = new RateLimiterMemory({ points: WRONG_CODES_PER_HOUR, duration: 3600 });

  constructor(private readonly o: HandoverOptions) {}

  /** The person agreed: a copy of their conversation waits for an agent under a new code. */
  async create(record: SessionRecord): Promise<{ code: string; expiresAt: string }> {
    const now = this.o.clock.now();
    const expiresAt = new Date(now.getTime() + this.o.ttlSeconds * 1000).toISOString();
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newHandoverCode();
      const id = handoverSessionId(code);
      if (await this.o.store.get(id)) continue;
      const handover: Handover = { from: record.channel, consentedAt: now.toISOString(), expiresAt };
      await this.o.store.create({
        ...record,
        id,
        tokenHash: hashToken(newToken()),
        channel: 'agent',
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        expiresAt,
        version: 1,
        lastStep: undefined,
        handover,
      });
      return { code, expiresAt };
    }
    throw new AppError('CONCURRENT_UPDATE');
  }

  /**
   * An agent typed a code: the copy becomes the agent's session, with a new token. Unknown, opened or expired codes
   * are HANDOVER_CODE_UNKNOWN; too many from one agent, RATE_LIMITED.
   */
  async open(typed: string, agent: string, lang?: string): Promise<{ id: string; token: string; handover: Handover }> {
    const spent = await this.wrongCodes.get(agent);
    if (spent && spent.remainingPoints <= 0) throw new AppError('RATE_LIMITED', { lang });
    const code = normalizeCode(typed);
    const record = code ? await this.o.store.get(handoverSessionId(code)) : undefined;
    const now = this.o.clock.now();
    if (!record?.handover || record.handover.openedAt || record.expiresAt <= now.toISOString()) {
      await this.wrongCodes.penalty(agent, 1);
      throw new AppError('HANDOVER_CODE_UNKNOWN', { lang });
    }
    const token = newToken();
    const handover = { ...record.handover, openedAt: now.toISOString() };
    const opened = await this.o.store.update({
      ...record,
      tokenHash: hashToken(token),
      version: record.version + 1,
      updatedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.o.agentTtlSeconds * 1000).toISOString(),
      handover,
    });
    // another agent opened it in between
    if (!opened) throw new AppError('HANDOVER_CODE_UNKNOWN', { lang });
    return { id: record.id, token, handover };
  }
}
