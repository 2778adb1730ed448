import path from 'node:path';
import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { MemoryStore } from '../src/store/memory';
import { RedisStore } from '../src/store/redis';
import { StoreUnavailableError } from '../src/store/errors';
import { SqliteStore } from '../src/store/sqlite';
import type { SessionRecord, SessionStore } from '../src/store/types';
import { foreignConnection } from './foreign-sqlite';
import { REDIS_URL, tempDir, testApp } from './helpers';

/** The same contract for every store, then the SQLite file across a server restart. */

// The server's clock decides expiry, whatever the real date: these dates never depend on it.
const LATER = '2026-11-23T10:00:00.000Z';
const record = (id: string, expiresAt = LATER): SessionRecord => ({
  id,
  tokenHash: 'a'.repeat(64),
  startProcedure: 'triage',
  procedure: 'triage',
  lang: 'fr',
  channel: 'web',
  snapshot: { value: 'need', context: {} },
  answers: [],
  createdAt: '2026-11-23T09:00:00.000Z',
  updatedAt: '2026-11-23T09:00:00.000Z',
  expiresAt,
  version: 1,
  turn: 1,
});

const redisPrefix = () => `guidance-test:${randomUUID()}:`;

describe.each([
  ['memory', () => new MemoryStore()],
  ['sqlite', () => new SqliteStore(path.join(tempDir('store-'), 'sessions.db'))],
  ['redis', () => new RedisStore(REDIS_URL, redisPrefix())],
])('%s store', (_name, make: () => SessionStore) => {
  let store: SessionStore;
  beforeEach(() => {
    store = make();
  });
  afterEach(() => store.close());

  test('create, get, delete', async () => {
    await store.create(record('a'));
    expect(await store.get('a')).toEqual(record('a'));
    expect(await store.delete('a')).toBe(true);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.delete('a')).toBe(false);
  });

  test('compare-and-set: a write on a stale version is refused', async () => {
    await store.create(record('a'));
    expect(await store.update({ ...record('a'), version: 2, lang: 'en' })).toBe(true);
    expect(await store.update({ ...record('a'), version: 2, lang: 'ar' })).toBe(false);
    expect((await store.get('a'))!.lang).toBe('en');
    expect(await store.update({ ...record('missing'), version: 2 })).toBe(false);
  });

  test('writes sent together: each compare-and-set is decided on the version it names', async () => {
    await store.create(record('a'));
    await store.create(record('b'));
    const results = await Promise.all([
      store.update({ ...record('a'), version: 2, lang: 'en' }),
      store.update({ ...record('a'), version: 2, lang: 'ar' }),
      store.update({ ...record('b'), version: 2, lang: 'en' }),
      store.update({ ...record('b'), version: 5, lang: 'ar' }),
    ]);
    expect(results).toEqual([true, false, true, false]);
    expect((await store.get('a'))!.lang).toBe('en');
    expect((await store.get('b'))!.lang).toBe('en');
  });

  test('expired sessions are deleted by the server clock, not hidden', async () => {
    await store.create(record('old', '2026-11-23T09:00:30.000Z'));
    await store.create(record('new', '2026-11-23T10:00:00.000Z'));
    await store.update({
      ...record('old', '2026-11-23T09:30:00.000Z'),
      version: 2,
      updatedAt: '2026-11-23T09:00:30.000Z',
    });
    expect(await store.deleteExpired(new Date('2026-11-23T09:00:31Z'))).toBe(0);
    expect(await store.deleteExpired(new Date('2026-11-23T09:45:00Z'))).toBe(1);
    expect(await store.get('old')).toBeUndefined();
    expect(await store.get('new')).toBeDefined();
  });

  test("a session's life follows the server's clock, not the store's: written with a clock years away, it is still there", async () => {
    // The server's clock may be anywhere relative to the store's own (a fixed test clock, a skewed host).
    for (const [id, at] of [
      ['past', '2019-03-01T12:00:00.000Z'],
      ['future', '2031-03-01T12:00:00.000Z'],
    ] as const) {
      const expires = new Date(Date.parse(at) + 3_600_000).toISOString();
      await store.create({ ...record(id, expires), createdAt: at, updatedAt: at });
      expect(await store.get(id)).toMatchObject({ id, expiresAt: expires });
    }
  });

  test('ping answers', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
});

test('SQLite: the writes of one round are committed together; a read or a delete meanwhile waits for the commit', async () => {
  const file = path.join(tempDir('round-'), 'sessions.db');
  const store = new SqliteStore(file);
  const other = new SqliteStore(file);
  for (const id of ['a', 'b', 'c']) await store.create(record(id));
  const writes = [
    store.update({ ...record('a'), version: 2, lang: 'en' }),
    store.update({ ...record('a'), version: 3, lang: 'ar' }),
    store.update({ ...record('b'), version: 2 }),
  ];
  // not committed yet: another connection does not see them, this store's reader waits for them
  expect((await other.get('a'))!.version).toBe(1);
  const read = store.get('a');
  const erased = store.delete('b');
  expect(await Promise.all(writes)).toEqual([true, true, true]);
  expect(await read).toMatchObject({ version: 3, lang: 'ar' });
  expect(await erased).toBe(true);
  expect(await other.get('b')).toBeUndefined();
  expect((await other.get('a'))!.version).toBe(3);
  await other.close();
  await store.close();
});

test('SQLite: when the commit of a round fails (a lock held elsewhere), every write of it fails; none is half-done', async () => {
  const file = path.join(tempDir('round-lock-'), 'sessions.db');
  const store = new SqliteStore(file);
  for (const id of ['a', 'b']) await store.create(record(id));
  const holder = await foreignConnection(file, 'BEGIN IMMEDIATE');
  try {
    const writes = [store.update({ ...record('a'), version: 2 }), store.update({ ...record('b'), version: 2 })];
    for (const w of writes) await expect(w).rejects.toBeInstanceOf(StoreUnavailableError);
  } finally {
    await holder.close();
  }
  expect((await store.get('a'))!.version).toBe(1);
  expect((await store.get('b'))!.version).toBe(1);
  expect(await store.update({ ...record('a'), version: 2 })).toBe(true);
  await store.close();
});

test('the SQLite file keeps a conversation across a server restart', async () => {
  const file = path.join(tempDir('restart-'), 'data', 'sessions.db');
  const first = testApp({ STORE_URL: `sqlite:${file}` });
  const start = await request(first.app)
    .post('/api/v1/sessions')
    .send({ procedure: 'asylum-filing', lang: 'en' })
    .expect(201);
  const { id, token } = start.body.session;
  const auth = { Authorization: `Bearer ${token}` };
  await request(first.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send({ value: 'france' }).expect(200);
  await request(first.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send({ value: 'registered' }).expect(200);
  await first.close();

  const second = testApp({ STORE_URL: `sqlite:${file}` });
  const state = await request(second.app).get(`/api/v1/sessions/${id}`).set(auth).expect(200);
  expect(state.body.messages[0]).toMatchObject({ node: 'attestation-issued-on', lang: 'en' });
  expect(state.body.facts).toEqual({ location: 'france', stage: 'registered' });
  const done = await request(second.app)
    .post(`/api/v1/sessions/${id}/answers`)
    .set(auth)
    .send({ text: '2 November 2026' })
    .expect(200);
  expect(done.body.messages.at(-1).decision.deadlines[0]).toMatchObject({ date: '2026-11-23', daysLeft: 0 });
  await second.close();
});

test('STORE_URL=redis://…: the server runs on Redis, with the Socket.IO adapter; /readyz says when Redis is gone', async () => {
  const app = testApp({ STORE_URL: REDIS_URL });
  await request(app.app).get('/readyz').expect(200);
  const start = await request(app.app).post('/api/v1/sessions').send({}).expect(201);
  const auth = { Authorization: `Bearer ${start.body.session.token}` };
  await request(app.app).get(`/api/v1/sessions/${start.body.session.id}`).set(auth).expect(200);
  await request(app.app).delete(`/api/v1/sessions/${start.body.session.id}`).set(auth).expect(204);
  await app.close();

  const gone = testApp({ STORE_URL: 'redis://127.0.0.1:1' });
  const r = await request(gone.app).get('/readyz').expect(503);
  expect(r.body.error.code).toBe('STORE_UNAVAILABLE');
  await gone.close();
});
