import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { io as connect, type Socket } from 'socket.io-client';
import type { Application } from '../src/app';
import { foreignConnection, type ForeignConnection } from './foreign-sqlite';
import { tempDir, testApp } from './helpers';

/** Another process holding the SQLite file's lock: the server answers 503 at once and keeps serving the rest. */

let app: Application | undefined;
let holder: ForeignConnection | undefined;
let socket: Socket | undefined;

afterEach(async () => {
  socket?.disconnect();
  holder?.kill();
  holder = undefined;
  await app?.close();
});

/** A request and how long it took, from a client in this process (the event loop it shares with the server). */
async function timed(url: string, init: RequestInit = {}) {
  const t0 = performance.now();
  const res = await fetch(url, init);
  const body = (await res.json()) as { session: { id: string; token: string } };
  return { status: res.status, body, ms: performance.now() - t0 };
}

// The old 5 s busy timeout made each write wait 5 s with the event loop frozen: each request below took 5 s.
test('while another process holds the write lock: writes answer 503 STORE_UNAVAILABLE quickly, /healthz and reads still answer; then nothing is lost', async () => {
  const file = path.join(tempDir('lock-'), 'sessions.db');
  app = testApp({ STORE_URL: `sqlite:${file}` });
  const base = `http://127.0.0.1:${await app.listen()}`;
  const json = { 'Content-Type': 'application/json' };
  const start = await timed(`${base}/api/v1/sessions`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ procedure: 'asylum-filing', lang: 'en' }),
  });
  expect(start.status).toBe(201);
  const { id, token } = start.body.session;
  const auth = { ...json, Authorization: `Bearer ${token}` };
  const answer = (value: string) =>
    timed(`${base}/api/v1/sessions/${id}/answers`, { method: 'POST', headers: auth, body: JSON.stringify({ value }) });
  expect((await answer('france')).status).toBe(200);

  socket = connect(`${base}/chat`, { transports: ['websocket'], forceNew: true, reconnection: false });
  expect(await socket.emitWithAck('session:resume', { id, token })).toMatchObject({ ok: true });

  holder = await foreignConnection(file, 'BEGIN EXCLUSIVE');

  const [write, health, ready, read] = await Promise.all([
    answer('registered'),
    timed(`${base}/healthz`),
    timed(`${base}/readyz`),
    timed(`${base}/api/v1/sessions/${id}`, { headers: auth }),
  ]);
  expect(write).toMatchObject({ status: 503, body: { error: { code: 'STORE_UNAVAILABLE' } } });
  expect(health).toMatchObject({ status: 200, body: { status: 'ok' } });
  expect(ready).toMatchObject({ status: 503, body: { error: { code: 'STORE_UNAVAILABLE' } } });
  // WAL lets readers through a writer's lock: the question is still there to show.
  expect(read).toMatchObject({ status: 200, body: { facts: { location: 'france' } } });
  for (const r of [write, health, ready, read]) expect(r.ms).toBeLessThan(2500);

  const t0 = performance.now();
  expect(await socket.emitWithAck('answer', { value: 'registered' })).toMatchObject({
    ok: false,
    error: { code: 'STORE_UNAVAILABLE' },
  });
  expect(performance.now() - t0).toBeLessThan(2500);

  await holder.commit();

  expect((await timed(`${base}/readyz`)).status).toBe(200);
  expect((await answer('registered')).status).toBe(200);
  const after = await timed(`${base}/api/v1/sessions/${id}`, { headers: auth });
  expect(after).toMatchObject({
    status: 200,
    body: { facts: { location: 'france', stage: 'registered' }, messages: [{ node: 'attestation-issued-on' }] },
  });
}, 30_000);
