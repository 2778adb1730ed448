import type { Lexicon } from '../src/content/load';
import { answersLexiconSchema } from '../src/content/schemas';
import { CLAUSE, negated, said } from '../src/understanding/clauses';
import { findPhrase, sameWord, tokens } from '../src/understanding/fold';
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

describe('a negation written after what it negates (negationAfter: Pashto)', () => {
  const ps = () => content().lexicons['ps']!;

  test('governs the words before it in its clause', () => {
    const s = said('زه په foyer کې نه اوسېږم، له زوی سره', wordsOf(ps()));
    expect(negated(s, 2, CLAUSE)).toBe(true); // foyer
    expect(negated(s, 6, CLAUSE)).toBe(false); // the next clause
  });

  test('and only in a language that says so', () => {
    const { negationAfter: _, ...answers } = ps().answers;
    const s = said('زه په foyer کې نه اوسېږم', wordsOf({ ...ps(), answers }));
    expect(negated(s, 2, CLAUSE)).toBe(false);
  });

  test('"I do not live in a foyer" is no foyer; "I am not alone" is not alone', () => {
    const housing = { nationality: 'DZ', age: 70, regularResidenceYears: 30, livesAlone: true };
    expect(understandAt('ps', 'elderly-migrant-aid/housing', 'په foyer کې نه اوسېږم', housing)).toMatchObject({
      kind: 'refuse',
    });
    const alone = { nationality: 'DZ', age: 70, regularResidenceYears: 30 };
    expect(understandAt('ps', 'elderly-migrant-aid/lives-alone', 'یوازې نه یم', alone)).toMatchObject({
      kind: 'confirm',
      value: false,
    });
  });
});
