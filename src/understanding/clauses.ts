import { findPhrase, tokens } from './fold';
import type { Words } from './lexicon';

/**
 * A text as the cue readers see it: its folded words, the clause each belongs to, and which words are
 * negations. A negation governs words of its own clause only: a clause ends at punctuation (, . ; : ! ? ، ؛ ؟ and
 * the Ethiopic ። ፣ ፤ ፥ ፦ ፧ ፨; not the old word space ፡)
 * and before a clause break of the language ("mais", "but", "بصح", "لكن"). The negations inside an "I don't
 * know" phrase ("je ne sais PAS comment rentrer", "لا اعرف كيف ارجع") govern nothing.
 */
export interface Said {
  words: readonly string[];
  clause: readonly number[];
  negation: readonly boolean[];
  /** which words are negations of the words before them ("dönmek istemiyorum", "pasaportum yok") */
  negationAfter: readonly boolean[];
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

/**
 * Punctuation that ends a clause (Ethiopic too: ። ፣ ፤ ፥ ፦ ፧ ፨); not the separators inside a number (1,500 10:30
 * 1.500) nor a dot in o.q.t.f.
 */
const CLAUSE_END = /[;!?،؛؟…\n።፣፤፥፦፧፨]|(?<!\d),|,(?!\d)|(?<!\d):|:(?!\d)|\.(?=\s|$)|\s[-–—]+\s/u;

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
  const negation = words.map((word) => w.negations.has(word));
  const negationAfter = words.map((word) => w.negationsAfter.has(word));
  for (const p of w.negationPhrases) for (const at of occurrences(words, p)) negation[at + p.length - 1] = true;
  for (const p of [...w.dontKnow.filter((d) => d.length >= 2), ...w.notNegating])
    for (const at of occurrences(words, p))
      if (clause[at] === clause[at + p.length - 1]) {
        negation.fill(false, at, at + p.length);
        negationAfter.fill(false, at, at + p.length);
      }
  const holdsNegation = (phrase: readonly string[]) =>
    phrase.some((x) => w.negations.has(x) || w.negationsAfter.has(x)) ||
    w.negationPhrases.some((p) => findPhrase(phrase, p) >= 0);
  const short = words.filter((x) => x.length >= 4).length <= 3;
  return { words, clause, negation, negationAfter, holdsNegation, short };
}

/** Whether a phrase stands in the text within one clause. */
export const inOneClause = (s: Pick<Said, 'words' | 'clause'>, phrase: readonly string[]): boolean =>
  occurrences(s.words, phrase).some((at) => s.clause[at] === s.clause[at + phrase.length - 1]);

/**
 * Whether a negation governs the phrase of `length` words at `at`: one before it in its clause, within `reach`
 * words, or one of the negations that follow what they negate (`negationsAfter`) after it: to the end of the
 * clause when the reach is the clause's, else only right after the phrase ("115 aradım, cevap yok" is still a
 * call to 115 that failed: a missed urgent situation is worse than a false alarm).
 */
export function negated(s: Said, at: number, reach: number, length = 1): boolean {
  const opening = s.opening ?? 0;
  for (let j = at - 1; j >= 0 && at - j <= reach && s.clause[j] === s.clause[at]; j--)
    if (s.negation[j] && (j >= opening || at === opening)) return true;
  const last = at + length - 1;
  const after = reach === CLAUSE ? CLAUSE : 1;
  for (let j = last + 1; j < s.words.length && j - last <= after && s.clause[j] === s.clause[last]; j++)
    if (s.negationAfter[j]) return true;
  return false;
}
