import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync as DatabaseSyncType } from 'node:sqlite';
import type { SessionRecord, SessionStore } from './types';

// Loaded through process.getBuiltinModule so that test runners with their own resolvers do not need to know node:sqlite.
const { DatabaseSync } = process.getBuiltinModule('node:sqlite') as typeof import('node:sqlite');

/** The default store: one SQLite file (Node's built-in node:sqlite), nothing to install or start. */
export class SqliteStore implements SessionStore {
  private readonly db: DatabaseSyncType;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new DatabaseSync(file);
    this.db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA busy_timeout = 5000;
      CREATE TABLE IF NOT EXISTS sessions (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        expires_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS sessions_expires_at ON sessions (expires_at);
    `);
  }

  async get(id: string) {
    const row = this.db.prepare('SELECT data FROM sessions WHERE id = ?').get(id) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as SessionRecord) : undefined;
  }

  async create(record: SessionRecord) {
    this.db.prepare('INSERT INTO sessions (id, version, expires_at, data) VALUES (?, ?, ?, ?)').run(record.id, record.version, record.expiresAt, JSON.stringify(record));
  }

  async update(record: SessionRecord) {
    const result = this.db
      .prepare('UPDATE sessions SET version = ?, expires_at = ?, data = ? WHERE id = ? AND version = ?')
      .run(record.version, record.expiresAt, JSON.stringify(record), record.id, record.version - 1);
    return Number(result.changes) === 1;
  }

  async delete(id: string) {
    return Number(this.db.prepare('DELETE FROM sessions WHERE id = ?').run(id).changes) > 0;
  }

  async deleteExpired(now: Date) {
    return Number(this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now.toISOString()).changes);
  }

  async ping() {
    this.db.prepare('SELECT 1').get();
  }

  async close() {
    if (this.db.isOpen) this.db.close();
  }
}
