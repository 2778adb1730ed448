import { Writable } from 'node:stream';
import pino from 'pino';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import type { Application } from '../src/app';
import type { ClientToServerEvents, ServerToClientEvents } from '../src/realtime/events';
import { MemoryStore } from '../src/store/memory';
import { movableClock, testApp } from './helpers';

/**
 * Handing over to a human: a person's session gives a short code (HTTP or Socket.IO); an agent opens the same
 * conversation with its answers, once, within HANDOVER_TTL_SECONDS; a kiosk that resets keeps nothing, the copy lives
 * on for the time limit; "an agent opened a session" is logged with the agent's id and the time, never the answers.
 */

const AGENT_KEY = 'agent-key-for-the-handover-tests';
const apps: Application[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

function setUp(settings: Record<string, string> = {}) {
  const lines: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const clock = movableClock();
  const store = new MemoryStore();
  const app = testApp({ AGENT_KEY, HANDOVER_TTL_SECONDS: '600', ...settings }, { logger, clock, store });
  apps.push(app);
  return { app, lines, clock, store };
}

async function personWithAnswers(app: Application, channel: 'web' | 'kiosk' = 'web') {
  const res = await request(app.app)
    .post('/api/v1/sessions')
    .send({ procedure: 'asylum-filing', lang: 'ar', channel })
    .expect(201);
  const { id, token } = res.body.session;
  const auth = { Authorization: `Bearer ${token}` };
  for (const value of ['france', 'registered'])
    await request(app.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send({ value }).expect(200);
  return { id, auth };
}

const open = (app: Application, code: string, key = AGENT_KEY) =>
  request(app.app).post('/api/v1/handovers').set('X-Agent-Key', key).send({ code });

test('a code from the person opens the same conversation for an agent, in French, with the consent, once', async () => {
  const { app, lines } = setUp();
  const { id, auth } = await personWithAnswers(app);
  const created = await request(app.app).post(`/api/v1/sessions/${id}/handover`).set(auth).expect(201);
  const { code, expiresAt } = created.body.handover;
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
  expect(expiresAt).toBe('2026-11-23T09:10:00.000Z');

  // typed as people read it out: lower case, with a space
  const opened = await open(app, `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`).expect(201);
  expect(opened.body.session).toMatchObject({ channel: 'agent', lang: 'ar', procedure: 'asylum-filing' });
  expect(opened.body.handover).toMatchObject({ from: 'web', consentedAt: '2026-11-23T09:00:00.000Z' });
  const question = opened.body.messages[0];
  expect(question).toMatchObject({ node: 'attestation-issued-on', lang: 'ar' });
  expect(question.agent.textFr).toMatch(/attestation/);
  const agentAuth = { Authorization: `Bearer ${opened.body.session.token}` };
  const summary = await request(app.app)
    .get(`/api/v1/sessions/${opened.body.session.id}/summary?lang=fr`)
    .set(agentAuth)
    .expect(200);
  expect(summary.body.answers.map((a: { answer: string }) => a.answer)).toEqual([
    'En France',
    expect.stringMatching(/enregistrée/),
  ]);
  // the agent's session is not the person's: their token does not open it, and the code works once
  await request(app.app).get(`/api/v1/sessions/${opened.body.session.id}`).set(auth).expect(404);
  expect((await open(app, code).expect(404)).body.error.code).toBe('HANDOVER_CODE_UNKNOWN');

  const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'an agent opened a session');
  expect(logged).toEqual([
    expect.objectContaining({ agent: 'shared', at: '2026-11-23T09:00:00.000Z', how: 'handover' }),
  ]);
  expect(lines.join('\n')).not.toMatch(/france|registered|En France/);
});

test('a code works for HANDOVER_TTL_SECONDS, then the copy is gone; wrong codes are refused and counted', async () => {
  const { app, clock, store } = setUp();
  const { id, auth } = await personWithAnswers(app, 'kiosk');
  const { code } = (await request(app.app).post(`/api/v1/sessions/${id}/handover`).set(auth).expect(201)).body.handover;
  // the kiosk resets: its session is erased, the handed-over copy stays for the time limit
  await request(app.app).delete(`/api/v1/sessions/${id}`).set(auth).expect(204);
  expect(store.size).toBe(1);
  clock.advance(601_000);
  expect((await open(app, code).expect(404)).body.error.code).toBe('HANDOVER_CODE_UNKNOWN');
  await app.services.dialogue.sweep();
  expect(store.size).toBe(0);

  expect((await open(app, 'not a code').expect(404)).body.error.code).toBe('HANDOVER_CODE_UNKNOWN');
  // 20 wrong codes an hour per agent (the two above count)
  for (let i = 0; i < 18; i++) await open(app, 'ABCDEF').expect(404);
  expect((await open(app, 'ABCDEF').expect(429)).body.error.code).toBe('RATE_LIMITED');
});

test('only an agent opens a code; the person needs their token to make one, within the session starts limit', async () => {
  const { app } = setUp({ SESSION_STARTS_PER_MINUTE: '3' });
  const { id, auth } = await personWithAnswers(app);
  await request(app.app).post(`/api/v1/sessions/${id}/handover`).expect(404);
  const { code } = (await request(app.app).post(`/api/v1/sessions/${id}/handover`).set(auth).expect(201)).body.handover;
  const anonymous = await request(app.app).post('/api/v1/handovers').send({ code }).expect(401);
  expect(anonymous.body.error.code).toBe('AGENT_CREDENTIAL_REQUIRED');
  expect((await open(app, code, 'wrong-key-wrong-key').expect(401)).body.error.code).toBe('AGENT_CREDENTIAL_REQUIRED');
  await open(app, code).expect(201);
  // each code keeps a copy: it counts as a session start (one session and two codes so far)
  await request(app.app).post(`/api/v1/sessions/${id}/handover`).set(auth).expect(201);
  const refused = await request(app.app).post(`/api/v1/sessions/${id}/handover`).set(auth).expect(429);
  expect(refused.body.error.code).toBe('RATE_LIMITED');
});

test('over Socket.IO: the person asks for a code, an agent connection opens it and goes on with the conversation', async () => {
  const { app, lines } = setUp();
  const url = `http://127.0.0.1:${await app.listen()}/chat`;
  const connect = (auth: object = {}): Socket<ServerToClientEvents, ClientToServerEvents> =>
    io(url, { transports: ['websocket'], auth, forceNew: true });
  const person = connect();
  const agent = connect({ agentKey: AGENT_KEY });
  try {
    const started = await person.emitWithAck('session:start', { procedure: 'asylum-filing', lang: 'en' });
    expect(started.ok).toBe(true);
    await person.emitWithAck('answer', { value: 'france' });
    const created = await person.emitWithAck('handover:create');
    if (!created.ok) throw new Error(created.error.code);
    const opened = await agent.emitWithAck('handover:open', { code: created.handover.code });
    if (!opened.ok) throw new Error(opened.error.code);
    expect(opened.messages[0]).toMatchObject({ node: 'stage', agent: { textFr: expect.stringMatching(/demande/) } });
    const next = await agent.emitWithAck('answer', { value: 'not-registered' });
    expect(next.ok && next.messages.at(-1)?.type).toBe('outcome');
    // a person's connection cannot open codes
    const refused = await person.emitWithAck('handover:open', { code: created.handover.code });
    expect(!refused.ok && refused.error.code).toBe('AGENT_CREDENTIAL_REQUIRED');
    // an agent starting a new caller is logged too
    await agent.emitWithAck('session:start', { procedure: 'triage', channel: 'agent' });
    const logged = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'an agent opened a session');
    expect(logged.map((l) => l.how)).toEqual(['handover', 'new']);
  } finally {
    person.close();
    agent.close();
  }
});
