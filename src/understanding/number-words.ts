import { bare } from './fold';
import type { Words } from './lexicon';

/** A number being read word by word: the thousands and more so far, the group under a thousand, the last word. */
export interface Sum {
  total: number;
  group: number;
  last: number;
}

/** The value of number words taken together ("quatre-vingt-dix" folds to three words, "وخمسة" has a clitic). */
export const valueOf = (w: Words, words: readonly string[]): number | undefined =>
  w.numbers.words.get(words.join('-')) ?? (words.length === 1 ? w.numbers.words.get(bare(words[0]!)) : undefined);

const isTen = (n: number) => n >= 20 && n < 100 && n % 10 === 0;

/**
 * The number with one more word, or undefined when the word begins another number: "mille deux cents" is
 * one number, "deux et cinq" two. Tens take units after them ("vingt-deux", "soixante et onze") or before
 * them ("خمسة وعشرين"); a hundred and a thousand multiply what comes before them.
 */
export function combine(sum: Sum | undefined, v: number): Sum | undefined {
  if (!sum) return v >= 1000 ? { total: v, group: 0, last: v } : { total: 0, group: v, last: v };
  const { total, group, last } = sum;
  if (v >= 1000) {
    if (group === 0 || group >= v) return undefined;
    return { total: total + group * v, group: 0, last: v };
  }
  if (v === 100) return group >= 100 ? undefined : { total, group: (group || 1) * 100, last: v };
  // hundreds written as one word (Arabic "خمسمية") come right after a thousand
  if (v > 100) return group === 0 && total > 0 ? { total, group: v, last: v } : undefined;
  const tens = group % 100;
  const fits =
    (group === 0 && total > 0) ||
    (group >= 100 && tens === 0) ||
    (isTen(tens) && v > 0 && (v < 10 || ((tens === 60 || tens === 80) && v < 20))) ||
    (tens > 0 && tens < 10 && tens === last && isTen(v));
  return fits ? { total, group: group + v, last: v } : undefined;
}

/** What a half adds after a number: half a thousand after "الف", half a hundred after "مية", else one half. */
export const halfOf = (sum: Sum | undefined): number =>
  sum && sum.last >= 100 ? 10 ** Math.floor(Math.log10(sum.last)) / 2 : 0.5;

/**
 * The count in a phrase ("il y a 10 jours", "two weeks ago"): its first whole number, in digits or words
 * (an article counts as one: "a week ago").
 */
export function countIn(t: readonly string[], w: Words): number | undefined {
  const digits = t.find((word) => /^\d+$/.test(word));
  if (digits !== undefined) return Number(digits);
  for (let i = 0; i < t.length; i++) {
    const { sum } = numberAt(t, i, w);
    if (sum) return sum.total + sum.group;
  }
  return undefined;
}

/** The one number the words from `i` make ("vingt et un", "بیست و نه"), and the index of the word after it. */
function numberAt(t: readonly string[], i: number, w: Words): { sum: Sum | undefined; end: number } {
  let sum: Sum | undefined;
  let j = i;
  while (j < t.length) {
    const joiner = sum && w.numbers.joiners.has(t[j]!) ? 1 : 0;
    const found = longest(t, j + joiner, w);
    const next = found && combine(sum, found.value);
    if (!found || !next) break;
    [sum, j] = [next, j + joiner + found.used];
  }
  return { sum, end: j };
}

/**
 * Whether number words that make no one number stand side by side: "دو سه روز" (two or three days: a Persian way to
 * say a couple), "deux trois jours". "dix-sept", "vingt et un", "بیست و نه" are one number each.
 */
export function twoCounts(t: readonly string[], w: Words): boolean {
  const { sum, end } = numberAt(t, 0, w);
  return sum !== undefined && end < t.length && longest(t, end, w) !== undefined;
}

function longest(t: readonly string[], i: number, w: Words): { value: number; used: number } | undefined {
  for (let len = Math.min(4, t.length - i); len >= 1; len--) {
    const v = valueOf(w, t.slice(i, i + len));
    if (v !== undefined) return { value: v, used: len };
  }
  return undefined;
}
