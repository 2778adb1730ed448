import { findPhrase, tokens } from './fold';

/**
 * Cues: phrases of a word list, each folded once. A cue written "a + b" needs every part somewhere in
 * the text. A part that follows a negation closely ("je ne veux PAS rentrer", "haven't SENT") does not
 * count, unless the negation is written in the cue itself ("pas encore envoyé").
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

/** How many words before a keyword a negation still turns it around. */
const NEGATION_REACH = 3;

/**
 * Whether a phrase stands in the text, not turned around by a negation just before it. A phrase that holds a
 * negation itself ("pas encore envoyé", "not sent") is a negative expression on purpose: it is not turned around.
 */
export function affirmed(text: readonly string[], phrase: readonly string[], negations: ReadonlySet<string>): boolean {
  const negative = phrase.some((w) => negations.has(w));
  for (let at = findPhrase(text, phrase); at >= 0; at = findPhrase(text, phrase, at + 1)) {
    if (negative) return true;
    const before = text.slice(Math.max(0, at - NEGATION_REACH), at);
    if (!before.some((w) => negations.has(w))) return true;
  }
  return false;
}

/** Whether every part of a cue is affirmed in the text. */
export const cueIn = (text: readonly string[], cue: Cue, negations: ReadonlySet<string>): boolean =>
  cue.every((part) => affirmed(text, part, negations));

/** The longest cue (in words) of a list found in the text, or 0. */
export function strongestCue(text: readonly string[], cues: readonly Cue[], negations: ReadonlySet<string>): number {
  let best = 0;
  for (const cue of cues) if (cueIn(text, cue, negations)) best = Math.max(best, cue.flat().length);
  return best;
}
