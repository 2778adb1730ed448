import { parseAnswer } from '../src/dialogue/answers';
import { parseContext as ctx, TODAY } from './helpers';

describe('dates as people write them', () => {
  test.each([
    ['fr', '12/03/2026', '2026-03-12'],
    ['fr', '12 mars 2026', '2026-03-12'],
    ['fr', 'le 1er février 2026', '2026-02-01'],
    ['fr', '2 Novembre 2026', '2026-11-02'],
    ['fr', '03-11-2026', '2026-11-03'],
    ['fr', '3.11.2026', '2026-11-03'],
    ['fr', '2026-11-03', '2026-11-03'],
    ['fr', "aujourd'hui", TODAY],
    ['fr', 'hier', '2026-11-22'],
    ['en', '12/03/2026', '2026-03-12'],
    ['en', '12 March 2026', '2026-03-12'],
    ['en', 'March 12, 2026', '2026-03-12'],
    ['en', 'the 2nd of', undefined],
    ['en', 'today', TODAY],
    ['en', '31/02/2026', undefined],
    ['fr', 'bientôt', undefined],
  ])('%s: "%s"', (lang, text, expected) => {
    const r = parseAnswer({ kind: 'date' }, { text }, ctx(lang));
    if (expected) expect(r).toEqual({ ok: true, value: expected });
    else expect(r.ok).toBe(false);
  });

  test('a future date is refused when the question asks for a past one', () => {
    expect(parseAnswer({ kind: 'date', notAfter: 'today' }, { value: '2026-11-24' }, ctx('fr'))).toMatchObject({
      ok: false,
      reason: 'common:answer.date-in-future',
    });
    expect(parseAnswer({ kind: 'date', notAfter: 'today' }, { value: TODAY }, ctx('fr'))).toEqual({
      ok: true,
      value: TODAY,
    });
  });

  test('typed values must be real calendar dates', () => {
    expect(parseAnswer({ kind: 'date' }, { value: '2026-02-30' }, ctx('fr')).ok).toBe(false);
    expect(parseAnswer({ kind: 'date' }, { value: 20260101 }, ctx('fr')).ok).toBe(false);
  });
});

describe('yes and no', () => {
  test.each([
    ['fr', 'oui', true],
    ['fr', 'Non', false],
    ['fr', 'oui, je crois', true],
    ['fr', 'pas encore', false],
    ['en', 'Yes', true],
    ['en', 'nope', false],
    ['en', 'maybe', undefined],
  ])('%s: "%s"', (lang, text, expected) => {
    const r = parseAnswer({ kind: 'yesno' }, { text }, ctx(lang));
    if (expected === undefined) expect(r).toMatchObject({ ok: false, reason: 'common:answer.invalid-yesno' });
    else expect(r).toEqual({ ok: true, value: expected });
  });

  test('typed values must be booleans', () => {
    expect(parseAnswer({ kind: 'yesno' }, { value: 'yes' }, ctx('en')).ok).toBe(false);
    expect(parseAnswer({ kind: 'yesno' }, { value: false }, ctx('en'))).toEqual({ ok: true, value: false });
  });
});

describe('choices', () => {
  const input = {
    kind: 'choice',
    options: ['not-registered', 'registered', 'file-sent', 'incomplete-letter', 'closed'],
  } as const;
  test.each([
    ['fr', "J'ai envoyé mon dossier à l'OFPRA", 'file-sent'],
    ['fr', "j'ai envoye mon dossier a l'ofpra", 'file-sent'],
    ['fr', 'ma demande est clôturée', 'closed'],
    ['fr', '2', 'registered'],
    ['en', 'OFPRA closed my claim', 'closed'],
    ['en', 'closed', 'closed'],
    ['en', 'registered', 'registered'],
  ])('%s: "%s"', (lang, text, expected) => {
    expect(parseAnswer(input, { text }, ctx(lang))).toEqual({ ok: true, value: expected });
  });

  test('nothing matching, or several, is refused', () => {
    expect(parseAnswer(input, { text: 'banana' }, ctx('en'))).toMatchObject({
      ok: false,
      reason: 'common:answer.invalid-choice',
    });
    expect(parseAnswer(input, { text: 'sent, incomplete' }, ctx('en'))).toMatchObject({
      ok: false,
      reason: 'common:answer.ambiguous-choice',
    });
    expect(parseAnswer(input, { text: '9' }, ctx('en')).ok).toBe(false);
    expect(parseAnswer(input, { value: 'elsewhere' }, ctx('en')).ok).toBe(false);
  });
});

describe('numbers', () => {
  test('digits with a comma or a point, within bounds', () => {
    expect(parseAnswer({ kind: 'number', min: 0, max: 10 }, { text: '2,5' }, ctx('fr'))).toEqual({
      ok: true,
      value: 2.5,
    });
    expect(parseAnswer({ kind: 'number', min: 0, max: 10, integer: true }, { text: '2.5' }, ctx('fr'))).toMatchObject({
      ok: false,
      reason: 'common:answer.not-integer',
    });
    expect(parseAnswer({ kind: 'number', min: 0, max: 10 }, { value: 11 }, ctx('fr'))).toMatchObject({
      ok: false,
      reason: 'common:answer.number-out-of-range',
    });
    expect(parseAnswer({ kind: 'number' }, { text: 'deux' }, ctx('fr')).ok).toBe(false);
  });
});

describe('countries, as people name them', () => {
  test.each([
    ['fr', 'Algérie', 'DZ'],
    ['fr', 'algerie', 'DZ'],
    ['fr', 'Algeria', 'DZ'],
    ['fr', 'algérienne', 'DZ'],
    ['fr', 'RDC', 'CD'],
    ['fr', 'Kosovo', 'XK'],
    ['fr', "Côte d'Ivoire", 'CI'],
    ['fr', 'la Géorgie', 'GE'],
    ['en', 'Ivory Coast', 'CI'],
    ['en', 'Afghan', 'AF'],
    ['en', 'DZA', 'DZ'],
    ['en', 'ma', 'MA'],
  ])('%s: "%s" -> %s', (lang, text, code) => {
    expect(parseAnswer({ kind: 'country' }, { text }, ctx(lang))).toEqual({ ok: true, value: code });
  });

  test('an unknown name or code is refused', () => {
    expect(parseAnswer({ kind: 'country' }, { text: 'Atlantis' }, ctx('en'))).toMatchObject({
      ok: false,
      reason: 'common:answer.invalid-country',
    });
    expect(parseAnswer({ kind: 'country' }, { value: 'ZZ' }, ctx('en')).ok).toBe(false);
    expect(parseAnswer({ kind: 'country' }, { value: 'dz' }, ctx('en')).ok).toBe(false);
    expect(parseAnswer({ kind: 'country' }, { value: 'XK' }, ctx('en'))).toEqual({ ok: true, value: 'XK' });
  });
});

describe('a date that must not be before an earlier answer', () => {
  test('refused with its own message', () => {
    const c = { ...ctx('fr'), facts: { oqtfNotifiedOn: '2026-11-10' } };
    expect(parseAnswer({ kind: 'date', notBeforeFact: 'oqtfNotifiedOn' }, { value: '2026-11-09' }, c)).toMatchObject({
      ok: false,
      reason: 'common:answer.date-before-fact',
    });
    expect(parseAnswer({ kind: 'date', notBeforeFact: 'oqtfNotifiedOn' }, { value: '2026-11-10' }, c)).toEqual({
      ok: true,
      value: '2026-11-10',
    });
  });
});

describe('Arabic', () => {
  test.each([
    [{ kind: 'date' } as const, '١٢/٠٣/٢٠٢٦', '2026-03-12'],
    [{ kind: 'date' } as const, '12/03/2026', '2026-03-12'],
    [{ kind: 'yesno' } as const, 'نعم', true],
    [{ kind: 'yesno' } as const, 'لا', false],
    [{ kind: 'country' } as const, 'الجزائر', 'DZ'],
    [{ kind: 'country' } as const, 'جزائري', 'DZ'],
    [{ kind: 'number', min: 0, max: 10 } as const, '٣', 3],
  ])('%j: "%s"', (input, text, expected) => {
    expect(parseAnswer(input, { text }, ctx('ar'))).toEqual({ ok: true, value: expected });
  });

  test('a choice by keyword', () => {
    const input = {
      kind: 'choice',
      options: ['asylum-filing', 'return-aid', 'family-reunification', 'elderly-migrant-aid', 'other'],
      procedures: true,
    } as const;
    expect(parseAnswer(input, { text: 'أريد طلب اللجوء' }, ctx('ar', 'triage', 'need'))).toEqual({
      ok: true,
      value: 'asylum-filing',
    });
  });
});
