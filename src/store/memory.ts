import type { SessionRecord, SessionStore } from './types';

/** For tests and throwaway runs: nothing survives the process. Records are copied in and out, as a real store would. */
export class MemoryStore implements SessionStore {
  /** the record as JSON, its version and expiry beside it as in the SQL store (compared without parsing) */
  private readonly sessions = new Map<string, { version: number; expiresAt: string; data: string }>();

  async get(id: string) {
    const row = this.sessions.get(id);
    return row ? (JSON.parse(row.data) as SessionRecord) : undefined;
  }

  async create(record: SessionRecord) {
    if (this.sessions.has(record.id)) throw new Error('session id collision');
    this.sessions.set(record.id, rowOf(record));
  }

  async update(record: SessionRecord) {
    const current = this.sessions.get(record.id);
    if (!current || current.version !== record.version - 1) return false;
    this.sessions.set(record.id, rowOf(record));
    return true;
  }

  async delete(id: string) {
    return this.sessions.delete(id);
  }

  async deleteExpired(now: Date) {
    let n = 0;
    const at = now.toISOString();
    for (const [id, row] of this.sessions) if (row.expiresAt <= at) n += Number(this.sessions.delete(id));
    return n;
  }

  /** How many sessions are held (tests check that erasing leaves nothing behind). */
  get size(): number {
    return this.sessions.size;
  }

  async ping() {}
  async close() {}
}

const rowOf = (record: SessionRecord) => ({
  version: record.version,
  expiresAt: record.expiresAt,
  data: JSON.stringify(record),
});
