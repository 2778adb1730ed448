import type { Lexicon } from '../src/content/load';
import { answersLexiconSchema } from '../src/content/schemas';
import { said } from '../src/understanding/clauses';
import { findPhrase, sameWord, tokens } from '../src/understanding/fold';
import { wordsOf } from '../src/understanding/lexicon';
import { readYesNo } from '../src/understanding/yes-no';
import { content } from './helpers';

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
