import request from 'supertest';
import { converseAndEvaluate, nodesOf, testApp } from '../helpers';

/** elderly-migrant-aid node by node: a failed condition ends the questions; triage reaches it from plain words. */

type A = [field: string, value: unknown];
const nodeAfter = nodesOf('elderly-migrant-aid');

describe('elderly-migrant-aid, node by node', () => {
  test('nationality first; a French national is told at once', () => {
    expect(nodeAfter([])).toBe('nationality');
    expect(nodeAfter([['nationality', 'FR']])).toBe('decision');
    expect(nodeAfter([['nationality', 'DZ']])).toBe('age');
  });

  test.each([
    [70, 'residence-years'],
    [65, 'residence-years'],
    [64, 'unfit-for-work'],
    [62, 'unfit-for-work'],
    [61, 'decision'],
  ])('age %i -> %s', (age, node) =>
    expect(
      nodeAfter([
        ['nationality', 'DZ'],
        ['age', age],
      ]),
    ).toBe(node),
  );

  test('unfit for work: no -> decision, yes -> residence', () => {
    expect(
      nodeAfter([
        ['nationality', 'DZ'],
        ['age', 63],
        ['unfitForWork', false],
      ]),
    ).toBe('decision');
    expect(
      nodeAfter([
        ['nationality', 'DZ'],
        ['age', 63],
        ['unfitForWork', true],
      ]),
    ).toBe('residence-years');
  });

  test('EU nationals skip the 15 years (the right of residence applies instead)', () => {
    expect(
      nodeAfter([
        ['nationality', 'PT'],
        ['age', 70],
      ]),
    ).toBe('lives-alone');
  });

  const base: A[] = [
    ['nationality', 'DZ'],
    ['age', 70],
  ];
  test('residence below 15 years -> decision', () => {
    expect(nodeAfter([...base, ['regularResidenceYears', 14]])).toBe('decision');
    expect(nodeAfter([...base, ['regularResidenceYears', 15]])).toBe('lives-alone');
  });

  const alone: A[] = [...base, ['regularResidenceYears', 20], ['livesAlone', true]];
  test('not alone -> decision; the housing only at the first request', () => {
    expect(nodeAfter([...base, ['regularResidenceYears', 20], ['livesAlone', false]])).toBe('decision');
    expect(nodeAfter([...alone, ['firstRequest', true]])).toBe('housing');
    expect(nodeAfter([...alone, ['firstRequest', false]])).toBe('pensions-claimed');
  });

  test('housing elsewhere -> decision; a hostel or social residence -> pensions', () => {
    expect(nodeAfter([...alone, ['firstRequest', true], ['housing', 'other']])).toBe('decision');
    expect(nodeAfter([...alone, ['firstRequest', true], ['housing', 'social-residence']])).toBe('pensions-claimed');
  });

  test('pensions not claimed -> decision; claimed -> resources -> decision', () => {
    expect(nodeAfter([...alone, ['firstRequest', false], ['pensionsClaimed', false]])).toBe('decision');
    expect(nodeAfter([...alone, ['firstRequest', false], ['pensionsClaimed', true]])).toBe('annual-resources');
    expect(nodeAfter([...alone, ['firstRequest', false], ['pensionsClaimed', true], ['annualResources', 3000]])).toBe(
      'decision',
    );
  });
});

describe('from plain words, through triage, to the same decision as evaluate', () => {
  test.each([
    [
      'en',
      'I am retired and live in a foyer',
      ['Algeria', '72', '30', 'yes', 'yes', "In a migrant workers' hostel (foyer)", 'yes', '4000'],
    ],
    ['fr', 'je suis retraité et je vis dans un foyer', ['Maroc', '63', 'oui', '20', 'oui', 'non', 'oui', '7000']],
  ])('%s: "%s"', async (lang, opening, texts) => {
    const app = testApp();
    const { last, evaluated } = await converseAndEvaluate(app, { lang, texts: [opening, ...texts] });
    expect(last).toMatchObject({ type: 'outcome', node: 'decision', procedure: 'elderly-migrant-aid' });
    expect(last.decision!.notices.map((n) => n.id)).toContain('renamed');
    expect(evaluated).toEqual(last.decision);
    await app.close();
  });

  test('evaluate with an asOf before July 2020 applies the former ARFS rules', async () => {
    const app = testApp();
    const facts = {
      nationality: 'MA',
      age: 66,
      regularResidenceYears: 20,
      livesAlone: true,
      firstRequest: false,
      housing: 'migrant-worker-hostel',
      annualResources: 5000,
      longStaysAbroad: false,
    };
    const r = await request(app.app)
      .post('/api/v1/procedures/elderly-migrant-aid/evaluate')
      .send({ facts, asOf: '2019-05-01', lang: 'en' })
      .expect(200);
    expect(r.body.decision.status).toBe('ineligible');
    expect(r.body.decision.conditions.find((c: { id: string }) => c.id === 'long-stays')).toMatchObject({
      status: 'not-met',
    });
    expect(r.body.decision.references.map((x: { id: string }) => x.id)).toContain('casf-l117-3-2007');
    await app.close();
  });
});
