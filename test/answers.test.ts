import { TODAY, understandAt } from './helpers';

/**
 * Words to facts, kind by kind, through the path a conversation takes (src/dialogue/understand.ts): what
 * is recorded at once, what is confirmed first, what asks which, what is refused. The corpora in
 * test/understanding/ hold many more; these are the rules themselves.
 */

const record = (value: unknown) => ({ kind: 'record', value, said: true });
const confirm = (value: unknown) => expect.objectContaining({ kind: 'confirm', value });

describe('dates as people write them', () => {
  const at = 'asylum-filing/attestation-issued-on';
  test.each([
    ['fr', '12/03/2026', record('2026-03-12')],
    ['fr', '12 mars 2026', record('2026-03-12')],
    ['fr', 'le 1er février 2026', record('2026-02-01')],
    ['fr', '03-11-2026', record('2026-11-03')],
    ['fr', '3.11.2026', record('2026-11-03')],
    ['fr', '2026-11-03', record('2026-11-03')],
    ['fr', "aujourd'hui", record(TODAY)],
    ['en', '12 March 2026', record('2026-03-12')],
    ['en', 'March 12, 2026', record('2026-03-12')],
    ['en', 'today', record(TODAY)],
    // relative and year-less dates are computed from today and confirmed
    ['fr', 'hier', confirm('2026-11-22')],
    ['fr', 'avant-hier', confirm('2026-11-21')],
    ['fr', 'il y a 10 jours', confirm('2026-11-13')],
    ['fr', 'le 3 mars', confirm('2026-03-03')],
    ['fr', '12/03', confirm('2026-03-12')],
    ['en', '10 days ago', confirm('2026-11-13')],
    ['en', 'last Monday', confirm('2026-11-16')],
    ['ar', 'قبل أسبوعين', confirm('2026-11-09')],
    ['ar', '١٢/٠٣/٢٠٢٦', record('2026-03-12')],
    ['ar', '3 آذار 2026', record('2026-03-03')],
  ])('%s: "%s"', (lang, text, expected) => {
    expect(understandAt(lang, at, text)).toEqual(expected);
  });

  test.each([
    ['en', 'the 2nd of'],
    ['en', '31/02/2026'],
    ['fr', 'bientôt'],
    ['fr', '25/12/2026'],
  ])('%s: "%s" is not a date that fits', (lang, text) => {
    expect(understandAt(lang, at, text).kind).toBe('refuse');
  });

  test('a typed date: a real calendar date, not in the future at this question, not before an earlier date', () => {
    expect(understandAt('fr', at, { value: '2026-11-24' })).toMatchObject({
      kind: 'refuse',
      reason: 'common:answer.date-in-future',
    });
    expect(understandAt('fr', at, { value: '2026-02-30' }).kind).toBe('refuse');
    expect(understandAt('fr', at, { value: 20260101 }).kind).toBe('refuse');
    expect(understandAt('fr', at, { value: TODAY })).toEqual({ kind: 'record', value: TODAY, said: false });
    const facts = {
      territory: 'mainland',
      nationality: 'DZ',
      receivedBefore: false,
      hasOqtf: true,
      oqtfNotifiedOn: '2026-11-10',
    };
    expect(understandAt('fr', 'return-aid/validation-date', { value: '2026-11-09' }, facts)).toMatchObject({
      kind: 'refuse',
      reason: 'common:answer.date-before-fact',
    });
  });
});

describe('yes, no, and "I don\'t know"', () => {
  const at = 'return-aid/has-travel-document';
  test.each([
    ['fr', 'oui', record(true)],
    ['fr', 'Non', record(false)],
    ['fr', 'oui, je crois', record(true)],
    ['fr', 'pas encore', record(false)],
    ['en', 'Yes', record(true)],
    ['en', 'nope', record(false)],
    ['ar', 'نعم', record(true)],
    ['ar', 'لا', record(false)],
    // unknown is not false
    ['fr', 'je ne sais pas', { kind: 'unknown' }],
    ['en', "I don't know", { kind: 'unknown' }],
    ['en', 'no idea', { kind: 'unknown' }],
    ['ar', 'لا أعرف', { kind: 'unknown' }],
    ['en', 'maybe', expect.objectContaining({ kind: 'refuse', reason: 'common:answer.invalid-yesno' })],
  ])('%s: "%s"', (lang, text, expected) => {
    expect(understandAt(lang, at, text)).toEqual(expected);
  });

  test('typed: a boolean, or null for "I don\'t know"', () => {
    expect(understandAt('en', at, { value: 'yes' }).kind).toBe('refuse');
    expect(understandAt('en', at, { value: false })).toEqual({ kind: 'record', value: false, said: false });
    expect(understandAt('en', at, { value: null })).toEqual({ kind: 'unknown' });
  });
});

describe('choices', () => {
  const at = 'asylum-filing/stage';
  test.each([
    ['fr', "J'ai envoyé mon dossier à l'OFPRA", record('file-sent')],
    ['fr', 'ma demande est clôturée', record('closed')],
    // an option's number typed as text is confirmed ("10" may be the tenth option or "10 ans")
    ['fr', '2', confirm('registered')],
    ['en', 'OFPRA closed my claim', record('closed')],
    ['en', 'registered', record('registered')],
    // a negation turns a keyword around: not sent yet is not "file sent"
    ['en', "i haven't sent my file yet", record('registered')],
    ['fr', "je n'ai pas encore envoyé mon dossier", record('registered')],
    // a near spelling is confirmed
    ['en', 'registred', confirm('registered')],
  ])('%s: "%s"', (lang, text, expected) => {
    expect(understandAt(lang, at, text)).toEqual(expected);
  });

  test('nothing matching is refused; several ask which; a part of a label is no match', () => {
    expect(understandAt('en', at, 'banana')).toMatchObject({ kind: 'refuse', reason: 'common:answer.invalid-choice' });
    expect(understandAt('en', at, 'sent, incomplete')).toMatchObject({ kind: 'choose' });
    expect(understandAt('en', at, '9').kind).toBe('refuse');
    expect(understandAt('fr', 'return-aid/derogation', 'aide').kind).toBe('refuse');
    expect(understandAt('en', at, { value: 'elsewhere' }).kind).toBe('refuse');
  });
});

describe('numbers and money', () => {
  const money = 'family-reunification/monthly-resources';
  test.each([
    ['fr', '1500', record(1500)],
    ['fr', '1 500 €', record(1500)],
    ['fr', "1'500", record(1500)],
    ['fr', '1.500,50', record(1500.5)],
    ['en', '1,500.50', record(1500.5)],
    // a lone separator before three digits: thousands or decimals? confirmed, money reads thousands
    ['fr', '1.500 €', confirm(1500)],
    ['en', '1,500', confirm(1500)],
    ['fr', '2,5', record(2.5)],
    // a yearly figure at a monthly question: converted, and confirmed
    ['fr', '18 000 € par an', confirm(1500)],
    ['fr', 'deux mille euros', record(2000)],
  ])('%s: "%s" at the monthly resources', (lang, text, expected) => {
    expect(understandAt(lang, money, text)).toEqual(expected);
  });

  test('a monthly figure at a yearly question is asked about, not converted silently', () => {
    const facts = { nationality: 'DZ', age: 70 };
    expect(understandAt('fr', 'elderly-migrant-aid/annual-resources', '800 par mois', facts)).toEqual(confirm(9600));
    expect(understandAt('fr', 'elderly-migrant-aid/annual-resources', '9.600', facts)).toEqual(confirm(9600));
  });

  test('whole numbers, words, other scripts, bounds', () => {
    expect(understandAt('fr', 'return-aid/minors', 'trois')).toEqual(record(3));
    expect(understandAt('en', 'return-aid/minors', 'two')).toEqual(record(2));
    expect(understandAt('ar', 'return-aid/minors', '٣')).toEqual(record(3));
    expect(understandAt('fr', 'return-aid/minors', '2.5')).toMatchObject({
      kind: 'refuse',
      reason: 'common:answer.not-integer',
    });
    expect(understandAt('fr', 'return-aid/minors', { value: 99 })).toMatchObject({
      kind: 'refuse',
      reason: 'common:answer.number-out-of-range',
    });
    expect(understandAt('fr', 'return-aid/minors', 'beaucoup').kind).toBe('refuse');
  });

  test('a child of 18 months at a question in years is asked about', () => {
    const facts = {
      nationality: 'ML',
      regularStay: true,
      permit: 'resident',
      commune: '75056',
      residenceMonths: 30,
      familyAbroad: true,
      spouseJoining: true,
      spouseAge: 30,
    };
    expect(understandAt('fr', 'family-reunification/children-ages', '18 mois et 5 ans', facts)).toEqual(
      confirm([1, 5]),
    );
    expect(understandAt('fr', 'family-reunification/children-ages', '3, 7 et 12', facts)).toEqual(record([3, 7, 12]));
    expect(understandAt('fr', 'family-reunification/children-ages', 'aucun', facts)).toEqual(record([]));
  });
});

describe('countries, as people name them', () => {
  const at = 'elderly-migrant-aid/nationality';
  test.each([
    ['fr', 'Algérie', record('DZ')],
    ['fr', 'algerie', record('DZ')],
    ['fr', 'Algeria', record('DZ')],
    ['fr', 'algérienne', record('DZ')],
    ['fr', 'je suis marocain', record('MA')],
    ['fr', 'je viens du Maroc', record('MA')],
    ['fr', 'RDC', record('CD')],
    ['fr', 'Kosovo', record('XK')],
    ['fr', "Côte d'Ivoire", record('CI')],
    ['fr', 'la Géorgie', record('GE')],
    ['en', 'Ivory Coast', record('CI')],
    ['en', "I'm from Syria", record('SY')],
    ['ar', 'الجزائر', record('DZ')],
    ['ar', 'سوري', record('SY')],
    // a code only typed as one, and confirmed; a near spelling confirmed
    ['en', 'DZ', confirm('DZ')],
    ['fr', 'Marok', confirm('MA')],
  ])('%s: "%s"', (lang, text, expected) => {
    expect(understandAt(lang, at, text)).toEqual(expected);
  });

  test('ordinary words are not codes; names shared by several countries ask which', () => {
    expect(understandAt('en', at, 'no').kind).toBe('refuse');
    expect(understandAt('fr', at, 'de').kind).toBe('refuse');
    expect(understandAt('en', at, 'ma').kind).toBe('refuse');
    expect(understandAt('fr', at, 'Congo')).toEqual({ kind: 'choose', candidates: ['CG', 'CD'] });
    expect(understandAt('en', at, 'Atlantis')).toMatchObject({
      kind: 'refuse',
      reason: 'common:answer.invalid-country',
    });
    expect(understandAt('en', at, { value: 'ZZ' }).kind).toBe('refuse');
    expect(understandAt('en', at, { value: 'XK' })).toEqual({ kind: 'record', value: 'XK', said: false });
  });

  test('a decisive reading is confirmed: an excluded nationality ends return aid', () => {
    expect(understandAt('fr', 'return-aid/nationality', 'allemand', { territory: 'mainland' })).toEqual(confirm('DE'));
    expect(understandAt('fr', 'return-aid/nationality', { value: 'DE' }, { territory: 'mainland' })).toEqual({
      kind: 'record',
      value: 'DE',
      said: false,
    });
  });
});

describe('urgent situations come before any reading', () => {
  test.each([
    ['fr', 'triage/need', "je ne veux pas rentrer, j'ai peur", 'fear-of-return'],
    ['en', 'triage/need', "I can't go back, they will kill me", 'fear-of-return'],
    ['ar', 'triage/need', 'ما بدي ارجع', 'fear-of-return'],
    ['fr', 'triage/need', 'jai une OQTF je veux faire un recours', 'oqtf-appeal'],
    ['fr', 'triage/need', 'mon mari me frappe', 'violence'],
    ['en', 'triage/need', 'my husband beats me', 'violence'],
    ['en', 'triage/need', 'I need a hostel tonight', 'no-shelter'],
    ['fr', 'return-aid/has-oqtf', 'oui et je veux faire un recours contre mon OQTF', 'oqtf-appeal'],
  ])('%s at %s: "%s"', (lang, at, text, situation) => {
    expect(understandAt(lang, at, text)).toEqual({ kind: 'urgent', situations: expect.arrayContaining([situation]) });
  });
});
