import request from 'supertest';
import type { Application } from '../src/app';
import { fixedClock } from '../src/clock';
import { testApp } from './helpers';

/**
 * The HTTP additions the pages use: changing an earlier answer, summaries as text and bilingual HTML, texts, languages.
 */

let app: Application;
beforeEach(() => {
  app = testApp({ AGENT_KEY: 'a-long-enough-agent-key' });
});
afterEach(() => app.close());

async function session(body: object) {
  const res = await request(app.app).post('/api/v1/sessions').send(body).expect(201);
  return { id: res.body.session.id as string, auth: { Authorization: `Bearer ${res.body.session.token}` } };
}
const answer = (id: string, auth: Record<string, string>, body: object) =>
  request(app.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send(body).expect(200);

test('changing an earlier answer keeps the later answers that still apply and drops the others', async () => {
  const { id, auth } = await session({ procedure: 'return-aid', lang: 'en' });
  for (const value of ['mainland', 'DZ', false, true, '2026-11-10', '2026-11-23', true, 'none'])
    await answer(id, auth, { value });
  // Algeria -> Georgia: the ban on return is now asked; the answers after it wait
  const r = await request(app.app)
    .put(`/api/v1/sessions/${id}/answers/1`)
    .set(auth)
    .send({ text: 'Georgia' })
    .expect(200);
  expect(r.body.messages[0]).toMatchObject({ node: 'has-return-ban' });
  const state = (await request(app.app).get(`/api/v1/sessions/${id}`).set(auth)).body;
  expect(state.facts).toEqual({
    territory: 'mainland',
    nationality: 'GE',
    receivedBefore: false,
    hasOqtf: true,
    oqtfNotifiedOn: '2026-11-10',
    validationDate: '2026-11-23',
  });
  // an answer that does not fit is refused, nothing changes
  const bad = await request(app.app)
    .put(`/api/v1/sessions/${id}/answers/1`)
    .set(auth)
    .send({ text: 'Atlantis' })
    .expect(422);
  expect(bad.body.error).toMatchObject({ code: 'INVALID_ANSWER', field: 'nationality' });
  expect(
    (await request(app.app).put(`/api/v1/sessions/${id}/answers/42`).set(auth).send({ value: 'x' }).expect(400)).body
      .error.code,
  ).toBe('INVALID_PAYLOAD');
});

test('summary as plain text, and as bilingual HTML with the French beside', async () => {
  const { id, auth } = await session({ procedure: 'asylum-filing', lang: 'en' });
  await answer(id, auth, { value: 'abroad' });
  const text = await request(app.app).get(`/api/v1/sessions/${id}/summary?format=text`).set(auth).expect(200);
  expect(text.type).toBe('text/plain');
  expect(text.text).toMatch(/Where are you now\? Outside France/);
  const html = await request(app.app)
    .get(`/api/v1/sessions/${id}/summary?format=html&bilingual=1`)
    .set(auth)
    .expect(200);
  expect(html.text).toContain('<section class="col" lang="en"');
  expect(html.text).toContain('<section class="col" lang="fr"');
  expect(html.text).toContain('Hors de France');
  expect(html.text).not.toContain('<script');
});

test('languages named in their own script, interface texts per language', async () => {
  const langs = await request(app.app).get('/api/v1/languages').expect(200);
  expect(langs.body).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ code: 'fr', name: 'Français', dir: 'ltr', translation: { status: 'reference' } }),
      expect.objectContaining({
        code: 'en',
        name: 'English',
        dir: 'ltr',
        purpose: expect.stringMatching(/return aid/),
      }),
    ]),
  );
  const en = await request(app.app).get('/api/v1/texts/ui?lang=en').expect(200);
  expect(en.body).toMatchObject({
    lang: 'en',
    dir: 'ltr',
    ui: { chat: { send: 'Send' } },
    status: { eligible: expect.any(String) },
    translationNotice: expect.any(String),
  });
  expect((await request(app.app).get('/api/v1/texts/ui?lang=xx').expect(400)).body.error.code).toBe(
    'UNSUPPORTED_LANGUAGE',
  );
});

test('agent sessions need the credential; they carry the French line and notes', async () => {
  expect((await request(app.app).post('/api/v1/sessions').send({ channel: 'agent' }).expect(401)).body.error.code).toBe(
    'AGENT_CREDENTIAL_REQUIRED',
  );
  expect(
    (
      await request(app.app)
        .post('/api/v1/sessions')
        .set('X-Agent-Key', 'wrong-key-wrong-key!')
        .send({ channel: 'agent' })
        .expect(401)
    ).body.error.code,
  ).toBe('AGENT_CREDENTIAL_REQUIRED');
  const r = await request(app.app)
    .post('/api/v1/sessions')
    .set('X-Agent-Key', 'a-long-enough-agent-key')
    .send({ channel: 'agent', lang: 'en', procedure: 'elderly-migrant-aid' })
    .expect(201);
  expect(r.body.session.channel).toBe('agent');
  // everything the agent reads is in French, and the notes say what to expect in words, never a fact's name
  expect(r.body.messages[0].agent).toMatchObject({
    textFr: 'Quelle est votre nationalité ?',
    notes: [expect.stringContaining('un pays')],
  });
  expect(JSON.stringify(r.body.messages[0].agent)).not.toMatch(/nationality/);
  const web = await request(app.app).post('/api/v1/sessions').send({ lang: 'en' }).expect(201);
  expect(web.body.messages[0].agent).toBeUndefined();
});

test('the agent script as printable HTML', async () => {
  const r = await request(app.app).get('/api/v1/procedures/asylum-filing/script?format=html&lang=en').expect(200);
  expect(r.type).toBe('text/html');
  expect(r.text).toContain('Where are you now?');
  // where each answer leads, in words: the next question's number and sentence, or the result
  expect(r.text).toContain('go to question 2 (<a href="#q2">');
  expect(r.text).toMatch(/<a href="#r1">end: result 1<\/a>/);
});

test('the pages are served, with a content security policy', async () => {
  const page = await request(app.app).get('/').expect(200);
  expect(page.text).toContain('<script src="/widget.js"');
  expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
  await request(app.app)
    .get('/widget.js')
    .expect(200)
    .expect('Content-Type', /javascript/);
  await request(app.app).get('/kiosk').expect(200);
  await request(app.app).get('/agent').expect(200);
  const closed = testApp();
  expect((await request(closed.app).get('/agent').expect(401)).body.error.code).toBe('AGENT_CREDENTIAL_REQUIRED');
  await closed.close();
});

test("facts about Mayotte use Mayotte's calendar for today", async () => {
  // 21:30 UTC: still 23 November in Paris (22:30), already 24 November in Mayotte (00:30)
  const late = testApp({}, { clock: fixedClock('2026-11-23T21:30:00Z') });
  const facts = {
    territory: 'mayotte',
    nationality: 'CD',
    receivedBefore: false,
    hasOqtf: true,
    oqtfNotifiedOn: '2026-11-20',
  };
  const mayotte = await request(late.app).post('/api/v1/procedures/return-aid/evaluate').send({ facts }).expect(200);
  expect(mayotte.body.decision.asOf).toBe('2026-11-24');
  const mainland = await request(late.app)
    .post('/api/v1/procedures/return-aid/evaluate')
    .send({ facts: { ...facts, territory: 'mainland' } })
    .expect(200);
  expect(mainland.body.decision.asOf).toBe('2026-11-23');

  // in a conversation, once the territory is Mayotte, "today" is Mayotte's
  const start = await request(late.app)
    .post('/api/v1/sessions')
    .send({ procedure: 'return-aid', lang: 'fr' })
    .expect(201);
  const auth = { Authorization: `Bearer ${start.body.session.token}` };
  const id = start.body.session.id;
  await request(late.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send({ value: 'mayotte' }).expect(200);
  await request(late.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send({ value: 'CD' }).expect(200);
  await request(late.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send({ value: false }).expect(200);
  const q = await request(late.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send({ value: true }).expect(200);
  expect(q.body.messages[0]).toMatchObject({ node: 'oqtf-notified-on', input: { maxDate: '2026-11-24' } });
  await late.close();
});
