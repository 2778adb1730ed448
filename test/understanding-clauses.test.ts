import type { Lexicon } from '../src/content/load';
import { answersLexiconSchema } from '../src/content/schemas';
import { CLAUSE, FEW_WORDS, negated, said } from '../src/understanding/clauses';
import { findPhrase, fold, sameWord, tokens } from '../src/understanding/fold';
import { wordsOf } from '../src/understanding/lexicon';
import { readYesNo } from '../src/understanding/yes-no';
import { content, understandAt } from './helpers';

/**
 * The guards of the clause reader that the corpora (test/understanding/*-clauses.json) cannot show: lexicon
 * entries a language could write that would break ordinary sentences, and the folding of Arabic clitics.
 */

const en = () => content().lexicons['en']!;

describe('negations written in several words', () => {
  // "n't" folds to "not": "don't" is "do not", and "do" must not become a negation of the language
  const lexicon: Lexicon = {
    ...en(),
    answers: { ...en().answers, negations: [...en().answers.negations, "don't", 'do not', 'have not'] },
  };
  const w = wordsOf(lexicon);
  const echoes = w.procedures['return-aid']!.options['has-travel-document']!;

  test('are matched as phrases: none of their words is a negation by itself', () => {
    expect(['do', 'have'].filter((x) => w.negations.has(x))).toEqual([]);
    expect(said('i do have a passport', w).negation).toEqual([false, false, false, false, false]);
    expect(said('i do not have one', w).negation[2]).toBe(true);
  });

  test('leave an ordinary sentence as it is', () => {
    const echo = { true: echoes['true'] ?? [], false: echoes['false'] ?? [] };
    expect(readYesNo('i do have a passport', w, echo)).toMatchObject({ kind: 'value', value: true });
    expect(readYesNo("i don't have a passport", w, echo)).toMatchObject({ kind: 'value', value: false });
  });
});

describe('clauses', () => {
  const w = wordsOf(content().lexicons['fr']!);
  const clauses = (text: string) => said(text, w).clause;

  test('end at punctuation and clause breaks, not inside a number or an abbreviation', () => {
    expect(clauses('pas résident, temporaire')).toEqual([0, 0, 1]);
    expect(clauses('pas résident mais temporaire')).toEqual([0, 0, 1, 1]);
    expect(clauses('1,500 euros 10:30')).toEqual([0, 0, 0, 0, 0]);
    expect(clauses('recours o.q.t.f. demain')).toEqual([0, 0, 0, 0, 0, 1]);
  });

  test('the clause breaks are optional in a lexicon', () => {
    const { clauseBreaks: _, notNegating: __, ...older } = content().lexicons['fr']!.answers;
    expect(answersLexiconSchema.safeParse(older).success).toBe(true);
  });
});

describe('Arabic clitics', () => {
  test('are taken off a word of the text only to find a listed word', () => {
    expect(sameWord('وبلادي', 'بلادي')).toBe(true);
    expect(sameWord('بالحرب', 'الحرب')).toBe(true);
    expect(sameWord('حرب', 'الحرب')).toBe(true);
    expect(sameWord('وانا', 'انا')).toBe(true);
  });

  test('never make two words one: my children are not my country', () => {
    expect(sameWord('ولادي', 'بلادي')).toBe(false);
    expect(sameWord('بلادي', 'ولادي')).toBe(false);
    expect(findPhrase(tokens('ولادي في المغرب'), tokens('نروح لبلادي'))).toBe(-1);
  });
});

describe('Turkish i', () => {
  test('dotted and dotless, in either case, lowercased with the Turkish locale or not, fold to one i', () => {
    const forms = ['İSTANBUL', 'ISTANBUL', 'istanbul', 'ıstanbul', 'İstanbul', 'İSTANBUL'.toLocaleLowerCase('tr')];
    expect(new Set(forms.map(fold))).toEqual(new Set(['istanbul']));
    expect(new Set(['KASIM', 'Kasım', 'kasim', 'KASIM'.toLocaleLowerCase('tr')].map(fold))).toEqual(new Set(['kasim']));
    expect(tokens("HAYIR, Kasım'da")).toEqual(['hayir', 'kasim', 'da']);
  });
});

describe('negations that follow what they negate (negationsAfter: Turkish)', () => {
  const w = wordsOf(content().lexicons['tr']!);

  test('govern the words before them in their clause, not those after', () => {
    expect(said('ülkeme dönmek istemiyorum', w).negationAfter).toEqual([false, false, true]);
    expect(negated(said('sığınma istemiyorum ülkeme dönmek istiyorum', w), 0, CLAUSE)).toBe(true);
    expect(negated(said('sığınma istemiyorum ülkeme dönmek istiyorum', w), 2, CLAUSE)).toBe(false);
    expect(negated(said('ülkeme dönmek istiyorum, param yok', w), 0, CLAUSE)).toBe(false);
    expect(negated(said('ülkeme dönmek istiyorum çünkü param yok', w), 0, CLAUSE)).toBe(false);
  });

  test('a yes/no answer with one is a no; a cue that holds one is not turned around', () => {
    expect(readYesNo('pasaportum yok', w)).toMatchObject({ kind: 'value', value: false });
    expect(readYesNo('mülteci değilim', w)).toMatchObject({ kind: 'value', value: false });
    expect(said('pasaportum yok', w).holdsNegation(['pasaportum', 'yok'])).toBe(true);
  });

  test('are optional in a lexicon, and a language without them reads as before', () => {
    const { negationsAfter: _, ...older } = content().lexicons['tr']!.answers;
    expect(answersLexiconSchema.safeParse(older).success).toBe(true);
    expect(said('je ne veux pas rentrer', wordsOf(content().lexicons['fr']!)).negationAfter.some(Boolean)).toBe(false);
  });
});

describe('a day ordinal suffix written apart after an apostrophe (Turkish "5\'i", "15\'inde")', () => {
  test('reads the day as an ordinal, alone or beside its month', () => {
    const at = 'asylum-filing/attestation-issued-on';
    expect(understandAt('tr', at, "ayın 5'i", {})).toMatchObject({ kind: 'confirm', value: '2026-11-05' });
    expect(understandAt('tr', at, "Kasım'ın 12'sinde", {})).toMatchObject({ kind: 'confirm', value: '2026-11-12' });
    expect(understandAt('en', at, 'the 5th', {})).toMatchObject({ kind: 'confirm', value: '2026-11-05' });
  });
});

describe('a negation after an urgent cue', () => {
  test('governs only the word right before it: "cevap yok" does not take back the call to 115', () => {
    const w = wordsOf(content().lexicons['tr']!);
    const s = said('115 aradım cevap yok', w);
    expect(negated(s, 1, FEW_WORDS)).toBe(false);
    expect(negated(s, 2, FEW_WORDS)).toBe(true);
    expect(negated(said('hayatım tehlikede değil', w), 0, FEW_WORDS, 2)).toBe(true);
  });
});

describe('a half that only follows a number (halvesAfterNumber: Turkish "buçuk")', () => {
  test('makes the article before it the number one; other halves keep their meaning', () => {
    const months = 'family-reunification/residence-months';
    expect(understandAt('tr', months, 'bir buçuk yıl', {})).toMatchObject({ kind: 'confirm', value: 18 });
    expect(understandAt('tr', months, 'yarım yıl', {})).toMatchObject({ kind: 'confirm', value: 6 });
    expect(understandAt('tr', 'family-reunification/monthly-resources', 'bir maaşım var, 1500', {})).toMatchObject({
      kind: 'record',
      value: 1500,
    });
    expect(understandAt('en', months, 'half a year', {})).toMatchObject({ value: 6 });
  });
});

describe('two counts joined by an "or" of several words', () => {
  test('are a vague period, as "2 or 3 weeks ago" is', () => {
    const at = 'asylum-filing/attestation-issued-on';
    expect(understandAt('tr', at, '2 ya da 3 hafta önce', {})).toMatchObject({ kind: 'refuse' });
    expect(understandAt('tr', at, '3 hafta önce', {})).toMatchObject({ kind: 'confirm', value: '2026-11-02' });
    expect(understandAt('en', at, '2 or 3 weeks ago', {})).toMatchObject({ kind: 'refuse' });
  });
});

describe('Cyrillic words as one spelling', () => {
  test("an apostrophe inside a Cyrillic word is part of it, in any form: сім'я (family) is not сім (seven)", () => {
    for (const s of ["сім'я", 'сім’я', 'сімʼя', 'сім`я', 'сімя']) expect(tokens(s)).toEqual(['сімя']);
    expect(tokens("п'ять")).toEqual(tokens('пʼять'));
  });

  test('Latin look-alike letters typed inside a Cyrillic word become Cyrillic; other words keep theirs', () => {
    expect(tokens('нi, нe знаю')).toEqual(['ні', 'не', 'знаю']);
    expect(tokens('так, OFII')).toEqual(['так', 'ofii']);
    expect(tokens("l'asile, don't")).toEqual(['l', 'asile', 'do', 'not']);
  });
});

describe("a clause that is a whole don't-know answer", () => {
  test('is "I don\'t know", even of a single word, beside the thing it is about', () => {
    const facts = { territory: 'mainland', nationality: 'SN', receivedBefore: false };
    expect(understandAt('tr', 'return-aid/has-oqtf', 'OQTF mi? bilmiyorum', facts)).toMatchObject({ kind: 'unknown' });
    expect(understandAt('en', 'return-aid/has-oqtf', 'oqtf? idk', facts)).toMatchObject({ kind: 'unknown' });
  });
});

describe('Pashto and Urdu letters', () => {
  test('are folded to the letters typed for them on a Persian or Arabic keyboard', () => {
    expect(tokens('ښه')).toEqual(tokens('شه'));
    expect(tokens('ګټه')).toEqual(tokens('گته'));
    expect(tokens('وېرېږم')).toEqual(tokens('ویریژم'));
    expect(tokens('غواړم')).toEqual(tokens('غوارم'));
    expect(tokens('ډېر ښځه ځم څو')).toEqual(tokens('دیر شزه زم سو'));
    expect(tokens('کوۍ زۀ ہے ڼ')).toEqual(tokens('کوي زه هي ن'));
  });

  test('leave Arabic and Persian words as they were', () => {
    expect(tokens('بلادي گاع ژوئن')).toEqual(['بلادي', 'گاع', 'ژوين']);
  });
});

describe('a negation written after what it negates (negationsAfter: Pashto)', () => {
  const ps = () => content().lexicons['ps']!;

  test('governs the words before it in its clause', () => {
    const s = said('زه په foyer کې نه اوسېږم، له زوی سره', wordsOf(ps()));
    expect(negated(s, 2, CLAUSE)).toBe(true); // foyer
    expect(negated(s, 6, CLAUSE)).toBe(false); // the next clause
  });

  test('and only in a language that says so', () => {
    const { negationsAfter: _, ...answers } = ps().answers;
    const s = said('زه په foyer کې نه اوسېږم', wordsOf({ ...ps(), answers }));
    expect(negated(s, 2, CLAUSE)).toBe(false);
  });

  test('"I do not live in a foyer" is never recorded as a foyer; "I am not alone" is not alone', () => {
    const housing = { nationality: 'DZ', age: 70, regularResidenceYears: 30, livesAlone: true };
    // the negation stands two words after "foyer" (a postposition between): the cue is asked back, not recorded
    // (a negation after a cue reaches one word when not to the clause's end: Turkish "115 aradım cevap yok")
    expect(understandAt('ps', 'elderly-migrant-aid/housing', 'په foyer کې نه اوسېږم', housing)).toMatchObject({
      kind: 'confirm',
      value: 'migrant-worker-hostel',
      why: 'partial',
    });
    const alone = { nationality: 'DZ', age: 70, regularResidenceYears: 30 };
    expect(understandAt('ps', 'elderly-migrant-aid/lives-alone', 'یوازې نه یم', alone)).toMatchObject({
      kind: 'confirm',
      value: false,
    });
  });
});

describe('a negation is never a near spelling', () => {
  test('"sığınma istemiyorum" (I do not want asylum) does not pick asylum through "istiyorum"', () => {
    const r = understandAt('tr', 'triage/need', 'sığınma istemiyorum', {});
    expect(r).not.toMatchObject({ value: 'asylum-filing' });
  });
});
