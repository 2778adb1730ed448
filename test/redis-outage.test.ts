import type { Socket } from 'socket.io-client';
import request from 'supertest';
import type { Application } from '../src/app';
import { testApp } from './helpers';

/**
 * Redis outages on a private redis-server (never the shared one): frozen with SIGSTOP (TCP open, no
 * answer at all), then woken with SIGCONT; and killed. Every store call must fail fast with
 * 503 STORE_UNAVAILABLE, logged as a warning without a stack, and work again once Redis answers.
 */

import {
  PrivateRedis,
  FEW_SECONDS,
  AT_ONCE,
  freePort,
  capturingLogger,
  timed,
  chatClient,
  send,
  expectUnavailable,
  readyAgain,
  expectWarningsOnly,
} from './support/redis-outage';

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
