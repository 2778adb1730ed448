import request from 'supertest';
import type { Application } from '../src/app';
import { TODAY, testApp } from './helpers';

/**
 * Numbers as people write them, through the HTTP API: a value worked out from the words (a half, years and
 * months, a calendar year, a sum, people counted, twins) is confirmed and said back with what was written;
 * several figures that do not make one are refused with a request for one figure, the question again.
 * The readings themselves are in the corpora (test/understanding/*-numbers.json).
 */

type Msg = { type: string; node: string; text: string; input?: { kind: string }; understood?: { value: unknown } };

let app: Application;
beforeEach(() => {
  app = testApp();
});
afterEach(() => app.close());

async function session(lang: string, answers: unknown[]) {
  const r = await request(app.app)
    .post('/api/v1/sessions')
    .send({ procedure: 'family-reunification', lang })
    .expect(201);
  const url = `/api/v1/sessions/${r.body.session.id}`;
  const auth = { Authorization: `Bearer ${r.body.session.token}` };
  const post = (answer: object) => request(app.app).post(`${url}/answers`).set(auth).send(answer);
  const say = async (answer: object): Promise<Msg[]> => (await post(answer).expect(200)).body.messages;
  for (const value of answers) await say({ value });
  const facts = async () => (await request(app.app).get(url).set(auth).expect(200)).body.facts;
  return { say, post, facts };
}

/** Up to the residence in months: a Malian resident card holder in Paris. */
const toResidence = ['ML', true, 'resident', '75056'];
/** Up to the monthly resources, with two children of 4 and 9 and no spouse joining. */
const toResources = [...toResidence, 30, true, false, [4, 9], 4, 60, TODAY];

const confirmation = (node: string, value: unknown, text: RegExp) =>
  expect.objectContaining({
    node,
    input: expect.objectContaining({ kind: 'confirm' }),
    understood: expect.objectContaining({ value }),
    text: expect.stringMatching(text),
  });

describe('a value worked out is confirmed, said back with what was written', () => {
  test('a year and a half at a question in months: 18 months, then recorded on yes', async () => {
    const s = await session('fr', toResidence);
    expect(await s.say({ text: 'un an et demi' })).toEqual([
      confirmation('residence-months', 18, /18 mois \(vous avez écrit 1 an et 6 mois\)/),
    ]);
    expect(await s.facts()).not.toHaveProperty('residenceMonths');
    const m = await s.say({ text: 'oui' });
    expect(m[0]).toMatchObject({ type: 'understood', value: 18 });
    expect(await s.facts()).toMatchObject({ residenceMonths: 18 });
  });

  test('years and months together, and a calendar year counted until today', async () => {
    const s = await session('en', toResidence);
    expect(await s.say({ text: '3 years and 8 months' })).toEqual([
      confirmation('residence-months', 44, /44 months \(you wrote 3 years and 8 months\)/),
    ]);
    // another answer at the confirmation is a new answer to the question
    expect(await s.say({ text: 'since 2019' })).toEqual([
      confirmation('residence-months', 84, /84 months \(you wrote 2019\)/),
    ]);
    expect(await s.say({ text: 'since March 2019' })).toEqual([
      confirmation('residence-months', 92, /92 months \(you wrote March 2019\)/),
    ]);
  });

  test('a calendar year with a year word beside it is that year ("з 2019 року": since 2019), not 2019 years', async () => {
    const s = await session('uk', toResidence);
    expect(await s.say({ text: 'з 2019 року' })).toEqual([
      confirmation('residence-months', 84, /84 місяц\S* \(ви написали 2019\)/),
    ]);
  });

  test('twins are two children; months at a question in years are the whole years, said back', async () => {
    const s = await session('fr', [...toResidence, 30, true, false]);
    expect(await s.say({ text: 'jumeaux de 6 ans' })).toEqual([confirmation('children-ages', [6, 6], /6, 6 ans/)]);
    expect(await s.say({ text: '18mois' })).toEqual([
      confirmation('children-ages', [1], /1 an \(vous avez écrit 18 mois\)/),
    ]);
  });

  test('people named are counted, the person answering included', async () => {
    const s = await session('ar', [...toResidence, 30, true, false, [4, 9]]);
    expect(await s.say({ text: 'انا ومرتي و3 دراري' })).toEqual([confirmation('household-size', 5, /5/)]);
  });

  test('a sum of amounts is confirmed; a range is refused with a request for one figure', async () => {
    const s = await session('fr', toResources);
    const r = await s.post({ text: 'entre 1200 et 1500' }).expect(422);
    expect(r.body.error).toMatchObject({ code: 'INVALID_ANSWER' });
    expect(r.body.error.message).toBe(
      'Donnez un seul chiffre. Si vous additionnez plusieurs montants, donnez leur total.',
    );
    expect(r.body.messages[0]).toMatchObject({ type: 'question', node: 'monthly-resources' });
    expect(await s.say({ text: 'je touche 1200 par mois et ma femme 800' })).toEqual([
      confirmation('monthly-resources', 2000, /2\s000 € par mois/),
    ]);
    expect(await s.say({ text: 'oui' })).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'understood', value: 2000 })]),
    );
    expect(await s.facts()).toMatchObject({ monthlyResources: 2000 });
  });
});

describe('an amount in another currency or for another period than a month or a year', () => {
  test('another currency is refused with a request for euros, never converted', async () => {
    const s = await session('fr', toResources);
    for (const text of ['2000 dollars', '500 livres', '15000 DA']) {
      const r = await s.post({ text }).expect(422);
      expect(r.body.error).toMatchObject({ code: 'INVALID_ANSWER' });
      expect(r.body.error.message).toMatch(/en euros/);
      expect(r.body.messages[0]).toMatchObject({ type: 'question', node: 'monthly-resources' });
    }
    // written in another language the service speaks, its currency is known too
    const r = await s.post({ text: '15000 افغانی' }).expect(422);
    expect(r.body.error.message).toMatch(/euros/);
    expect(await s.facts()).not.toHaveProperty('monthlyResources');
  });

  test('an amount a day or an hour is refused with a request for the month', async () => {
    const s = await session('en', toResources);
    for (const text of ['50 euros a day', '12 € an hour']) {
      const r = await s.post({ text }).expect(422);
      expect(r.body.error.message).toMatch(/per month/);
      expect(r.body.messages[0]).toMatchObject({ type: 'question', node: 'monthly-resources' });
    }
    expect(await s.facts()).not.toHaveProperty('monthlyResources');
  });

  test('an amount a week is made a month (x 52 / 12, to the euro), confirmed with the week said back', async () => {
    const s = await session('fr', toResources);
    expect(await s.say({ text: '700 € par semaine' })).toEqual([
      confirmation('monthly-resources', 3033, /3\s033 € par mois \(vous avez écrit 700 € par semaine\)/),
    ]);
    expect(await s.facts()).not.toHaveProperty('monthlyResources');
    await s.say({ text: 'oui' });
    expect(await s.facts()).toMatchObject({ monthlyResources: 3033 });
  });

  test('an amount a fortnight is made a month (x 26 / 12, to the euro), confirmed with the fortnight said back', async () => {
    const s = await session('fr', toResources);
    expect(await s.say({ text: '800 € toutes les deux semaines' })).toEqual([
      confirmation('monthly-resources', 1733, /1\s733 € par mois \(vous avez écrit 800 € par quinzaine\)/),
    ]);
    expect(await s.facts()).not.toHaveProperty('monthlyResources');
    await s.say({ text: 'oui' });
    expect(await s.facts()).toMatchObject({ monthlyResources: 1733 });
  });

  test('an amount a quarter is made a month (divided by 3), confirmed with the quarter said back', async () => {
    const s = await session('en', toResources);
    expect(await s.say({ text: '3000 every three months' })).toEqual([
      confirmation('monthly-resources', 1000, /1,000 per month \(you wrote €3,000 per quarter\)/),
    ]);
    expect(await s.facts()).not.toHaveProperty('monthlyResources');
  });

  test('a fortnight or a quarter beside another period or another figure is refused with a request for the month', async () => {
    const s = await session('fr', toResources);
    for (const text of ['3000 par trimestre et 500 par mois', '800 par quinzaine + 300']) {
      const r = await s.post({ text }).expect(422);
      expect(r.body.error.message).toMatch(/par mois/);
    }
    expect(await s.facts()).not.toHaveProperty('monthlyResources');
  });

  test('an ISO 4217 code beside an amount, or a currency sign, is another currency: refused, never converted', async () => {
    const s = await session('en', toResources);
    for (const text of ['1500 CHF', '2000 USD', '500 gbp', '300 MAD', 'CHF 1500', '1500 ¥', '₩ 300000']) {
      const r = await s.post({ text }).expect(422);
      expect(r.body.error.message).toMatch(/in euros/);
      expect(r.body.messages[0]).toMatchObject({ type: 'question', node: 'monthly-resources' });
    }
    expect(await s.facts()).not.toHaveProperty('monthlyResources');
  });
});
