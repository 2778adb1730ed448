import request from 'supertest';
import type { Application } from '../src/app';
import { formatEuros } from '../src/format';
import { translator } from '../src/i18n';
import { summaryHtml, summaryText } from '../src/http/summary-formats';
import { voiceOf } from '../src/languages';
import { i18n, testApp } from './helpers';

/**
 * What the server does for the pages used for real: summaries in the agent's language, communes by name, plurals, one
 * amount format, the widget's frame framable only by the configured sites, the settings people are told, the favicon.
 */

const AGENT_KEY = 'a-long-enough-agent-key';
let app: Application;
beforeEach(() => {
  app = testApp({ AGENT_KEY, CORS_ORIGINS: 'https://partner.example,https://other.example' });
});
afterEach(() => app.close());

async function session(body: object, agent = false) {
  const r = request(app.app).post('/api/v1/sessions');
  const res = await (agent ? r.set('X-Agent-Key', AGENT_KEY) : r).send(body).expect(201);
  return { id: res.body.session.id as string, auth: { Authorization: `Bearer ${res.body.session.token}` } };
}
const answer = (id: string, auth: Record<string, string>, body: object) =>
  request(app.app).post(`/api/v1/sessions/${id}/answers`).set(auth).send(body).expect(200);

test('an Arabic caller on the agent channel: options, notes, outcome and summary in French for the agent', async () => {
  const { id, auth } = await session({ procedure: 'asylum-filing', lang: 'ar', channel: 'agent' }, true);
  const first = (await request(app.app).get(`/api/v1/sessions/${id}`).set(auth)).body.messages[0];
  expect(first.lang).toBe('ar');
  expect(first.agent.options.map((o: { label: string }) => o.label)).toEqual([
    'En France',
    'Hors de France',
    'Je ne sais pas',
  ]);
  expect(first.agent.options.map((o: { value: string }) => o.value)).toEqual(
    first.input.options.map((o: { value: string }) => o.value),
  );
  expect(first.agent.notes.join(' ')).toMatch(/Lisez les réponses possibles : En France ; Hors de France/);
  await answer(id, auth, { value: 'france' });
  await answer(id, auth, { value: 'registered' });
  const outcome = (await answer(id, auth, { value: '2026-11-14' })).body.messages.at(-1);
  expect(outcome.type).toBe('outcome');
  expect(outcome.decision.lang).toBe('ar');
  expect(outcome.agent.decision).toMatchObject({
    lang: 'fr',
    deadlines: [expect.objectContaining({ date: '2026-12-05' })],
  });
  expect(outcome.agent.textFr).toMatch(/OFPRA/);
  // the case summary for the file is French; the caller's language on request
  const fr = await request(app.app).get(`/api/v1/sessions/${id}/summary?format=text&lang=fr`).set(auth).expect(200);
  expect(fr.text).toMatch(/Récapitulatif/);
  expect(fr.text).toMatch(/samedi 5 décembre 2026/);
  expect(fr.text).not.toMatch(/[\u0600-\u06ff]/);
  const ar = await request(app.app).get(`/api/v1/sessions/${id}/summary?format=text`).set(auth).expect(200);
  expect(ar.text).toMatch(/[\u0600-\u06ff]/);
  const json = await request(app.app).get(`/api/v1/sessions/${id}/summary?lang=fr`).set(auth).expect(200);
  expect(json.body.answers[0]).toMatchObject({ answer: 'En France', input: { kind: 'choice' } });
  expect(
    (await request(app.app).get(`/api/v1/sessions/${id}/summary?lang=xx`).set(auth).expect(400)).body.error.code,
  ).toBe('UNSUPPORTED_LANGUAGE');
});

test('a commune is shown by its name, not its INSEE code', async () => {
  const { id, auth } = await session({ procedure: 'family-reunification', lang: 'fr' });
  for (const value of ['DZ', true, 'multi-year', '93048']) await answer(id, auth, { value });
  const summary = await request(app.app).get(`/api/v1/sessions/${id}/summary`).set(auth).expect(200);
  const commune = summary.body.answers.find((a: { field: string }) => a.field === 'commune');
  expect(commune.answer).toBe('Montreuil (93)');
});

test('days left use the plural forms of each language', () => {
  const t = (lang: string) => translator(i18n(), lang);
  expect(t('fr')('common:deadline.days-left', { count: 1 })).toBe('Il reste 1 jour.');
  expect(t('fr')('common:deadline.days-left', { count: 3 })).toBe('Il reste 3 jours.');
  expect(t('en')('common:deadline.days-left', { count: 1 })).toBe('1 day left.');
  expect(t('ar')('common:deadline.days-left', { count: 2 })).toBe('بقي يومان.');
  expect(t('ar')('common:deadline.days-left', { count: 5 })).toBe('بقيت 5 أيام.');
});

test('no text of the pages or the common texts writes a plural as "(s)"', () => {
  const { content } = app.services;
  for (const lang of content.languages)
    for (const ns of ['common', 'ui'])
      expect(JSON.stringify(content.locales[lang]![ns])).not.toMatch(/\w\((s|e?s|ren)\)/);
});

test('an amount is written the same on the card, in the printout and in the text summary', async () => {
  expect(formatEuros(1200, 'fr')).toBe('1\u202f200');
  expect(formatEuros(2021.6, 'fr')).toBe('2\u202f021,60');
  const { id, auth } = await session({ procedure: 'return-aid', lang: 'fr' });
  for (const value of ['mainland', 'SN', false, true, '2026-11-10', '2026-11-23', true, 'none', 1, 0, true])
    await answer(id, auth, { value });
  const summary = await app.services.dialogue.summary(id, auth.Authorization.slice(7));
  const amount = summary.decision!.amounts[0]!;
  const shown = `${formatEuros(amount.maxEur, 'fr')} €`;
  const voice = voiceOf(app.services.content, app.services.i18n, 'fr');
  expect(summaryHtml(summary, voice)).toContain(shown);
  expect(summaryText(summary, voice)).toContain(shown);
  expect(shown).not.toMatch(/,00/);
});

test("the widget's frame may be framed by this server's pages and the configured sites only", async () => {
  const frame = await request(app.app).get('/widget/frame').expect(200);
  expect(frame.headers['content-security-policy']).toMatch(
    /frame-ancestors 'self' https:\/\/partner\.example https:\/\/other\.example(;|$)/,
  );
  expect(frame.headers['x-frame-options']).toBeUndefined();
  const kiosk = await request(app.app).get('/kiosk').expect(200);
  expect(kiosk.headers['content-security-policy']).toMatch(/frame-ancestors 'self'(;|$)/);
  expect(kiosk.headers['x-frame-options']).toBe('SAMEORIGIN');
  const alone = testApp();
  expect((await request(alone.app).get('/widget/frame').expect(200)).headers['content-security-policy']).toMatch(
    /frame-ancestors 'self'(;|$)/,
  );
  await alone.close();
});

test('the pages say how long a conversation is kept and a code works, from the settings, in words', async () => {
  const custom = testApp({ SESSION_TTL_WEB_SECONDS: '7200', KIOSK_IDLE_SECONDS: '90', HANDOVER_TTL_SECONDS: '1800' });
  const fr = (await request(custom.app).get('/api/v1/texts/ui?lang=fr').expect(200)).body;
  expect(fr.durations).toMatchObject({ web: '2 heures', kiosk: '90 secondes', handover: '30 minutes' });
  const ar = (await request(custom.app).get('/api/v1/texts/ui?lang=ar').expect(200)).body;
  expect(ar.durations.web).toBe('ساعتان');
  await custom.close();
});

test('favicon.ico is served', async () => {
  const r = await request(app.app).get('/favicon.ico').expect(200);
  expect(r.body.subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});
