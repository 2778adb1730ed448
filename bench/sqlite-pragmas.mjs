// What the SQLite store's settings cost: a turn (read + compare-and-set write of a ~2.5 KB session) and an
// erasure (delete, with or without truncating the WAL), under synchronous FULL or NORMAL, secure_delete OFF or ON.
// Then turns whose writes are committed several at a time, as the store does with the writes of one round of the
// event loop. The store's own statements on a file in the system's temporary folder; prints one line per setting.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';

const SESSIONS = Number(process.env.SESSIONS ?? 200);
const TURNS = Number(process.env.TURNS ?? 3000);
const record = (id, version) =>
  JSON.stringify({
    id,
    version,
    answers: Array.from({ length: 12 }, (_, i) => ({ node: `question-${i}`, value: 'x'.repeat(150) })),
  });

function run({ synchronous, secureDelete, truncate }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-sqlite-'));
  const db = new DatabaseSync(path.join(dir, 'sessions.db'));
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = ${synchronous}; PRAGMA secure_delete = ${secureDelete};
    CREATE TABLE sessions (id TEXT PRIMARY KEY, version INTEGER NOT NULL, expires_at TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX sessions_expires_at ON sessions (expires_at);`);
  const get = db.prepare('SELECT data FROM sessions WHERE id = ?');
  const insert = db.prepare('INSERT INTO sessions (id, version, expires_at, data) VALUES (?, ?, ?, ?)');
  const update = db.prepare('UPDATE sessions SET version = ?, expires_at = ?, data = ? WHERE id = ? AND version = ?');
  const del = db.prepare('DELETE FROM sessions WHERE id = ?');
  const checkpoint = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)');

  const ids = Array.from({ length: SESSIONS }, () => randomUUID());
  const versions = new Map(ids.map((id) => [id, 1]));
  for (const id of ids) insert.run(id, 1, '2026-11-24T09:00:00.000Z', record(id, 1));

  let t0 = performance.now();
  for (let i = 0; i < TURNS; i++) {
    const id = ids[i % SESSIONS];
    const v = versions.get(id);
    JSON.parse(get.get(id).data);
    update.run(v + 1, '2026-11-24T09:00:00.000Z', record(id, v + 1), id, v);
    versions.set(id, v + 1);
  }
  const turnUs = ((performance.now() - t0) * 1000) / TURNS;

  // An erasure every 10 turns, as a busy server would see: the WAL holds those turns when it is truncated.
  let eraseMs = 0;
  for (const [k, id] of ids.entries()) {
    for (let i = 0; i < 10; i++) {
      const other = ids[(k + 1 + i) % SESSIONS];
      const v = versions.get(other);
      if (update.run(v + 1, '2026-11-24T09:00:00.000Z', record(other, v + 1), other, v).changes)
        versions.set(other, v + 1);
    }
    t0 = performance.now();
    del.run(id);
    if (truncate) checkpoint.get();
    eraseMs += performance.now() - t0;
  }
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    synchronous,
    secureDelete,
    truncate,
    turnUs: Math.round(turnUs),
    eraseUs: Math.round((eraseMs * 1000) / SESSIONS),
  };
}

/**
 * The store's settings (NORMAL, secure_delete ON), turns whose expiry moves forward as the server's do, their writes
 * committed `perCommit` at a time (the SQLite store commits the writes of one round of the event loop together):
 * wall time and CPU per turn, and the writes' own wall time.
 */
function rounds(perCommit) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-sqlite-'));
  const db = new DatabaseSync(path.join(dir, 'sessions.db'));
  db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON;
    CREATE TABLE sessions (id TEXT PRIMARY KEY, version INTEGER NOT NULL, expires_at TEXT NOT NULL, data TEXT NOT NULL);
    CREATE INDEX sessions_expires_at ON sessions (expires_at);`);
  const get = db.prepare('SELECT data FROM sessions WHERE id = ?');
  const insert = db.prepare('INSERT INTO sessions (id, version, expires_at, data) VALUES (?, ?, ?, ?)');
  const update = db.prepare('UPDATE sessions SET version = ?, expires_at = ?, data = ? WHERE id = ? AND version = ?');
  const ids = Array.from({ length: SESSIONS }, () => randomUUID());
  const versions = new Map(ids.map((id) => [id, 1]));
  let now = Date.parse('2026-11-24T09:00:00.000Z');
  for (const id of ids) insert.run(id, 1, new Date(now).toISOString(), record(id, 1));
  let writeMs = 0;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < TURNS; i += perCommit) {
    const round = Array.from({ length: perCommit }, () => ids[Math.floor(Math.random() * SESSIONS)]);
    for (const id of round) JSON.parse(get.get(id).data);
    const w0 = performance.now();
    if (perCommit > 1) db.exec('BEGIN IMMEDIATE');
    for (const id of round) {
      const v = versions.get(id);
      now += 1;
      if (update.run(v + 1, new Date(now + 86_400_000).toISOString(), record(id, v + 1), id, v).changes)
        versions.set(id, v + 1);
    }
    if (perCommit > 1) db.exec('COMMIT');
    writeMs += performance.now() - w0;
  }
  const turnUs = ((performance.now() - t0) * 1000) / TURNS;
  const { user, system } = process.cpuUsage(cpu);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    perCommit,
    turnUs: Math.round(turnUs),
    cpuUs: Math.round((user + system) / TURNS),
    writeUs: Math.round((writeMs * 1000) / TURNS),
  };
}

for (const synchronous of ['FULL', 'NORMAL'])
  for (const secureDelete of ['OFF', 'ON'])
    for (const truncate of [false, true]) console.log(JSON.stringify(run({ synchronous, secureDelete, truncate })));
for (const perCommit of [1, 5, 20]) console.log(JSON.stringify(rounds(perCommit)));
