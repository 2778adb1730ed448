import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import request from 'supertest';
import type { Application } from '../src/app';
import { testApp } from './helpers';

/**
 * Redis outages on a private redis-server (never the shared one): frozen with SIGSTOP (TCP open, no
 * answer at all), then woken with SIGCONT; and killed. Every store call must fail fast with
 * 503 STORE_UNAVAILABLE, logged as a warning without a stack, and work again once Redis answers.
 */

type AckResult = {
  ok: boolean;
  error?: { code: string };
  messages?: { node: string }[];
  session?: { id: string; token: string };
};

/** Longest a request may take while Redis is hung or down: the store's 2 s command timeout, and some slack for a busy machine. */
const FEW_SECONDS = 4000;
/** A failure known without waiting: well under the 2 s timeout, even on a busy machine. */
const AT_ONCE = 1500;

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once something on `port` answers PING with PONG. */
async function pong(port: number, withinMs = 5000) {
  const until = Date.now() + withinMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = createConnection({ port, host: '127.0.0.1' }, () => s.write('PING\r\n'));
      s.setTimeout(500, () => (s.destroy(), resolve(false)));
      s.on('data', (d) => (s.destroy(), resolve(d.toString().startsWith('+PONG'))));
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`no redis-server answers on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A redis-server of this test's own, without persistence, on `port`. */
class PrivateRedis {
  private child?: ChildProcess;

  constructor(readonly port: number) {}

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start() {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await pong(this.port);
  }

  freeze() {
    process.kill(this.child!.pid!, 'SIGSTOP');
  }

  wake() {
    if (this.child?.pid && this.child.exitCode === null && this.child.signalCode === null)
      process.kill(this.child.pid, 'SIGCONT');
  }

  /** Wakes it first, so that a frozen server can die; waits until it is gone. */
  async kill() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.wake();
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}

/** A logger that keeps its JSON lines, to check how outages are logged. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info', base: undefined }, sink), lines };
}

const timed = async <T>(run: () => Promise<T>) => {
  const started = Date.now();
  const result = await run();
  return { result, ms: Date.now() - started };
};

function chatClient(port: number): Socket {
  return connect(`http://127.0.0.1:${port}/chat`, { transports: ['websocket'], forceNew: true, reconnection: false });
}

const send = (c: Socket, event: string, payload?: unknown): Promise<AckResult> =>
  c.timeout(10_000).emitWithAck(event, payload);

/** Every request to a store that cannot answer: 503 STORE_UNAVAILABLE, within a few seconds. */
async function expectUnavailable(app: Application, socket: Socket, session: { id: string; token: string }) {
  const auth = { Authorization: `Bearer ${session.token}` };
  const [created, answered, ready, acked] = await Promise.all([
    timed(() =>
      request(app.app)
        .post('/api/v1/sessions')
        .send({ lang: 'fr' })
        .timeout(FEW_SECONDS + 2000),
    ),
    timed(() =>
      request(app.app)
        .post(`/api/v1/sessions/${session.id}/answers`)
        .set(auth)
        .send({ value: 'france' })
        .timeout(FEW_SECONDS + 2000),
    ),
    timed(() =>
      request(app.app)
        .get('/readyz')
        .timeout(FEW_SECONDS + 2000),
    ),
    timed(() => send(socket, 'answer', { value: 'france' })),
  ]);
  for (const r of [created, answered, ready]) {
    expect({ status: r.result.status, code: r.result.body.error?.code }).toEqual({
      status: 503,
      code: 'STORE_UNAVAILABLE',
    });
  }
  expect(acked.result).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } });
  return { created: created.ms, answered: answered.ms, ready: ready.ms, acked: acked.ms };
}

/** Polls /readyz until it says 200; returns how long that took. */
async function readyAgain(app: Application, withinMs: number) {
  const started = Date.now();
  while ((await request(app.app).get('/readyz').timeout(FEW_SECONDS)).status !== 200) {
    if (Date.now() - started > withinMs) throw new Error(`/readyz not 200 within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return Date.now() - started;
}

/** Failures were logged as warnings with their reason, never as errors, never with a stack. */
function expectWarningsOnly(lines: Record<string, unknown>[]) {
  expect(lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  const warnings = lines.filter((l) => l.level === 40 && l.code === 'STORE_UNAVAILABLE');
  expect(warnings.length).toBeGreaterThanOrEqual(4);
  for (const w of warnings) {
    expect(typeof w.reason).toBe('string');
    expect(JSON.stringify(w)).not.toMatch(/stack|france|Bearer|127\.0\.0\.1/);
  }
}

describe('a hung Redis (SIGSTOP) and its waking up (SIGCONT)', () => {
  let redis: PrivateRedis;
  let app: Application;
  let socket: Socket;
  const log = capturingLogger();

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    app = testApp({ STORE_URL: redis.url }, { logger: log.logger });
    socket = chatClient(await app.listen());
  });

  afterAll(async () => {
    redis?.wake();
    socket?.disconnect();
    await app?.close();
    await redis?.kill();
  });

  test('while frozen every call answers 503 STORE_UNAVAILABLE within a few seconds; once woken the session goes on with its answers', async () => {
    await request(app.app).get('/readyz').expect(200);
    const started = await request(app.app).post('/api/v1/sessions').send({ lang: 'fr' }).expect(201);
    const { id, token } = started.body.session;
    const auth = { Authorization: `Bearer ${token}` };
    await request(app.app)
      .post(`/api/v1/sessions/${id}/answers`)
      .set(auth)
      .send({ text: "je demande l'asile" })
      .expect(200);
    // a hand-over from free text is confirmed first
    await request(app.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send({ value: true }).expect(200);
    const answersOf = async () =>
      (await request(app.app).get(`/api/v1/sessions/${id}/summary`).set(auth).expect(200)).body.answers.map(
        (a: { node: string; value: unknown }) => [a.node, a.value],
      );
    expect(await answersOf()).toEqual([['need', 'asylum-filing']]);
    expect(await send(socket, 'session:start', { procedure: 'asylum-filing', lang: 'fr' })).toMatchObject({ ok: true });
    log.lines.length = 0;

    redis.freeze();
    try {
      const ms = await expectUnavailable(app, socket, { id, token });
      for (const took of Object.values(ms)) expect(took).toBeLessThan(FEW_SECONDS);
      // /readyz has its own, shorter timeout.
      expect(ms.ready).toBeLessThan(2000);
      expectWarningsOnly(log.lines);
      // Once Redis has left a call unanswered past the timeout, it is sent nothing more: the next calls fail at once.
      const again = await timed(() => expectUnavailable(app, socket, { id, token }));
      expect(again.ms).toBeLessThan(AT_ONCE);
    } finally {
      redis.wake();
    }
    // The calls left unanswered are answered first, then Redis is sent work again.
    await readyAgain(app, FEW_SECONDS);
    const after = await request(app.app)
      .post(`/api/v1/sessions/${id}/answers`)
      .set(auth)
      .send({ value: 'france' })
      .expect(200);
    expect(after.body.messages[0]).toMatchObject({ node: 'stage' });
    // The answer given before the freeze is there, and the one refused during it was not recorded as well.
    expect(await answersOf()).toEqual([
      ['need', 'asylum-filing'],
      ['location', 'france'],
    ]);
    expect(await send(socket, 'answer', { value: 'france' })).toMatchObject({
      ok: true,
      messages: [{ node: 'stage' }],
    });
  });

  test('an app closes within a few seconds while Redis is frozen', async () => {
    const other = testApp({ STORE_URL: redis.url });
    await other.listen();
    await request(other.app).get('/readyz').expect(200);
    redis.freeze();
    try {
      // A command left without an answer, as a request cut short by the timeout leaves one.
      await request(other.app).get('/readyz').timeout(FEW_SECONDS).expect(503);
      const { ms } = await timed(() => other.close());
      expect(ms).toBeLessThan(FEW_SECONDS);
    } finally {
      redis.wake();
    }
  });

  test('an app started while Redis is frozen: health says ok, the store says 503 within a few seconds, and it closes promptly', async () => {
    redis.freeze();
    const hung = testApp({ STORE_URL: redis.url });
    const c = chatClient(await hung.listen());
    try {
      await request(hung.app).get('/healthz').expect(200);
      const [ready, created] = await Promise.all([
        timed(() =>
          request(hung.app)
            .get('/readyz')
            .timeout(FEW_SECONDS + 2000),
        ),
        timed(() =>
          request(hung.app)
            .post('/api/v1/sessions')
            .send({ lang: 'fr' })
            .timeout(FEW_SECONDS + 2000),
        ),
      ]);
      for (const r of [ready, created]) {
        expect({ status: r.result.status, code: r.result.body.error?.code }).toEqual({
          status: 503,
          code: 'STORE_UNAVAILABLE',
        });
        expect(r.ms).toBeLessThan(FEW_SECONDS);
      }
      expect(await send(c, 'session:start', { lang: 'fr' })).toMatchObject({
        ok: false,
        error: { code: 'STORE_UNAVAILABLE' },
      });
    } finally {
      c.disconnect();
      const { ms } = await timed(() => hung.close());
      redis.wake();
      expect(ms).toBeLessThan(FEW_SECONDS);
    }
  });
});

describe('a Redis that is down', () => {
  let redis: PrivateRedis;
  let app: Application;
  let socket: Socket;
  const log = capturingLogger();

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    app = testApp({ STORE_URL: redis.url }, { logger: log.logger });
    socket = chatClient(await app.listen());
  });

  afterAll(async () => {
    socket?.disconnect();
    await app?.close();
    await redis?.kill();
  });

  test('killed: every call answers 503 STORE_UNAVAILABLE at once; started again: /readyz says 200 once it answers', async () => {
    const started = await request(app.app).post('/api/v1/sessions').send({ lang: 'fr' }).expect(201);
    expect(await send(socket, 'session:start', { lang: 'fr' })).toMatchObject({ ok: true });
    log.lines.length = 0;

    await redis.kill();
    const ms = await expectUnavailable(app, socket, started.body.session);
    for (const took of Object.values(ms)) expect(took).toBeLessThan(AT_ONCE);
    expectWarningsOnly(log.lines);

    // Without persistence the sessions are gone with the server; the app finds Redis again on its own.
    await redis.start();
    // The client retries with a backoff of at most 5 s.
    await readyAgain(app, 10_000);
    await request(app.app).post('/api/v1/sessions').send({ lang: 'fr' }).expect(201);
  });

  test('an app started while Redis is down: health says ok, the store says 503 at once, sockets connect, and it closes promptly', async () => {
    const closed = await freePort();
    const down = testApp({ STORE_URL: `redis://127.0.0.1:${closed}` });
    const c = chatClient(await down.listen());
    try {
      await request(down.app).get('/healthz').expect(200);
      // The first call may wait for the first connection attempt; after it fails, calls fail at once.
      await request(down.app).get('/readyz').timeout(FEW_SECONDS).expect(503);
      const { result, ms } = await timed(() => request(down.app).post('/api/v1/sessions').send({ lang: 'fr' }));
      expect({ status: result.status, code: result.body.error?.code }).toEqual({
        status: 503,
        code: 'STORE_UNAVAILABLE',
      });
      expect(ms).toBeLessThan(AT_ONCE);
      expect(await send(c, 'session:start', { lang: 'fr' })).toMatchObject({
        ok: false,
        error: { code: 'STORE_UNAVAILABLE' },
      });
    } finally {
      c.disconnect();
      const { ms } = await timed(() => down.close());
      expect(ms).toBeLessThan(FEW_SECONDS);
    }
  });
});
