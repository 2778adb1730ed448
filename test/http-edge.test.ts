import request from 'supertest';
import { fixedClock } from '../src/clock';
import { errorCodes } from '../src/errors';
import { MemoryStore } from '../src/store/memory';
import { testApp } from './helpers';
import { useHttpApi } from './support/http-api';

/** The HTTP API of PROTOCOL.md at its edges: wrong input of every kind, expiry, operations and security. */

const { api, startSession, answer, application } = useHttpApi();

describe('wrong input of every kind: a stable code, the question again, nothing lost', () => {
  async function midConversation() {
    const s = await startSession({ procedure: 'asylum-filing', lang: 'fr' });
    await answer(s.id, s.auth, { value: 'france' }).expect(200);
    await answer(s.id, s.auth, { value: 'registered' }).expect(200);
    return s;
  }

  const intact = async (id: string, auth: Record<string, string>) => {
    const r = await api().get(`/api/v1/sessions/${id}`).set(auth).expect(200);
    expect(r.body.facts).toEqual({ location: 'france', stage: 'registered' });
    expect(r.body.messages[0].node).toBe('attestation-issued-on');
  };

  test.each([
    ['an unreadable date', { text: 'bientôt' }, 422, 'INVALID_ANSWER', /12\/03\/2026/],
    ['a future date', { value: '2027-01-01' }, 422, 'INVALID_ANSWER', /futur/],
    ['a date of the wrong type', { value: 12 }, 422, 'INVALID_ANSWER', /date/],
    ['both value and text', { value: '2026-11-01', text: 'x' }, 400, 'INVALID_PAYLOAD', /attendu/],
    ['an unknown key', { answer: 'x' }, 400, 'INVALID_PAYLOAD', /attendu/],
    ['text of the wrong type', { text: 42 }, 400, 'INVALID_PAYLOAD', /attendu/],
    ['an array', [1, 2], 400, 'INVALID_PAYLOAD', /attendu/],
  ])('%s', async (_name, body, status, code, message) => {
    const { id, auth } = await midConversation();
    const r = await answer(id, auth, body).expect(status);
    expect(r.body.error).toMatchObject({ code });
    expect(r.body.error.message).toMatch(message);
    expect(r.body.messages[0]).toMatchObject({ type: 'question', node: 'attestation-issued-on', lang: 'fr' });
    await intact(id, auth);
  });

  test('malformed JSON', async () => {
    const { id, auth } = await midConversation();
    const r = await api()
      .post(`/api/v1/sessions/${id}/answers`)
      .set(auth)
      .set('Content-Type', 'application/json')
      .send('{"value": ')
      .expect(400);
    expect(r.body.error.code).toBe('MALFORMED_JSON');
    expect(r.body.messages[0].node).toBe('attestation-issued-on');
    await intact(id, auth);
  });

  test('a payload too large', async () => {
    const { id, auth } = await midConversation();
    const r = await api()
      .post(`/api/v1/sessions/${id}/answers`)
      .set(auth)
      .send({ text: 'x'.repeat(20_000) })
      .expect(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(r.body.messages[0].node).toBe('attestation-issued-on');
    await intact(id, auth);
  });

  test('an answer for a choice that is not offered', async () => {
    const { id, auth } = await startSession({ procedure: 'asylum-filing', lang: 'en' });
    const r = await answer(id, auth, { value: 'mars' }).expect(422);
    expect(r.body.error).toMatchObject({ code: 'INVALID_ANSWER', field: 'location' });
    expect(r.body.messages[0].input.options.map((o: { value: string }) => o.value)).toEqual(['france', 'abroad', null]);
  });

  test('a wrong or missing token gets 404, as an unknown session does', async () => {
    const { id } = await startSession();
    for (const auth of [{}, { Authorization: 'Bearer nope' }, { Authorization: 'Basic abc' }]) {
      const r = await api().get(`/api/v1/sessions/${id}`).set(auth).expect(404);
      expect(r.body.error.code).toBe('SESSION_NOT_FOUND');
      expect(r.body.messages).toBeUndefined();
    }
    await api()
      .get('/api/v1/sessions/00000000-0000-0000-0000-000000000000')
      .set({ Authorization: 'Bearer x' })
      .expect(404);
  });

  test('unknown procedure, unsupported language, unknown channel when starting', async () => {
    expect((await api().post('/api/v1/sessions').send({ procedure: 'visa' }).expect(404)).body.error.code).toBe(
      'UNKNOWN_PROCEDURE',
    );
    expect((await api().post('/api/v1/sessions').send({ lang: 'tlh' }).expect(400)).body.error.code).toBe(
      'UNSUPPORTED_LANGUAGE',
    );
    expect((await api().post('/api/v1/sessions').send({ channel: 'fax' }).expect(400)).body.error.code).toBe(
      'INVALID_PAYLOAD',
    );
  });

  test('unknown route and unsupported summary format', async () => {
    expect((await api().get('/api/v1/nowhere').expect(404)).body.error.code).toBe('NOT_FOUND');
    const { id, auth } = await startSession();
    expect((await api().get(`/api/v1/sessions/${id}/summary?format=pdf`).set(auth).expect(400)).body.error.code).toBe(
      'UNSUPPORTED_FORMAT',
    );
  });

  test('every error body has a code from the closed list and a message', async () => {
    const r = await api().post('/api/v1/sessions').send({ procedure: 'visa' });
    expect(errorCodes).toContain(r.body.error.code);
    expect(Object.keys(r.body.error).sort()).toEqual(['code', 'message']);
  });
});

describe('expiry', () => {
  test('an expired session answers 410 once, is deleted, then is unknown', async () => {
    const store = new MemoryStore();
    const early = testApp({}, { store, clock: fixedClock('2026-11-23T09:00:00Z') });
    const res = await request(early.app).post('/api/v1/sessions').send({ channel: 'kiosk' }).expect(201);
    const { id, token } = res.body.session;
    expect(res.body.session.expiresAt).toBe('2026-11-23T09:15:00.000Z');
    await early.close();
    const late = testApp({}, { store, clock: fixedClock('2026-11-23T09:16:00Z') });
    const auth = { Authorization: `Bearer ${token}` };
    expect((await request(late.app).get(`/api/v1/sessions/${id}`).set(auth).expect(410)).body.error.code).toBe(
      'SESSION_EXPIRED',
    );
    expect((await request(late.app).get(`/api/v1/sessions/${id}`).set(auth).expect(404)).body.error.code).toBe(
      'SESSION_NOT_FOUND',
    );
    await late.close();
  });

  test('the sweep deletes expired sessions and keeps live ones', async () => {
    const store = new MemoryStore();
    const a = testApp({}, { store, clock: fixedClock('2026-11-23T09:00:00Z') });
    await request(a.app).post('/api/v1/sessions').send({ channel: 'kiosk' }).expect(201);
    await request(a.app).post('/api/v1/sessions').send({ channel: 'web' }).expect(201);
    await a.close();
    const b = testApp({}, { store, clock: fixedClock('2026-11-23T10:00:00Z') });
    expect(await b.services.dialogue.sweep()).toBe(1);
    await b.close();
  });
});

describe('operations and security', () => {
  test('health and readiness', async () => {
    await api().get('/healthz').expect(200, { status: 'ok' });
    await api().get('/readyz').expect(200, { status: 'ready' });
  });

  test('readiness fails when the store does not answer', async () => {
    const broken = new MemoryStore();
    broken.ping = async () => {
      throw new Error('down');
    };
    const app = testApp({}, { store: broken });
    const r = await request(app.app).get('/readyz').expect(503);
    expect(r.body.error.code).toBe('STORE_UNAVAILABLE');
    await app.close();
  });

  test('security headers, no x-powered-by, CORS only for configured origins', async () => {
    const app = testApp({ CORS_ORIGINS: 'https://widget.example.org' });
    const allowed = await request(app.app).get('/api/v1/procedures').set('Origin', 'https://widget.example.org');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://widget.example.org');
    const other = await request(app.app).get('/api/v1/procedures').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    expect(allowed.headers['x-content-type-options']).toBe('nosniff');
    expect(allowed.headers['x-powered-by']).toBeUndefined();
    await app.close();
  });

  test('rate limited per client, with its code', async () => {
    const app = testApp({ RATE_LIMIT_PER_MINUTE: '3' });
    for (let i = 0; i < 3; i++) await request(app.app).get('/api/v1/procedures').expect(200);
    const r = await request(app.app).get('/api/v1/procedures').expect(429);
    expect(r.body.error.code).toBe('RATE_LIMITED');
    await app.close();
  });

  test('tokens are stored hashed, never as given', async () => {
    const { id, res } = await startSession();
    const stored = await application().services.store.get(id);
    expect(JSON.stringify(stored)).not.toContain(res.body.session.token);
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
