import { TODAY, converseAndEvaluate, nodesOf, testApp } from '../helpers';

/** return-aid node by node: each question is asked only when the rules still need its fact. */

type A = [field: string, value: unknown];
const nodeAfter = nodesOf('return-aid');

const mainland: A = ['territory', 'mainland'];
const upToOqtf = (nationality: string, territory: A = mainland): A[] => [
  territory,
  ['nationality', nationality],
  ['receivedBefore', false],
  ['hasOqtf', true],
  ['oqtfNotifiedOn', '2026-11-10'],
];

describe('return-aid, node by node', () => {
  test('starts with the territory, then the nationality', () => {
    expect(nodeAfter([])).toBe('territory');
    expect(nodeAfter([mainland])).toBe('nationality');
    expect(nodeAfter([['territory', 'mayotte']])).toBe('nationality');
  });

  test.each(['DE', 'FR', 'NO', 'CH', 'VA'])('nationality %s -> excluded at once', (code) =>
    expect(nodeAfter([mainland, ['nationality', code]])).toBe('excluded'),
  );
  test('Comoros: excluded in Mayotte, not on the mainland', () => {
    expect(
      nodeAfter([
        ['territory', 'mayotte'],
        ['nationality', 'KM'],
      ]),
    ).toBe('excluded');
    expect(nodeAfter([mainland, ['nationality', 'KM']])).toBe('received-before');
  });

  test('received before: yes -> already-received, no -> has-oqtf', () => {
    expect(nodeAfter([mainland, ['nationality', 'DZ'], ['receivedBefore', true]])).toBe('already-received');
    expect(nodeAfter([mainland, ['nationality', 'DZ'], ['receivedBefore', false]])).toBe('has-oqtf');
  });

  test('OQTF: no -> no-oqtf, yes -> its date, then the validation date', () => {
    expect(nodeAfter([mainland, ['nationality', 'DZ'], ['receivedBefore', false], ['hasOqtf', false]])).toBe('no-oqtf');
    expect(nodeAfter([mainland, ['nationality', 'DZ'], ['receivedBefore', false], ['hasOqtf', true]])).toBe(
      'oqtf-notified-on',
    );
    expect(nodeAfter(upToOqtf('DZ'))).toBe('validation-date');
  });

  test('no OQTF in Mayotte: its own outcome, with no other route (issue 12 #4)', () => {
    const mayotte: A[] = [
      ['territory', 'mayotte'],
      ['nationality', 'CD'],
      ['receivedBefore', false],
    ];
    expect(nodeAfter([...mayotte, ['hasOqtf', false]])).toBe('no-oqtf-mayotte');
    expect(nodeAfter([...mayotte, ['hasOqtf', true]])).toBe('oqtf-notified-on');
  });

  test('the ban on return is asked only of the visa-exempt group', () => {
    expect(nodeAfter([...upToOqtf('DZ'), ['validationDate', TODAY]])).toBe('three-months-residence');
    for (const code of ['GE', 'BY', 'XK', 'US'])
      expect(nodeAfter([...upToOqtf(code), ['validationDate', TODAY]])).toBe('has-return-ban');
    expect(nodeAfter([...upToOqtf('XK', ['territory', 'mayotte']), ['validationDate', TODAY]])).toBe('has-return-ban');
    expect(nodeAfter([...upToOqtf('GE'), ['validationDate', TODAY], ['hasReturnBan', false]])).toBe(
      'three-months-residence',
    );
  });

  test('residence: no -> residence-short', () => {
    expect(nodeAfter([...upToOqtf('DZ'), ['validationDate', TODAY], ['threeMonthsResidence', false]])).toBe(
      'residence-short',
    );
  });

  test('the derogation is asked on the mainland only, and only when an allowance can be paid', () => {
    expect(nodeAfter([...upToOqtf('DZ'), ['validationDate', TODAY], ['threeMonthsResidence', true]])).toBe(
      'derogation',
    );
    expect(
      nodeAfter([
        ...upToOqtf('CD', ['territory', 'mayotte']),
        ['validationDate', TODAY],
        ['threeMonthsResidence', true],
      ]),
    ).toBe('adults');
    expect(
      nodeAfter([...upToOqtf('GE'), ['validationDate', TODAY], ['hasReturnBan', true], ['threeMonthsResidence', true]]),
    ).toBe('derogation');
  });

  test('without an allowance, the household is not asked: straight to the travel document', () => {
    expect(
      nodeAfter([
        ...upToOqtf('GE'),
        ['validationDate', TODAY],
        ['hasReturnBan', false],
        ['threeMonthsResidence', true],
      ]),
    ).toBe('has-travel-document');
  });

  test('derogation -> adults -> minors -> travel document -> amounts', () => {
    const path: A[] = [...upToOqtf('DZ'), ['validationDate', TODAY], ['threeMonthsResidence', true]];
    expect(nodeAfter([...path, ['derogation', 'none']])).toBe('adults');
    expect(nodeAfter([...path, ['derogation', 'none'], ['adults', 2]])).toBe('minors');
    expect(nodeAfter([...path, ['derogation', 'none'], ['adults', 2], ['minors', 1]])).toBe('has-travel-document');
    expect(
      nodeAfter([...path, ['derogation', 'none'], ['adults', 2], ['minors', 1], ['hasTravelDocument', true]]),
    ).toBe('amounts');
  });
});

describe('a conversation and the evaluate endpoint give the same decision', () => {
  test.each([
    [
      'fr',
      [
        'En France métropolitaine',
        'Algérie',
        'non',
        'oui',
        '01/09/2026',
        "aujourd'hui",
        'oui',
        'aucune',
        '2',
        '1',
        'oui',
      ],
    ],
    ['en', ['mainland', 'Georgia', 'no', 'yes', '10 November 2026', 'today', 'yes', 'yes', 'none', '1', '0', 'no']],
    ['fr', ['Mayotte', 'RDC', 'non', 'oui', '10/11/2026', "aujourd'hui", 'oui', '1', '2', 'oui']],
  ])('%s: %j', async (lang, texts) => {
    const app = testApp();
    const { last, evaluated } = await converseAndEvaluate(app, { procedure: 'return-aid', lang, texts });
    expect(last).toMatchObject({ type: 'outcome', node: 'amounts' });
    expect(evaluated).toEqual(last.decision);
    await app.close();
  });
});
