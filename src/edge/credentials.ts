import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';
import type { Services } from './services';

/**
 * Who presents a credential: a helpdesk agent or a kiosk terminal, each with its own key. Keys are
 * listed hashed (SHA-256, hex) in a JSON file that is read again when it changes, so a key is
 * revoked by removing its line, without a restart. `AGENT_KEY`, one key shared by every agent, is
 * still accepted as the agent "shared".
 */
export type TerminalKind = 'agent' | 'kiosk';

export interface Terminal {
  kind: TerminalKind;
  id: string;
}

const entry = z.strictObject({ id: z.string().regex(/^[\w.-]{1,64}$/), keySha256: z.string().regex(/^[0-9a-f]{64}$/) });
const terminalsFileSchema = z.strictObject({
  $comment: z.string().optional(),
  agents: z.array(entry).default([]),
  kiosks: z.array(entry).default([]),
});
type TerminalsFile = z.infer<typeof terminalsFileSchema>;

export const keyDigest = (key: string): Buffer => createHash('sha256').update(key).digest();

/** How often the file's modification time is looked at, at most. */
const RECHECK_MS = 1000;

export class Credentials {
  private listed: TerminalsFile = { agents: [], kiosks: [] };
  private mtimeMs = -1;
  private checkedAt = -Infinity;

  constructor(private readonly o: { agentKey?: string; file?: string }) {
    if (o.file) this.reload(true);
  }

  /** Whether any agent can sign in (a shared key or a listed agent). */
  get agentsConfigured(): boolean {
    this.reload();
    return Boolean(this.o.agentKey) || this.listed.agents.length > 0;
  }

  /** The terminal a key belongs to, compared in constant time; undefined for a wrong or missing key. */
  identify(kind: TerminalKind, key: unknown): Terminal | undefined {
    if (typeof key !== 'string' || key.length === 0 || key.length > 256) return undefined;
    this.reload();
    const digest = keyDigest(key);
    if (kind === 'agent' && this.o.agentKey && timingSafeEqual(digest, keyDigest(this.o.agentKey)))
      return { kind, id: 'shared' };
    const list = kind === 'agent' ? this.listed.agents : this.listed.kiosks;
    let found: string | undefined;
    // every entry is compared, so the time taken says nothing about which one matched
    for (const e of list) if (timingSafeEqual(digest, Buffer.from(e.keySha256, 'hex'))) found ??= e.id;
    return found === undefined ? undefined : { kind, id: found };
  }

  /**
   * Reads the file again when it changed; a file that became invalid keeps the last good list and says so at start-up
   * only.
   */
  private reload(atStart = false) {
    if (!this.o.file) return;
    // a monotonic timer for the re-read throttle: this is not the service's clock
    const now = performance.now();
    if (!atStart && now - this.checkedAt < RECHECK_MS) return;
    this.checkedAt = now;
    let mtimeMs: number;
    try {
      mtimeMs = statSync(this.o.file).mtimeMs;
    } catch {
      // a removed file revokes every listed key
      this.listed = { agents: [], kiosks: [] };
      this.mtimeMs = -1;
      return;
    }
    if (mtimeMs === this.mtimeMs) return;
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.o.file, 'utf8'));
    } catch (err) {
      if (atStart) throw new Error(`TERMINALS_FILE ${this.o.file}: not readable JSON (${(err as Error).message})`);
      return;
    }
    const parsed = terminalsFileSchema.safeParse(raw);
    if (!parsed.success) {
      if (atStart) throw new Error(`TERMINALS_FILE ${this.o.file}: ${z.prettifyError(parsed.error)}`);
      return;
    }
    this.listed = parsed.data;
    this.mtimeMs = mtimeMs;
  }
}

/**
 * The terminal a request or connection presents (an agent's or a kiosk's key), checked against the
 * address's count of wrong credentials: a wrong key is counted and refused, an address with too many
 * is refused before its key is even looked at.
 */
export async function presentedTerminal(
  s: Pick<Services, 'credentials' | 'limits'>,
  address: string,
  keys: { agent?: unknown; kiosk?: unknown },
  lang?: string,
): Promise<Terminal | undefined> {
  const kind: TerminalKind | undefined =
    keys.agent !== undefined ? 'agent' : keys.kiosk !== undefined ? 'kiosk' : undefined;
  if (!kind) return undefined;
  await s.limits.checkCredentialAttempts(address, lang);
  const terminal = s.credentials.identify(kind, kind === 'agent' ? keys.agent : keys.kiosk);
  if (terminal) return terminal;
  await s.limits.credentialFailed(address);
  throw new AppError(kind === 'agent' ? 'AGENT_CREDENTIAL_REQUIRED' : 'KIOSK_CREDENTIAL_REFUSED', { lang });
}
