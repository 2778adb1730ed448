import type { SessionRecord, SessionStore } from './types';

/** For tests and throwaway runs: nothing survives the process. Records are copied in and out, as a real store would. */
export class MemoryStore implements SessionStore {
  private readonly sessions = new Map<string, string>();

  async get(id: string) {
    const raw = this.sessions.get(id);
    return raw ? (JSON.parse(raw) as SessionRecord) : undefined;
  }

  async create(record: SessionRecord) {
    if (this.sessions.has(record.id)) throw new Error('session id collision');
    this.sessions.set(record.id, JSON.stringify(record));
  }

  async update(record: SessionRecord) {
    const current = await this.get(record.id);
    if (!current || current.version !== record.version - 1) return false;
    this.sessions.set(record.id, JSON.stringify(record));
    return true;
  }

  async delete(id: string) {
    return this.sessions.delete(id);
  }

  async deleteExpired(now: Date) {
    let n = 0;
    for (const [id, raw] of this.sessions) {
      if ((JSON.parse(raw) as SessionRecord).expiresAt <= now.toISOString()) n += Number(this.sessions.delete(id));
    }
    return n;
  }

  /** How many sessions are held (tests check that erasing leaves nothing behind). */
  get size(): number {
    return this.sessions.size;
  }

  async ping() {}
  async close() {}
}
