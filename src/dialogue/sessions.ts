import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Channel, SessionRecord, SessionStore } from '../store/types';
import type { Answer } from './answers';
import type { Position } from './engine';
import { tokenMatches } from './tokens';

/** What a step computes: the record to write and what to answer, or only what to answer (a repeated step). */
export type Computed<R> = { record: SessionRecord; result: R; fail?: AppError } | { unchanged: true; result: R };

const CAS_ATTEMPTS = 3;

export interface Lifetimes {
  /** session lifetime after the last message, per channel, in seconds */
  ttlSeconds: Record<Channel, number>;
  /** the longest a session of a channel may live from its start, however active (kiosks), in seconds */
  maxAgeSeconds?: Partial<Record<Channel, number>>;
}

/**
 * Session records in the store: loaded with their token checked and their expiry by the server's clock,
 * written with compare-and-set on their version, and computed again when another process wrote first.
 */
export class Sessions {
  constructor(
    private readonly store: SessionStore,
    private readonly clock: Clock,
    private readonly lifetimes: Lifetimes,
  ) {}

  /** The session if the token is right; 404 otherwise (existence is not disclosed), 410 once if it has expired. */
  async load(id: string, token: string | undefined): Promise<SessionRecord> {
    const record = await this.store.get(id);
    if (!record || !token || !tokenMatches(token, record.tokenHash)) throw new AppError('SESSION_NOT_FOUND');
    if (record.expiresAt <= this.clock.now().toISOString()) {
      await this.store.delete(id);
      throw new AppError('SESSION_EXPIRED', { lang: record.lang });
    }
    // Sessions written before turns existed count from 1.
    return { ...record, turn: record.turn ?? 1 };
  }

  /** The session if the token is right, without the expiry check: to say the question again after bad input. */
  async peek(id: string, token: string | undefined): Promise<SessionRecord | undefined> {
    const record = await this.store.get(id);
    return record && token && tokenMatches(token, record.tokenHash) ? record : undefined;
  }

  async create(record: SessionRecord): Promise<void> {
    await this.store.create(record);
  }

  async erase(id: string, token: string | undefined): Promise<void> {
    await this.load(id, token);
    await this.store.delete(id);
  }

  /** Deletes every expired session, by the server's clock. */
  sweep(): Promise<number> {
    return this.store.deleteExpired(this.clock.now());
  }

  /** Load, compute, compare-and-set; computed again when another process wrote in between. */
  async step<R>(
    id: string,
    token: string | undefined,
    compute: (record: SessionRecord) => Computed<R>,
    after?: (record: SessionRecord, result: R) => void,
  ): Promise<R> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const record = await this.load(id, token);
      const computed = compute(record);
      if ('unchanged' in computed) return computed.result;
      const now = this.clock.now();
      const saved: SessionRecord = {
        ...computed.record,
        version: record.version + 1,
        updatedAt: now.toISOString(),
        expiresAt: this.expiry(record.channel, now, new Date(record.createdAt)),
      };
      if (await this.store.update(saved)) {
        if (computed.fail) throw computed.fail;
        after?.(saved, computed.result);
        return computed.result;
      }
    }
    throw new AppError('CONCURRENT_UPDATE');
  }

  /** After the last message, the channel's lifetime; never later than the channel's maximum age from the start. */
  expiry(channel: Channel, now: Date, createdAt: Date): string {
    const sliding = now.getTime() + this.lifetimes.ttlSeconds[channel] * 1000;
    const maxAge = this.lifetimes.maxAgeSeconds?.[channel];
    return new Date(
      maxAge === undefined ? sliding : Math.min(sliding, createdAt.getTime() + maxAge * 1000),
    ).toISOString();
  }
}

export const position = (record: SessionRecord): Position => ({ procedure: record.procedure, state: record.snapshot });

/** A digest of an answer as sent, to recognise the same answer sent twice. */
export const digestOf = (answer: Answer): string =>
  createHash('sha256')
    .update(JSON.stringify('text' in answer ? { text: answer.text } : { value: answer.value }))
    .digest('base64url')
    .slice(0, 22);
