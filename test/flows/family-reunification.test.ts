import { applicationDateMatters } from '../../src/rules/family-reunification';
import { TODAY, content, converseAndEvaluate, nodesOf, testApp, understandAt } from '../helpers';

/** family-reunification node by node, the town as people write it, and conversation = evaluate. */

type A = [field: string, value: unknown];
const nodeAfter = nodesOf('family-reunification');

const start: A[] = [
  ['nationality', 'ML'],
  ['regularStay', true],
];

describe('family-reunification, node by node', () => {
  test('nationality first; EU citizens are told at once', () => {
    expect(nodeAfter([])).toBe('nationality');
    expect(nodeAfter([['nationality', 'IT']])).toBe('eu-citizen');
    expect(nodeAfter([['nationality', 'ML']])).toBe('regular-stay');
  });

  test('an irregular stay ends the conversation', () => {
    expect(
      nodeAfter([
        ['nationality', 'ML'],
        ['regularStay', false],
      ]),
    ).toBe('irregular');
  });

  test.each([
    ['international-protection', 'family-reunion'],
    ['passport-talent', 'accompanying-family'],
    ['ict', 'accompanying-family'],
    ['retired', 'excluded-permit'],
    ['seasonal-worker', 'excluded-permit'],
    ['other', 'permit-unclear'],
    ['temporary', 'commune'],
    ['multi-year', 'commune'],
    ['resident', 'commune'],
    ['renewal-receipt', 'commune'],
  ])('permit %s -> %s', (permit, node) => expect(nodeAfter([...start, ['permit', permit]])).toBe(node));

  test('the permit validity is asked for a temporary card, and for a multi-year card in Mayotte', () => {
    expect(nodeAfter([...start, ['permit', 'temporary'], ['commune', '75056']])).toBe('permit-validity-months');
    expect(nodeAfter([...start, ['permit', 'multi-year'], ['commune', '75056']])).toBe('residence-months');
    expect(nodeAfter([...start, ['permit', 'multi-year'], ['commune', '97611']])).toBe('permit-validity-months');
    expect(nodeAfter([...start, ['permit', 'resident'], ['commune', '97611']])).toBe('residence-months');
  });

  const toFamily: A[] = [...start, ['permit', 'resident'], ['commune', '75056'], ['residenceMonths', 24]];
  test('family abroad: no -> family-in-france', () => {
    expect(nodeAfter(toFamily)).toBe('family-abroad');
    expect(nodeAfter([...toFamily, ['familyAbroad', false]])).toBe('family-in-france');
  });

  test('the spouse age only when a spouse comes', () => {
    expect(nodeAfter([...toFamily, ['familyAbroad', true], ['spouseJoining', true]])).toBe('spouse-age');
    expect(nodeAfter([...toFamily, ['familyAbroad', true], ['spouseJoining', false]])).toBe('children-ages');
  });

  test('nobody eligible ends the conversation there', () => {
    expect(nodeAfter([...toFamily, ['familyAbroad', true], ['spouseJoining', false], ['childrenAges', [19]]])).toBe(
      'nobody-eligible',
    );
    expect(
      nodeAfter([
        ...toFamily,
        ['familyAbroad', true],
        ['spouseJoining', true],
        ['spouseAge', 16],
        ['childrenAges', []],
      ]),
    ).toBe('nobody-eligible');
    expect(nodeAfter([...toFamily, ['familyAbroad', true], ['spouseJoining', false], ['childrenAges', [3]]])).toBe(
      'household-size',
    );
  });

  const toHousing: A[] = [
    ...toFamily,
    ['familyAbroad', true],
    ['spouseJoining', true],
    ['spouseAge', 30],
    ['childrenAges', []],
    ['householdSize', 2],
  ];
  test('the planned application date is asked when the month changes the SMIC average (issue 12)', () => {
    // On 23 November 2026 the window holds the January and June 2026 increases: the month matters.
    expect(nodeAfter([...toHousing, ['housingSurfaceM2', 30]])).toBe('application-date');
    expect(nodeAfter([...toHousing, ['housingSurfaceM2', 30], ['applicationDate', TODAY]])).toBe('monthly-resources');
  });
  test('the application date is not asked when every window from now on has the same SMIC', () => {
    const ctx = (asOf: string) => ({ asOf, content: content() });
    expect(applicationDateMatters({ commune: '75056' }, ctx('2026-11-23'))).toBe(true);
    // 14 months after the last increase known, every window from then on has the same SMIC.
    expect(applicationDateMatters({ commune: '75056' }, ctx('2027-08-15'))).toBe(false);
    expect(applicationDateMatters({ commune: '75056', applicationDate: '2027-01-10' }, ctx('2026-11-23'))).toBe(false);
  });

  const toResources: A[] = [...toHousing, ['housingSurfaceM2', 30], ['applicationDate', TODAY]];
  test('enough resources -> checklist; not enough -> the exemptions, only as far as they can apply', () => {
    expect(nodeAfter([...toResources, ['monthlyResources', 3000]])).toBe('checklist');
    expect(nodeAfter([...toResources, ['monthlyResources', 1000]])).toBe('receives-aah-asi');
    expect(nodeAfter([...toResources, ['monthlyResources', 1000], ['receivesAahOrAsi', true]])).toBe('checklist');
  });

  test('the age is not asked when the residence already rules out the age exemption (issue 12)', () => {
    // 24 months of residence: far from the 25 years the age route needs.
    expect(nodeAfter([...toResources, ['monthlyResources', 1000], ['receivesAahOrAsi', false]])).toBe('checklist');
  });

  const long: A[] = [
    ...start,
    ['permit', 'resident'],
    ['commune', '75056'],
    ['residenceMonths', 320],
    ['familyAbroad', true],
    ['spouseJoining', true],
    ['spouseAge', 60],
    ['childrenAges', []],
    ['householdSize', 2],
    ['housingSurfaceM2', 30],
    ['applicationDate', TODAY],
    ['monthlyResources', 900],
    ['receivesAahOrAsi', false],
  ];
  test('with 25 years of residence, the age; the marriage length only from 65 (65 is over 65: issue 12)', () => {
    expect(nodeAfter(long)).toBe('applicant-age');
    expect(nodeAfter([...long, ['applicantAge', 70]])).toBe('marriage-years');
    expect(nodeAfter([...long, ['applicantAge', 65]])).toBe('marriage-years');
    expect(nodeAfter([...long, ['applicantAge', 64]])).toBe('checklist');
    expect(nodeAfter([...long, ['applicantAge', 70], ['marriageYears', 12]])).toBe('checklist');
  });

  test('without a spouse coming, the age route is not asked', () => {
    const noSpouse: A[] = [
      ...toFamily,
      ['familyAbroad', true],
      ['spouseJoining', false],
      ['childrenAges', [4]],
      ['householdSize', 2],
      ['housingSurfaceM2', 30],
      ['applicationDate', TODAY],
      ['monthlyResources', 900],
    ];
    expect(nodeAfter([...noSpouse, ['receivesAahOrAsi', false]])).toBe('checklist');
  });
});

describe('Algerians (issue 12 #6)', () => {
  const algerian: A[] = [
    ['nationality', 'DZ'],
    ['regularStay', true],
  ];
  test('the permits offered begin with the certificat de résidence, whose validity is asked', () => {
    expect(nodeAfter(algerian)).toBe('permit-algeria');
    expect(nodeAfter([...algerian, ['permit', 'algerian-residence-certificate']])).toBe('commune');
    expect(nodeAfter([...algerian, ['permit', 'algerian-residence-certificate'], ['commune', '75056']])).toBe(
      'permit-validity-months',
    );
    expect(nodeAfter([...algerian, ['permit', 'international-protection']])).toBe('family-reunion');
  });
  test('others are not offered the certificate', () => {
    expect(nodeAfter(start)).toBe('permit');
  });
  test('the resources question whose help leaves out only family benefits', () => {
    const toHousing: A[] = [
      ...algerian,
      ['permit', 'algerian-residence-certificate'],
      ['commune', '75056'],
      ['permitValidityMonths', 120],
      ['residenceMonths', 24],
      ['familyAbroad', true],
      ['spouseJoining', true],
      ['spouseAge', 30],
      ['childrenAges', [4]],
      ['householdSize', 3],
      ['housingSurfaceM2', 40],
    ];
    expect(nodeAfter([...toHousing, ['applicationDate', TODAY]])).toBe('monthly-resources-algeria');
    expect(nodeAfter([...toHousing, ['applicationDate', TODAY], ['monthlyResources', 3000]])).toBe('checklist');
  });
});

describe('the town, as people write it', () => {
  const parse = (text: string) => understandAt('fr', 'family-reunification/commune', text);

  test.each([
    ['Paris', '75056'],
    ['lyon', '69123'],
    ['Montreuil 93', '93048'],
    ['Montreuil (85)', '85148'],
    ['93048', '93048'],
    ["L'Abergement-Clémenciat", '01001'],
    ['abergement clemenciat', '01001'],
    ['Saint-Denis 974', '97411'],
    ['st denis 93', '93066'],
    ['Mamoudzou', '97611'],
    ['je ne sais pas', 'unknown'],
  ])('"%s" -> %s', (text, code) => expect(parse(text)).toEqual({ kind: 'record', value: code, said: true }));

  test('a name shared by several communes asks which, naming them', () => {
    expect(parse('Montreuil')).toEqual({ kind: 'choose', candidates: ['28267', '85148', '93048'] });
  });

  test('an unknown town, or a postcode, is refused', () => {
    expect(parse('Gotham')).toMatchObject({ kind: 'refuse', reason: 'common:answer.invalid-commune' });
    expect(parse('75011')).toMatchObject({ kind: 'refuse', reason: 'common:answer.invalid-commune' });
  });

  test('every commune of the file is loaded, with its zone', () => {
    expect(content().communes.size).toBe(34935);
    expect(content().communes.byInsee('75056')?.zone).toBe('Abis');
  });
});

describe('a conversation and the evaluate endpoint give the same decision', () => {
  test.each([
    [
      'fr',
      [
        'Mali',
        'oui',
        'Carte de résident (10 ans)',
        'Montreuil 93',
        '30',
        'oui',
        'oui',
        '32',
        '4, 9',
        '4',
        '40',
        "aujourd'hui",
        '1900',
        'non',
      ],
    ],
    [
      'en',
      [
        'Algeria',
        'yes',
        'residence certificate',
        'Dijon',
        '12',
        '14',
        'yes',
        'no',
        '3, 17, 19',
        '3',
        '40',
        'today',
        '2000',
      ],
    ],
    [
      'en',
      ['Senegal', 'yes', 'multi-year', "I don't know", '20', 'yes', 'yes', '25', 'none', '2', '30', 'today', '2500'],
    ],
  ])('%s: %j', async (lang, texts) => {
    const app = testApp();
    const { last, evaluated } = await converseAndEvaluate(app, { procedure: 'family-reunification', lang, texts });
    expect(last).toMatchObject({ type: 'outcome', node: 'checklist' });
    expect(evaluated).toEqual(last.decision);
    await app.close();
  });
});
