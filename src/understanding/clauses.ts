import { findPhrase, tokens } from './fold';
import type { Words } from './lexicon';

/**
 * A text as the cue readers see it: its folded words, the clause each belongs to, and which words are
 * negations. A negation governs words of its own clause only: a clause ends at punctuation (, . ; : ! ? ، ؛ ؟)
 * and before a clause break of the language ("mais", "but", "بصح", "لكن"). The negations inside an "I don't
 * know" phrase ("je ne sais PAS comment rentrer", "لا اعرف كيف ارجع") govern nothing. A negation governs the words
 * after it; one a language writes after what it negates (Persian "کارت موقت نیست") the words before it.
 */
export interface Said {
  words: readonly string[];
  clause: readonly number[];
  /** every negation, whichever way it governs (a yes/no answer holding one says no) */
  negation: readonly boolean[];
  /** negations that govern the words before them in their clause (`negationsAfter`) */
  before: readonly boolean[];
  /** of those, the ones that govern nothing after them */
  beforeOnly: readonly boolean[];
  /** joiners ("و", "and"): a negation written after what it negates does not reach back past one */
  joiner: readonly boolean[];
  /** whether a listed phrase holds a negation of the language ("pas encore envoyé"): then it is negative on purpose */
  holdsNegation: (phrase: readonly string[]) => boolean;
  /** few words: a single near word may then stand for a keyword ("azyle") */
  short: boolean;
  /** a "no" opening the message (urgent cues): it reaches the next word only ("لا نخاف", not "لا هو يضربني") */
  opening?: number;
}

/** How far a negation reaches: to the end of its clause, or (urgent cues) a few words only. */
export const CLAUSE = Number.POSITIVE_INFINITY;
export const FEW_WORDS = 3;

/** Punctuation that ends a clause; not the separators inside a number (1,500 10:30 1.500) nor a dot in o.q.t.f. */
const CLAUSE_END = /[;!?،؛؟…\n]|(?<!\d),|,(?!\d)|(?<!\d):|:(?!\d)|\.(?=\s|$)|\s[-–—]+\s/u;

/** Every place a phrase stands in some words. */
export const occurrences = (words: readonly string[], phrase: readonly string[]): number[] => {
  const found: number[] = [];
  for (let at = findPhrase(words, phrase); at >= 0; at = findPhrase(words, phrase, at + 1)) found.push(at);
  return found;
};

/** The text's words, clauses and negations, in the session's language. */
export function said(text: string, w: Words): Said {
  const words: string[] = [];
  const clause: number[] = [];
  let n = 0;
  for (const chunk of text.split(new RegExp(CLAUSE_END.source, 'gu'))) {
    const t = tokens(chunk);
    const breaks = new Set(w.clauseBreaks.flatMap((p) => occurrences(t, p)));
    t.forEach((word, i) => {
      if (i > 0 && breaks.has(i)) n++;
      words.push(word);
      clause.push(n);
    });
    n++;
  }
  const negation = words.map((word) => w.negations.has(word) || w.negationsAfter.has(word));
  const before = words.map((word) => w.negationsAfter.has(word));
  const beforeOnly = words.map((word) => w.negationsAfter.has(word) && !w.negations.has(word));
  for (const p of w.negationPhrases)
    for (const at of occurrences(words, p))
      [negation[at + p.length - 1], beforeOnly[at + p.length - 1]] = [true, false];
  for (const p of [...w.dontKnow.filter((d) => d.length >= 2), ...w.notNegating])
    for (const at of occurrences(words, p)) for (const list of [negation, before]) list.fill(false, at, at + p.length);
  const holdsNegation = (phrase: readonly string[]) =>
    phrase.some((x) => w.negations.has(x) || w.negationsAfter.has(x)) ||
    w.negationPhrases.some((p) => findPhrase(phrase, p) >= 0);
  const short = words.filter((x) => x.length >= 4).length <= 3;
  const joiner = words.map((word) => w.numbers.joiners.has(word));
  return { words, clause, negation, before, beforeOnly, joiner, holdsNegation, short };
}

/**
 * Whether a negation governs the word at `at`: one before it in its clause, within `reach` words, or one written
 * after what it negates (`negationsAfter`) after it in its clause, within `reach` words and with no joiner between
 * ("شوهرم میزند و پول ندارم": the "no money" does not turn "hits" around).
 */
export function negated(s: Said, at: number, reach: number): boolean {
  const opening = s.opening ?? 0;
  for (let j = at - 1; j >= 0 && at - j <= reach && s.clause[j] === s.clause[at]; j--)
    if (s.negation[j] && !s.beforeOnly[j] && (j >= opening || at === opening)) return true;
  for (let j = at + 1; j < s.words.length && j - at <= reach && s.clause[j] === s.clause[at] && !s.joiner[j]; j++)
    if (s.before[j]) return true;
  return false;
}
