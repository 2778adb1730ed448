import request from 'supertest';
import type { Application } from '../src/app';
import { testApp } from './helpers';

/**
 * Dates and towns through the HTTP API, on the tests' Monday 23 November 2026: a year-less date at the
 * question about OFII's validation (a coming day) is the next such day, confirmed and then recorded; a
 * period with no day, and a town written in Arabic letters, are refused with a hint saying what to write.
 */

let app: Application;
beforeEach(() => {
  app = testApp();
});
afterEach(() => app.close());

async function session(procedure: string, lang: string) {
  const r = await request(app.app).post('/api/v1/sessions').send({ procedure, lang }).expect(201);
  const auth = { Authorization: `Bearer ${r.body.session.token}` };
  const say = async (answer: object, status = 200) =>
    (await request(app.app).post(`/api/v1/sessions/${r.body.session.id}/answers`).set(auth).send(answer).expect(status))
      .body;
  const facts = async () =>
    (await request(app.app).get(`/api/v1/sessions/${r.body.session.id}`).set(auth).expect(200)).body.facts;
  return { say, facts };
}

/** Return aid up to the question about OFII's validation, the OQTF notified on 10 November. */
async function atValidation(lang: string) {
  const s = await session('return-aid', lang);
  await s.say({ value: 'mainland' });
  await s.say({ value: 'DZ' });
  await s.say({ value: false });
  await s.say({ value: true });
  await s.say({ value: '2026-11-10' });
  return s;
}

test('a year-less date at a question about a coming day is the next such day, confirmed, then recorded', async () => {
  const s = await atValidation('fr');
  const asked = await s.say({ text: 'le 1er décembre' });
  expect(asked.messages).toEqual([
    expect.objectContaining({
      node: 'validation-date',
      input: expect.objectContaining({ kind: 'confirm' }),
      understood: expect.objectContaining({ value: '2026-12-01' }),
      text: expect.stringMatching(/1 décembre 2026/),
    }),
  ]);
  const done = await s.say({ text: 'oui' });
  expect(done.messages[0]).toMatchObject({ type: 'understood', value: '2026-12-01' });
  expect(await s.facts()).toMatchObject({ validationDate: '2026-12-01' });
});

test('a weekday at that question is the coming one', async () => {
  const s = await atValidation('en');
  const asked = await s.say({ text: 'next monday' });
  expect(asked.messages[0]).toMatchObject({ input: { kind: 'confirm' }, understood: { value: '2026-11-30' } });
});

test('"last year" or "next year" beside a day and its month names that year, confirmed', async () => {
  const s = await session('return-aid', 'en');
  for (const value of ['mainland', 'DZ', false, true]) await s.say({ value });
  const asked = await s.say({ text: '12 november last year' });
  expect(asked.messages[0]).toMatchObject({ input: { kind: 'confirm' }, understood: { value: '2025-11-12' } });
  const uk = await atValidation('uk');
  const next = await uk.say({ text: '12 січня наступного року' });
  expect(next.messages[0]).toMatchObject({ input: { kind: 'confirm' }, understood: { value: '2027-01-12' } });
});

test('a period with no day is refused with a hint asking for the day, and nothing is recorded', async () => {
  const s = await session('return-aid', 'en');
  await s.say({ value: 'mainland' });
  await s.say({ value: 'DZ' });
  await s.say({ value: false });
  await s.say({ value: true });
  const refused = await s.say({ text: 'last week' }, 422);
  expect(refused.error).toMatchObject({ code: 'INVALID_ANSWER', message: expect.stringMatching(/exact day/) });
  expect(refused.messages.at(-1)).toMatchObject({ type: 'question', node: 'oqtf-notified-on' });
  expect(await s.facts()).not.toHaveProperty('oqtfNotifiedOn');
});

test('a town in Arabic letters is refused with a hint to write it in Latin letters; with its department it is found', async () => {
  const s = await session('family-reunification', 'ar');
  await s.say({ value: 'ML' });
  await s.say({ value: true });
  await s.say({ value: 'resident' });
  const refused = await s.say({ text: 'مونتروي' }, 422);
  expect(refused.error.message).toMatch(/اللاتينية/);
  const found = await s.say({ text: 'Montreuil 93100' });
  expect(found.messages[0]).toMatchObject({ type: 'understood', value: '93048' });
});
