import { flowAt, nodesOf } from '../helpers';

/** Node by node, as smart-answers tests its flows: for each question, where each answer leads. */

const at = (answers: [field: string, value: unknown][]) => flowAt('asylum-filing', answers);
const nodeAfter = nodesOf('asylum-filing');

describe('asylum-filing, node by node', () => {
  test('starts with where the person is', () => {
    expect(nodeAfter([])).toBe('location');
  });

  describe('location', () => {
    test('abroad -> outcome abroad (no further question)', () =>
      expect(nodeAfter([['location', 'abroad']])).toBe('abroad'));
    test('france -> stage', () => expect(nodeAfter([['location', 'france']])).toBe('stage'));
  });

  describe('stage', () => {
    const inFrance: [string, unknown] = ['location', 'france'];
    test.each([
      ['not-registered', 'not-registered'],
      ['registered', 'attestation-issued-on'],
      ['file-sent', 'file-sent'],
      ['incomplete-letter', 'letter-received-on'],
      ['closed', 'closure-decided-on'],
    ])('%s -> %s', (stage, node) => expect(nodeAfter([inFrance, ['stage', stage]])).toBe(node));
  });

  test('attestation date -> filing deadline', () => {
    expect(
      nodeAfter([
        ['location', 'france'],
        ['stage', 'registered'],
        ['attestationIssuedOn', '2026-11-10'],
      ]),
    ).toBe('filing-deadline');
  });

  test('letter date -> incomplete-file', () => {
    expect(
      nodeAfter([
        ['location', 'france'],
        ['stage', 'incomplete-letter'],
        ['letterReceivedOn', '2026-11-20'],
      ]),
    ).toBe('incomplete-file');
  });

  describe('closure date', () => {
    const closed: [string, unknown][] = [
      ['location', 'france'],
      ['stage', 'closed'],
    ];
    test('the date asked is the one printed on the decision (issue 12 #1), not its notification', () => {
      const q = flowAt('asylum-filing', closed);
      expect(q.state.value).toBe('closure-decided-on');
    });
    test('within the nine months -> asks whether a reopening was used already', () => {
      expect(nodeAfter([...closed, ['closureDecidedOn', '2026-06-01']])).toBe('reopened-before');
    });
    test('on the day the nine months are reached, a reopening may still be asked: its first use matters', () => {
      expect(nodeAfter([...closed, ['closureDecidedOn', '2026-02-23']])).toBe('reopened-before');
    });
    test('beyond the nine months -> closure, without asking what the rules no longer need', () => {
      expect(nodeAfter([...closed, ['closureDecidedOn', '2026-02-22']])).toBe('closure');
      expect(nodeAfter([...closed, ['closureDecidedOn', '2025-06-01']])).toBe('closure');
    });
    test.each([true, false])('reopened before = %s -> closure', (v) => {
      expect(nodeAfter([...closed, ['closureDecidedOn', '2026-06-01'], ['reopenedBefore', v]])).toBe('closure');
    });
  });

  test('facts are the answers given, nothing more', () => {
    expect(
      at([
        ['location', 'france'],
        ['stage', 'registered'],
        ['attestationIssuedOn', '2026-11-10'],
      ]).state.context,
    ).toEqual({
      location: 'france',
      stage: 'registered',
      attestationIssuedOn: '2026-11-10',
    });
  });
});

describe('triage, node by node', () => {
  const triage = (need: string) => flowAt('triage', [['need', need]]);
  test('asylum hands over to asylum-filing, at its first question', () => {
    expect(triage('asylum-filing')).toMatchObject({
      procedure: 'asylum-filing',
      state: { value: 'location', context: {} },
    });
  });
  test('return aid hands over to return-aid, at its first question', () => {
    expect(triage('return-aid')).toMatchObject({ procedure: 'return-aid', state: { value: 'territory', context: {} } });
  });
  test('family reunification hands over to family-reunification, at its first question', () => {
    expect(triage('family-reunification')).toMatchObject({
      procedure: 'family-reunification',
      state: { value: 'nationality', context: {} },
    });
  });
  test('elderly migrant aid hands over to elderly-migrant-aid, at its first question', () => {
    expect(triage('elderly-migrant-aid')).toMatchObject({
      procedure: 'elderly-migrant-aid',
      state: { value: 'nationality', context: {} },
    });
  });
  test.each(['other'])('%s -> refer to a Point-justice', (need) => {
    expect(triage(need)).toMatchObject({ procedure: 'triage', state: { value: 'refer' } });
  });
});
