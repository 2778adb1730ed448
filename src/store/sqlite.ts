import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { DatabaseSync as DatabaseSyncType, StatementSync } from 'node:sqlite';
import { StoreUnavailableError } from './errors';
import type { SessionRecord, SessionStore } from './types';

// Loaded through process.getBuiltinModule so that test runners with their own resolvers do not need to know
// node:sqlite.
const { DatabaseSync } = process.getBuiltinModule('node:sqlite');

/**
 * How long a call waits for a lock held by another connection (an operator's sqlite3, a backup tool).
 * node:sqlite is synchronous: the event loop waits with it, so every request would wait too. Short enough
 * that /healthz and the other requests keep answering; long enough to ride over a brief foreign write.
 */
const BUSY_TIMEOUT_MS = 50;
/** At start-up nothing is served yet: waiting for a foreign lock is better than not starting. */
const SETUP_BUSY_TIMEOUT_MS = 5000;

/**
 * SQLite primary result codes that mean "the file cannot be used now", not a fault of ours:
 * BUSY, LOCKED (another connection holds the lock), READONLY, IOERR, FULL (the disk).
 */
const UNAVAILABLE_CODES = new Set([5, 6, 8, 10, 13]);

/** A write waiting for the next commit, and who waits for its result. */
interface QueuedWrite {
  record: SessionRecord;
  /** the record as written, made when the write was asked */
  data: string;
  done: (written: boolean) => void;
  failed: (err: unknown) => void;
}

/** The default store: one SQLite file (Node's built-in node:sqlite), nothing to install or start. */
export class SqliteStore implements SessionStore {
  private readonly db: DatabaseSyncType;
  private readonly sql: Record<
    'get' | 'insert' | 'update' | 'delete' | 'deleteExpired' | 'checkpoint' | 'begin' | 'commit' | 'rollback',
    StatementSync
  >;
  /** An erasure whose WAL could not be truncated yet (a reader held it): retried at the next delete or sweep. */
  private checkpointPending = false;
  /**
   * Writes of turns, committed together (see update): those waiting, the versions they write per session, and the
   * commit they wait for.
   */
  private queue: QueuedWrite[] = [];
  private readonly queued = new Map<string, number>();
  private committed?: Promise<void>;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new DatabaseSync(file);
    this.db.exec(`
      PRAGMA busy_timeout = ${SETUP_BUSY_TIMEOUT_MS};
      PRAGMA journal_mode = WAL;
      CREATE TABLE IF NOT EXISTS sessions (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL,
        expires_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS sessions_expires_at ON sessions (expires_at);
    `);
    // secure_delete: deleted rows and freed pages are overwritten with zeros, so an erased session's bytes
    // do not linger in the file's free space. synchronous = NORMAL: with WAL, a commit survives a crash of
    // the process (the WAL is in the OS's hands); only a power cut may lose the last commits, never corrupt.
    this.db.exec(`
      PRAGMA secure_delete = ON;
      PRAGMA synchronous = NORMAL;
      PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS};
    `);
    this.sql = {
      get: this.db.prepare('SELECT data FROM sessions WHERE id = ?'),
      insert: this.db.prepare('INSERT INTO sessions (id, version, expires_at, data) VALUES (?, ?, ?, ?)'),
      update: this.db.prepare('UPDATE sessions SET version = ?, expires_at = ?, data = ? WHERE id = ? AND version = ?'),
      delete: this.db.prepare('DELETE FROM sessions WHERE id = ?'),
      deleteExpired: this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
      // The WAL keeps every earlier image of the pages it holds: truncating it is what erases them.
      checkpoint: this.db.prepare('PRAGMA wal_checkpoint(TRUNCATE)'),
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
    };
  }

  async get(id: string) {
    // A session with a write waiting is read once it is committed: what a turn reads was never lost.
    if (this.queued.has(id)) await this.committed;
    const row = available(() => this.sql.get.get(id)) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as SessionRecord) : undefined;
  }

  async create(record: SessionRecord) {
    available(() => this.sql.insert.run(record.id, record.version, record.expiresAt, JSON.stringify(record)));
  }

  /**
   * A turn's write. The writes of the turns computed in the same round of the event loop are committed together,
   * in one transaction, once the round is over: one commit, and the pages they share (the expiry index's last one)
   * written once, instead of one of each per turn. A write is acknowledged (resolved) only once committed, so an
   * acknowledged answer is on disk as before; a failed commit fails every write in it, as each would have failed.
   * Compare-and-set is unchanged: each UPDATE still names the version it replaces.
   */
  async update(record: SessionRecord): Promise<boolean> {
    const waiting = this.queued.get(record.id);
    if (waiting !== undefined && waiting !== record.version - 1) return false;
    // serialized before anything is queued: a record that cannot be written leaves no batch behind
    const data = JSON.stringify(record);
    this.queued.set(record.id, record.version);
    if (this.queue.length === 0)
      this.committed = new Promise((resolve) => setImmediate(() => resolve(this.commitQueued())));
    return new Promise((done, failed) => this.queue.push({ record, data, done, failed }));
  }

  /** Commits the writes waiting, in one transaction when there are several; settles each. */
  private commitQueued() {
    const batch = this.queue;
    this.queue = [];
    this.queued.clear();
    if (batch.length === 0) return;
    const write = ({ record: r, data }: QueuedWrite) =>
      Number(this.sql.update.run(r.version, r.expiresAt, data, r.id, r.version - 1).changes) === 1;
    let results: boolean[];
    try {
      results = available(() => {
        if (batch.length === 1) return [write(batch[0]!)];
        this.sql.begin.run();
        try {
          const written = batch.map(write);
          this.sql.commit.run();
          return written;
        } catch (err) {
          if (this.db.isTransaction) this.sql.rollback.run();
          throw err;
        }
      });
    } catch (err) {
      for (const w of batch) w.failed(err);
      return;
    }
    batch.forEach((w, i) => w.done(results[i]!));
  }

  async delete(id: string) {
    await this.settled();
    const deleted = Number(available(() => this.sql.delete.run(id)).changes) > 0;
    if (deleted || this.checkpointPending) this.truncateWal();
    return deleted;
  }

  async deleteExpired(now: Date) {
    await this.settled();
    const deleted = Number(available(() => this.sql.deleteExpired.run(now.toISOString())).changes);
    if (deleted > 0 || this.checkpointPending) this.truncateWal();
    return deleted;
  }

  /** Ready means able to write: takes the write lock and lets it go at once. */
  async ping() {
    available(() => this.sql.begin.run());
    this.sql.rollback.run();
  }

  async close() {
    if (!this.db.isOpen) return;
    await this.settled();
    if (!this.db.isOpen) return;
    if (this.checkpointPending) this.truncateWal();
    this.db.close();
  }

  /** Once the writes waiting are committed (or have failed): deletes and closing come after them. */
  private async settled() {
    if (this.queue.length > 0) await this.committed;
  }

  /**
   * Copies the WAL into the file and empties it; if a reader holds it, says so and tries again later. Never fails a
   * delete.
   */
  private truncateWal() {
    try {
      const { busy } = this.sql.checkpoint.get() as { busy: number };
      this.checkpointPending = busy !== 0;
    } catch {
      this.checkpointPending = true;
    }
  }
}

/**
 * Runs a statement; a lock held elsewhere or a failing disk becomes StoreUnavailableError (503), anything else is ours.
 */
function available<T>(call: () => T): T {
  try {
    return call();
  } catch (err) {
    const errcode =
      (err as { code?: string; errcode?: number }).code === 'ERR_SQLITE_ERROR'
        ? (err as { errcode?: number }).errcode
        : undefined;
    if (errcode !== undefined && UNAVAILABLE_CODES.has(errcode & 0xff))
      throw new StoreUnavailableError(`sqlite: ${(err as Error).message}`);
    throw err;
  }
}
