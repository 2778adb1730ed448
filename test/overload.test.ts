import request from 'supertest';
import { io as connect, type Socket } from 'socket.io-client';
import type { Application } from '../src/app';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/realtime/events';
import path from 'node:path';
import { tempDir, testApp } from './helpers';

/**
 * Admission control (src/edge/load.ts): a real server in this process, its event loop really held behind by work
 * in this process, as an overloaded server's is. Starts and turns are refused at once with SERVER_BUSY, reads and
 * probes still answer, and once the loop is free the same answer is accepted, recorded once.
 */

jest.setTimeout(30_000);

type Chat = Socket<ServerToClientEvents, ClientToServerEvents>;

const apps: Application[] = [];
const sockets: Chat[] = [];
afterEach(async () => {
  for (const c of sockets.splice(0)) c.disconnect();
  for (const a of apps.splice(0)) await a.close();
});

async function server(settings: Record<string, string>) {
  const app = testApp(settings);
  apps.push(app);
  const port = await app.listen();
  const chat: Chat = connect(`http://127.0.0.1:${port}/chat`, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  sockets.push(chat);
  await new Promise<void>((resolve, reject) => {
    chat.once('connect', resolve);
    chat.once('connect_error', reject);
  });
  return { app, http: request(`http://127.0.0.1:${port}`), chat, url: `http://127.0.0.1:${port}/chat` };
}

/** Work that holds the event loop for `ms`, as a burst of turns would. */
function spin(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

/**
 * Holds the event loop behind, as an overloaded server's is: rounds of ROUND_MS of work, with a turn of the loop
 * between them (so that the server and the client still read their sockets, late). Once the guard has seen it (or,
 * with the guard off, after a few rounds), `send`, then rounds until its answer: every round is longer than the
 * guard's 100 ms between readings plus the threshold, so every reading finds the loop behind.
 */
const ROUND_MS = 450;
const round = async () => {
  spin(ROUND_MS);
  await new Promise((resolve) => setImmediate(resolve));
};
async function behind<T>(app: Application, send: () => Promise<T>, guarded = true): Promise<T> {
  for (let n = 0; guarded ? !app.services.load.busy : n < 3; n++) {
    if (n > 10) throw new Error('the guard did not see the loop behind');
    await round();
  }
  if (guarded) expect(app.services.load.busy).toBe(true);
  let settled = false;
  const pending = send();
  pending.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let n = 0; !settled; n++) {
    if (n > 40) throw new Error('no answer after 40 rounds');
    await round();
  }
  return pending;
}

/**
 * Once the loop is free: the call, sent again while the guard still says busy (a machine shared with other test
 * suites can be slow for a moment on its own), within a bound. Clients do the same, after `retryAfter`.
 */
async function whenFree<T extends { ok: boolean; error?: { code: string } }>(call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const result = await call();
    if (result.ok || result.error?.code !== 'SERVER_BUSY' || attempt >= 20) return result;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test('over Socket.IO: a start and an answer are refused at once while the loop is behind, accepted once it is free', async () => {
  const { app, chat } = await server({ OVERLOAD_LAG_MS: '100' });
  const started = await whenFree(() => chat.emitWithAck('session:start', { procedure: 'asylum-filing', lang: 'en' }));
  if (!started.ok) throw new Error(started.error.code);
  const question = started.messages.at(-1)!;
  expect(question).toMatchObject({ node: 'location' });
  const answer = { value: 'france', node: question.node, turn: question.turn! };

  const refused = await behind(app, () => chat.emitWithAck('answer', answer));
  expect(refused).toEqual({
    ok: false,
    error: {
      code: 'SERVER_BUSY',
      // in the session's language
      message:
        'The service is very busy right now. Please try again in a few seconds: the answers you already gave are kept.',
      retryAfter: 2,
    },
  });
  expect(await behind(app, () => chat.emitWithAck('session:start', { procedure: 'triage' }))).toMatchObject({
    ok: false,
    error: { code: 'SERVER_BUSY', retryAfter: 2 },
  });
  // what was given is still there, and can be read meanwhile
  expect(
    await behind(app, () =>
      chat.emitWithAck('session:resume', { id: started.session.id, token: started.session.token }),
    ),
  ).toMatchObject({
    ok: true,
    messages: [{ node: 'location' }],
  });
  expect(app.services.load.busy).toBe(true);

  // the loop free again: the same answer is accepted, and recorded once
  const accepted = await whenFree(() => chat.emitWithAck('answer', answer));
  expect(accepted).toMatchObject({ ok: true, messages: [{ node: 'stage' }] });
  expect(await chat.emitWithAck('answer', answer)).toMatchObject({ ok: true, messages: [{ node: 'stage' }] });
  const stored = await app.services.store.get(started.session.id);
  expect(stored?.answers.map((a) => [a.field, a.value])).toEqual([['location', 'france']]);
  // refusals are counted, by code
  const metrics = await app.services.metrics.registry.getSingleMetricAsString('guidance_errors_total');
  expect(metrics).toMatch(/code="SERVER_BUSY",transport="socket"} [1-9]/);
});

test('over HTTP: 503 SERVER_BUSY with Retry-After for a start and an answer; reads, /healthz and /readyz still answer', async () => {
  const { app, http } = await server({ OVERLOAD_LAG_MS: '100' });
  const started = await whenFree(async () => {
    const r = await http.post('/api/v1/sessions').send({ procedure: 'asylum-filing', lang: 'fr' });
    return { ok: r.status === 201, error: r.body.error as { code: string } | undefined, body: r.body };
  });
  expect(started.ok).toBe(true);
  const { id, token } = started.body.session as { id: string; token: string };
  const auth = { Authorization: `Bearer ${token}` };

  const start = await behind(app, () =>
    http
      .post('/api/v1/sessions')
      .send({ procedure: 'triage' })
      .then((r) => r),
  );
  expect(start.status).toBe(503);
  expect(start.headers['retry-after']).toBe('2');
  expect(start.body).toEqual({
    error: { code: 'SERVER_BUSY', message: expect.stringMatching(/très chargé/), retryAfter: 2 },
  });
  const answer = await behind(app, () =>
    http
      .post(`/api/v1/sessions/${id}/answers`)
      .set(auth)
      .send({ value: 'france' })
      .then((r) => r),
  );
  expect([answer.status, answer.body.error?.code, answer.headers['retry-after']]).toEqual([503, 'SERVER_BUSY', '2']);
  const read = await behind(app, () =>
    http
      .get(`/api/v1/sessions/${id}`)
      .set(auth)
      .then((r) => r),
  );
  expect(read.status).toBe(200);
  expect(read.body.messages.at(-1)).toMatchObject({ node: 'location' });
  expect((await behind(app, () => http.get('/healthz').then((r) => r))).status).toBe(200);
  expect((await behind(app, () => http.get('/readyz').then((r) => r))).status).toBe(200);

  const accepted = await whenFree(async () => {
    const r = await http.post(`/api/v1/sessions/${id}/answers`).set(auth).send({ value: 'france' });
    return { ok: r.status === 200, error: r.body.error as { code: string } | undefined, body: r.body };
  });
  expect(accepted).toMatchObject({ ok: true, body: { messages: [{ node: 'stage' }] } });
});

test('OVERLOAD_LAG_MS=0: nothing is refused, however far behind the loop is', async () => {
  const { app, chat } = await server({ OVERLOAD_LAG_MS: '0' });
  expect(
    await behind(app, () => chat.emitWithAck('session:start', { procedure: 'triage', lang: 'fr' }), false),
  ).toMatchObject({
    ok: true,
  });
  expect(app.services.load.busy).toBe(false);
});

test('a cap on turns in progress: an answer read while the only admitted one waits for its write is refused', async () => {
  // SQLite commits the writes of one round of the loop together, at its end: a turn read in a round is still in
  // progress when the next message of that round is read.
  const store = `sqlite:${path.join(tempDir('overload-'), 'sessions.db')}`;
  const { app, chat, url } = await server({ OVERLOAD_LAG_MS: '0', OVERLOAD_MAX_IN_PROGRESS: '1', STORE_URL: store });
  const other: Chat = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  sockets.push(other);
  for (const c of [chat, other]) {
    expect(await c.emitWithAck('session:start', { procedure: 'asylum-filing', lang: 'fr' })).toMatchObject({
      ok: true,
    });
  }
  // both answers sent, then the loop held, so that the server reads them in the same round
  const answers = [chat, other].map((c) => c.emitWithAck('answer', { value: 'france' }));
  spin(200);
  const results = await Promise.all(answers);
  expect(results.map((r) => (r.ok ? 'ok' : r.error.code)).sort()).toEqual(['SERVER_BUSY', 'ok']);
  expect(app.services.load.running).toBe(0);
  // the refused one, sent again, is accepted
  const refused = results[0]!.ok ? other : chat;
  expect(await refused.emitWithAck('answer', { value: 'france' })).toMatchObject({
    ok: true,
    messages: [{ node: 'stage' }],
  });
});
