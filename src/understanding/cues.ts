import { CLAUSE, FEW_WORDS, negated, occurrences, type Said } from './clauses';
import { sameWord, tokens } from './fold';
import { isNear } from './near';

/**
 * Cues: phrases of a word list, each folded once. A cue written "a + b" needs every part somewhere in
 * the text. A part that a negation governs ("je ne veux PAS rentrer", "haven't SENT") does not count,
 * unless the negation is written in the cue itself ("pas encore envoyé").
 */
export type Cue = string[][];

export const cuesOf = (list: readonly string[] | undefined): Cue[] =>
  (list ?? [])
    .map((entry) =>
      entry
        .split(/\s\+\s/)
        .map(tokens)
        .filter((p) => p.length > 0),
    )
    .filter((cue) => cue.length > 0);

/**
 * Where a phrase stands in one clause of the text, as written, or with near spellings (at least one) of words that
 * are no listed word themselves (`known`: "rentrer" is a keyword, not a near "rentré"): indexes.
 */
function placesOf(s: Said, phrase: readonly string[], near: ReadonlySet<string> | false): number[] {
  const last = phrase.length - 1;
  const places: number[] = [];
  if (!near) {
    for (const at of occurrences(s.words, phrase)) if (s.clause[at] === s.clause[at + last]) places.push(at);
    return places;
  }
  // a single near word only in a short answer: in a long one, "sent" and "send" are too easily taken one for the other
  if (phrase.length === 1 && !s.short) return places;
  const shortest = s.words.length === 1 ? 4 : 5;
  for (let at = 0; at + last < s.words.length; at++) {
    if (s.clause[at] !== s.clause[at + last]) continue;
    const fit = phrase.map((p, j) => {
      const word = s.words[at + j]!;
      // a negation is never a near spelling of a word ("istemiyorum", I don't want, is two letters from "istiyorum")
      const negation = s.negation[at + j] || s.negationAfter[at + j];
      return sameWord(word, p) ? 'same' : !near.has(word) && !negation && isNear(word, p, shortest) ? 'near' : 'no';
    });
    if (!fit.includes('no') && fit.includes('near')) places.push(at);
  }
  return places;
}

/**
 * Whether a phrase stands in the text, not governed by a negation. A phrase that holds a negation itself
 * ("pas encore envoyé", "not sent", "ما بدي ارجع") is a negative expression on purpose: it is not turned around.
 */
function affirmed(
  s: Said,
  phrase: readonly string[],
  reach: number,
  near: ReadonlySet<string> | false = false,
): boolean {
  const places = placesOf(s, phrase, near);
  return places.length > 0 && (s.holdsNegation(phrase) || places.some((at) => !negated(s, at, reach, phrase.length)));
}

/** Whether a phrase stands anywhere in the text, negated or not (the context of an urgent cue). */
export const present = (s: Said, phrase: readonly string[]): boolean => placesOf(s, phrase, false).length > 0;

/** Whether every part of a cue is affirmed in the text. */
export const cueIn = (s: Said, cue: Cue, reach: number): boolean => cue.every((part) => affirmed(s, part, reach));

/** How well cues fit a text: the length of the longest cue found, and whether through near spellings only. */
export interface Fit {
  score: number;
  near: boolean;
}

export interface FitOptions {
  /** how far a negation reaches */
  reach: number;
  /** near spellings count, of words that are none of these (every word of the cues in play) */
  known?: ReadonlySet<string>;
  /** the language's yes/no phrases: a cue that is one weighs less */
  answers?: string[][];
}

/** Every word of some cues: a word of them is never read as a near spelling of another. */
const wordsOfCues = (cues: readonly Cue[]): Set<string> => new Set(cues.flat(2));

/** A cue that is also a plain yes/no answer ("not yet", "pas encore") weighs less than any other of its length. */
const ANSWER_WEIGHT = 0.5;

/**
 * The best fit of a list of cues in the text: a cue as written, or (with `near`) with near spellings, each
 * part affirmed. A cue found as written beats one as long found through near spellings.
 */
export function fitOf(s: Said, cues: readonly Cue[], o: FitOptions): Fit | undefined {
  let best: Fit | undefined;
  for (const cue of cues) {
    const exact = cueIn(s, cue, o.reach);
    const near = o.known;
    if (!exact && !(near && cue.every((part) => affirmed(s, part, o.reach) || affirmed(s, part, o.reach, near))))
      continue;
    const plain = cue.length === 1 && (o.answers ?? []).some((a) => a.join(' ') === cue[0]!.join(' '));
    const fit = { score: cue.flat().length - (plain ? ANSWER_WEIGHT : 0), near: !exact };
    if (!best || better(fit, best)) best = fit;
  }
  return best;
}

const better = (a: Fit, b: Fit) => a.score > b.score || (a.score === b.score && b.near && !a.near);

/** Of several items and how each fits, those that fit best, and whether they fit through near spellings only. */
function bestFits<T>(fits: readonly { item: T; fit: Fit | undefined }[]): { top: T[]; near: boolean } | undefined {
  let best: Fit | undefined;
  for (const { fit } of fits) if (fit && (!best || better(fit, best))) best = fit;
  if (!best) return undefined;
  const top = fits.filter((f) => f.fit && f.fit.score === best.score && f.fit.near === best.near).map((f) => f.item);
  return { top, near: best.near };
}

/**
 * Of several items (options, procedures) and their cues, those the text fits best, negations reaching to the end of
 * their clause. When that leaves none, to a few words only ("i dont want asylum i want go back home", written
 * without a stop), for items none of whose cues a negation governs from close by ("pas la carte de résidente"
 * stays cancelled): then `loose`, a reading to confirm. Near spellings count, never of a word of the cues in play.
 */
export function bestOfItems<T>(
  s: Said,
  items: readonly { item: T; cues: readonly Cue[] }[],
  answers: string[][],
): { top: T[]; near: boolean; loose: boolean } | undefined {
  const known = wordsOfCues(items.flatMap((i) => i.cues));
  const fits = (reach: number, among: typeof items) =>
    bestFits(among.map((i) => ({ item: i.item, fit: fitOf(s, i.cues, { reach, known, answers }) })));
  const strict = fits(CLAUSE, items);
  if (strict) return { ...strict, loose: false };
  const turned = (c: Cue) => c.every((part) => present(s, part)) && !cueIn(s, c, FEW_WORDS);
  const loose = fits(
    FEW_WORDS,
    items.filter((i) => !i.cues.some(turned)),
  );
  return loose && { ...loose, loose: true };
}
