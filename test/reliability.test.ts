import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import type { Application } from '../src/app';
import type { Clock } from '../src/clock';
import { NOW, REDIS_URL, testApp } from './helpers';

/** Issue 9: what broke under load and fuzzing, each proved by the way it broke. */

const apps: Application[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});
const app = (...args: Parameters<typeof testApp>) => {
  const a = testApp(...args);
  apps.push(a);
  return a;
};

/** A logger whose lines the test reads. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines };
}

async function start(a: Application, body: object) {
  const res = await request(a.app).post('/api/v1/sessions').send(body).expect(201);
  return {
    id: res.body.session.id as string,
    auth: { Authorization: `Bearer ${res.body.session.token}` },
    first: res.body.messages[0],
  };
}

describe('duplicate and stale answers', () => {
  const toReceivedBefore = async (a: Application) => {
    const s = await start(a, { procedure: 'return-aid' });
    await request(a.app).post(`/api/v1/sessions/${s.id}/answers`).set(s.auth).send({ value: 'mainland' }).expect(200);
    const r = await request(a.app)
      .post(`/api/v1/sessions/${s.id}/answers`)
      .set(s.auth)
      .send({ value: 'DZ' })
      .expect(200);
    expect(r.body.messages[0]).toMatchObject({ node: 'received-before', turn: expect.any(Number) });
    return { ...s, question: r.body.messages[0] as { node: string; turn: number } };
  };

  // On Redis, two requests for one session really interleave: both read, one writes, the other retries.
  test.each([
    ['without node or turn', {}],
    ['naming node and turn', { named: true }],
  ])(
    'two identical answers sent together (%s): never recorded against the next question',
    async (_name, o: { named?: boolean }) => {
      const a = app({ STORE_URL: REDIS_URL });
      for (let round = 0; round < 15; round++) {
        const s = await toReceivedBefore(a);
        const body = { value: false, ...(o.named ? { node: s.question.node, turn: s.question.turn } : {}) };
        const send = () => request(a.app).post(`/api/v1/sessions/${s.id}/answers`).set(s.auth).send(body);
        const results = await Promise.all([send(), send()]);
        for (const r of results) {
          // the same result, or (without a turn) a conflict naming the current question: never a recorded "no OQTF"
          if (r.status === 409)
            expect(r.body).toMatchObject({ error: { code: 'STALE_ANSWER' }, messages: [{ node: 'has-oqtf' }] });
          else
            expect({ status: r.status, nodes: r.body.messages.map((m: { node: string }) => m.node) }).toEqual({
              status: 200,
              nodes: ['has-oqtf'],
            });
        }
        if (o.named) expect(results.map((r) => r.status)).toEqual([200, 200]);
        const state = await request(a.app).get(`/api/v1/sessions/${s.id}`).set(s.auth).expect(200);
        // "no aid received before" must not become "no OQTF"
        expect(state.body.facts).toEqual({ territory: 'mainland', nationality: 'DZ', receivedBefore: false });
        await request(a.app).delete(`/api/v1/sessions/${s.id}`).set(s.auth).expect(204);
      }
    },
  );

  test('an answer naming its turn: sent again later, the same result; for an old question, a conflict with the current one', async () => {
    const a = app();
    const s = await toReceivedBefore(a);
    const body = { value: false, node: s.question.node, turn: s.question.turn };
    const first = await request(a.app).post(`/api/v1/sessions/${s.id}/answers`).set(s.auth).send(body).expect(200);
    const again = await request(a.app).post(`/api/v1/sessions/${s.id}/answers`).set(s.auth).send(body).expect(200);
    expect(again.body).toEqual(first.body);
    // a different answer for the question already answered: stale
    const stale = await request(a.app)
      .post(`/api/v1/sessions/${s.id}/answers`)
      .set(s.auth)
      .send({ ...body, value: true })
      .expect(409);
    expect(stale.body.error.code).toBe('STALE_ANSWER');
    expect(stale.body.messages[0]).toMatchObject({ node: 'has-oqtf', turn: s.question.turn + 1 });
    // a node alone that is not the current one
    const wrongNode = await request(a.app)
      .post(`/api/v1/sessions/${s.id}/answers`)
      .set(s.auth)
      .send({ value: true, node: 'territory' })
      .expect(409);
    expect(wrongNode.body.error.code).toBe('STALE_ANSWER');
    const facts = (await request(a.app).get(`/api/v1/sessions/${s.id}`).set(s.auth)).body.facts;
    expect(facts).toEqual({ territory: 'mainland', nationality: 'DZ', receivedBefore: false });
    // the current turn is accepted, and clients that send neither node nor turn keep working
    await request(a.app)
      .post(`/api/v1/sessions/${s.id}/answers`)
      .set(s.auth)
      .send({ value: true, turn: s.question.turn + 1 })
      .expect(200);
    await request(a.app).post(`/api/v1/sessions/${s.id}/answers`).set(s.auth).send({ text: '01/11/2026' }).expect(200);
  });

  test('after back, the same node comes again with a new turn: an answer to the old turn is stale', async () => {
    const a = app();
    const s = await toReceivedBefore(a);
    await request(a.app).post(`/api/v1/sessions/${s.id}/answers`).set(s.auth).send({ value: false }).expect(200);
    const back = await request(a.app).post(`/api/v1/sessions/${s.id}/back`).set(s.auth).send({}).expect(200);
    expect(back.body.messages[0]).toMatchObject({ node: 'received-before' });
    expect(back.body.messages[0].turn).toBeGreaterThan(s.question.turn);
    const old = await request(a.app)
      .post(`/api/v1/sessions/${s.id}/answers`)
      .set(s.auth)
      .send({ value: true, node: s.question.node, turn: s.question.turn })
      .expect(409);
    expect(old.body.error.code).toBe('STALE_ANSWER');
  });

  test('back pressed twice at the same turn goes back once', async () => {
    const a = app();
    const s = await toReceivedBefore(a);
    const r = await request(a.app)
      .post(`/api/v1/sessions/${s.id}/answers`)
      .set(s.auth)
      .send({ value: false })
      .expect(200);
    const turn = r.body.messages[0].turn;
    const [one, two] = await Promise.all(
      [0, 1].map(() => request(a.app).post(`/api/v1/sessions/${s.id}/back`).set(s.auth).send({ turn })),
    );
    expect([one!.status, two!.status]).toEqual([200, 200]);
    expect(two!.body.messages[0]).toMatchObject({ node: 'received-before' });
    expect((await request(a.app).get(`/api/v1/sessions/${s.id}`).set(s.auth)).body.facts).toEqual({
      territory: 'mainland',
      nationality: 'DZ',
    });
  });
});

describe('bad addresses and bodies are 4xx, and neither the URL nor the body reaches the logs', () => {
  test.each([
    ['GET', '/api/v1/sessions/%ZZ-private-text'],
    ['GET', '/api/v1/procedures/%ZZ-private-text/facts'],
    ['POST', '/api/v1/sessions/%E0%A4%A-private-text/answers'],
    ['DELETE', '/api/v1/sessions/%ZZ-private-text'],
  ])('%s %s', async (method, url) => {
    const { logger, lines } = capturedLogger();
    const a = app({}, { logger });
    const res = await request(a.app)[method.toLowerCase() as 'get'](url).send({ text: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MALFORMED_URL');
    expect(lines.join('')).not.toMatch(/private-text|%ZZ/);
  });

  test.each(['gzip', 'deflate', 'br'])('an undecodable %s body', async (encoding) => {
    const { logger, lines } = capturedLogger();
    const a = app({}, { logger });
    const s = await start(a, { procedure: 'asylum-filing' });
    const res = await request(a.app)
      .post(`/api/v1/sessions/${s.id}/answers`)
      .set(s.auth)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', encoding)
      .send(Buffer.from('{"text":"private-text"} not compressed'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_PAYLOAD');
    expect(res.body.messages[0]).toMatchObject({ node: 'location' });
    expect(lines.join('')).not.toMatch(/private-text/);
    expect(lines.join('')).not.toMatch(/"level":50/);
  });
});

test('session, summary and decision responses are never cached', async () => {
  const a = app();
  const s = await start(a, { procedure: 'asylum-filing' });
  const responses = [
    await request(a.app).post('/api/v1/sessions').send({}),
    await request(a.app).get(`/api/v1/sessions/${s.id}`).set(s.auth),
    await request(a.app).post(`/api/v1/sessions/${s.id}/answers`).set(s.auth).send({ value: 'france' }),
    await request(a.app).get(`/api/v1/sessions/${s.id}/summary`).set(s.auth),
    await request(a.app).get(`/api/v1/sessions/${s.id}/summary?format=html`).set(s.auth),
    await request(a.app).get(`/api/v1/sessions/${s.id}/summary?format=ics`).set(s.auth),
    await request(a.app)
      .post('/api/v1/procedures/asylum-filing/evaluate')
      .send({ facts: { location: 'abroad' } }),
    await request(a.app).get('/api/v1/sessions/unknown').set(s.auth),
  ];
  for (const [i, r] of responses.entries())
    expect({ i, cache: r.headers['cache-control'] }).toEqual({ i, cache: 'no-store' });
});

test('a kiosk session ends at its maximum age however active it is; a web session slides', async () => {
  let now = new Date(NOW).getTime();
  const clock: Clock = { now: () => new Date(now) };
  const a = app({ SESSION_TTL_KIOSK_SECONDS: '300', SESSION_MAX_AGE_KIOSK_SECONDS: '900' }, { clock });
  const kiosk = await start(a, { procedure: 'elderly-migrant-aid', channel: 'kiosk' });
  const web = await start(a, { procedure: 'elderly-migrant-aid', channel: 'web' });
  // an answer every four minutes, for a quarter of an hour
  for (let minute = 4; minute <= 16; minute += 4) {
    now += 4 * 60_000;
    const k = await request(a.app).post(`/api/v1/sessions/${kiosk.id}/back`).set(kiosk.auth).send({});
    const w = await request(a.app).get(`/api/v1/sessions/${web.id}`).set(web.auth);
    expect(w.status).toBe(200);
    if (minute < 15)
      expect(k.status).toBe(409); // NOTHING_TO_UNDO: it is alive
    else expect(k.body.error.code).toBe('SESSION_EXPIRED');
    if (minute < 15) {
      await request(a.app)
        .post(`/api/v1/sessions/${kiosk.id}/answers`)
        .set(kiosk.auth)
        .send({ value: 'DZ' })
        .expect(200);
      await request(a.app).post(`/api/v1/sessions/${kiosk.id}/back`).set(kiosk.auth).send({}).expect(200);
    }
  }
  const view = (await request(a.app).get(`/api/v1/sessions/${web.id}`).set(web.auth)).body.session;
  expect(view.expiresAt > new Date(now).toISOString()).toBe(true);
});

describe('/metrics is not public', () => {
  test('by default there is none on the service port', async () => {
    const a = app();
    expect((await request(a.app).get('/metrics').expect(404)).body.error.code).toBe('NOT_FOUND');
  });

  test('METRICS_TOKEN: on the service port behind the token', async () => {
    const a = app({ METRICS_TOKEN: 'a-metrics-token-for-tests' });
    await start(a, {});
    await request(a.app).get('/metrics').expect(404);
    await request(a.app).get('/metrics').set('Authorization', 'Bearer wrong-token-wrong-token').expect(404);
    const m = await request(a.app).get('/metrics').set('Authorization', 'Bearer a-metrics-token-for-tests').expect(200);
    expect(m.text).toMatch(/guidance_sessions_started_total{procedure="triage",channel="web"} 1/);
  });

  test('METRICS_PORT: on a port of its own, not on the service port', async () => {
    const port = await freePort();
    const a = app({ METRICS_PORT: String(port) });
    const servicePort = await a.listen();
    await request(`http://127.0.0.1:${servicePort}`).post('/api/v1/sessions').send({}).expect(201);
    await request(`http://127.0.0.1:${servicePort}`).get('/metrics').expect(404);
    const m = await request(`http://127.0.0.1:${port}`).get('/metrics').expect(200);
    expect(m.text).toMatch(/guidance_sessions_started_total{procedure="triage",channel="web"} 1/);
    await request(`http://127.0.0.1:${port}`).get('/api/v1/procedures').expect(404);
  });
});

/** A port free right now on the loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
