import { asciiDigits } from '../text';
import { findPhrase, tokens } from './fold';
import type { Words } from './lexicon';
import { refuse, sure, unsure, type Reading } from './reading';

/** What a number question counts, from the facts schema (`meta({ unit })`): money a month or a year, a duration, an area. */
export type NumberUnit = 'eur-month' | 'eur-year' | 'years' | 'months' | 'm2' | 'count';

export interface NumberQuestion {
  unit?: NumberUnit;
  min?: number;
  max?: number;
  integer?: boolean;
}

/** A number written with digits: its readings (two when a lone separator may mark thousands or decimals). */
function digitReadings(raw: string): number[] | undefined {
  const m = raw.match(/\d(?:[\d\s\u00a0\u202f'’.,]*\d)?/);
  if (!m) return undefined;
  const token = m[0].replace(/[\s\u00a0\u202f'’]/g, (sep, i: number, all: string) =>
    // a space or an apostrophe between digit groups of three marks thousands
    /^\d{3}(?!\d)/.test(all.slice(i + 1)) ? '' : sep,
  );
  if (/[\s\u00a0\u202f'’]/.test(token)) return undefined; // two numbers side by side
  const dots = (token.match(/\./g) ?? []).length;
  const commas = (token.match(/,/g) ?? []).length;
  if (dots && commas) {
    // both: the last one marks decimals ("1.500,50", "1,500.50")
    const decimal = token.lastIndexOf('.') > token.lastIndexOf(',') ? '.' : ',';
    const other = decimal === '.' ? ',' : '.';
    return [Number(token.split(other).join('').replace(decimal, '.'))];
  }
  const sep = dots ? '.' : commas ? ',' : undefined;
  if (!sep) return [Number(token)];
  const groups = token.split(sep);
  const thousands = groups.slice(1).every((g) => g.length === 3) ? Number(groups.join('')) : undefined;
  if (groups.length > 2) return thousands === undefined ? undefined : [thousands];
  const decimal = Number(groups.join('.'));
  return thousands === undefined ? [decimal] : [thousands, decimal];
}

/** A number written in words ("trois", "deux mille cinq cents", "ثلاثة"), or undefined. */
function wordsValue(t: readonly string[], w: Words): number | undefined {
  let total = 0;
  let group = 0;
  let seen = false;
  for (let i = 0; i < t.length; i++) {
    // compound words first ("quatre-vingt-dix" folds to three words: join them back)
    let value: number | undefined;
    let used = 1;
    for (let len = Math.min(4, t.length - i); len >= 1 && value === undefined; len--) {
      const v = w.numbers.words.get(t.slice(i, i + len).join('-'));
      if (v !== undefined) [value, used] = [v, len];
    }
    if (value === undefined) {
      if (seen && w.numbers.joiners.has(t[i]!)) continue;
      if (seen) break;
      continue;
    }
    seen = true;
    i += used - 1;
    if (value >= 1000) {
      total += (group || 1) * value;
      group = 0;
    } else if (value === 100) group = (group || 1) * 100;
    else group += value;
  }
  return seen ? total + group : undefined;
}

const has = (t: readonly string[], list: readonly string[][]) => list.some((p) => findPhrase(t, p) >= 0);

/**
 * A number as people write it: digits of any script, thousands separators of both conventions, a
 * currency, "par mois" or "par an", months or years, number words. A unit that does not fit the question
 * is converted and confirmed, never silently; a lone separator that may mark thousands is confirmed.
 */
export function readNumber(text: string, w: Words, q: NumberQuestion): Reading {
  const raw = asciiDigits(text);
  const t = tokens(text);
  const fromDigits = digitReadings(raw);
  const fromWords = fromDigits ? undefined : wordsValue(t, w);
  if (!fromDigits && fromWords === undefined) return refuse('invalid-number');
  let readings = fromDigits ?? [fromWords!];
  const { factor, why, given } = conversion(t, w, q, readings[0]!);
  if (factor !== 1) readings = readings.map((n) => Math.round(n * factor * 100) / 100);
  if (q.integer && why === 'unit') readings = readings.map(Math.floor);
  // another number elsewhere in the sentence ("2 adultes et 3 enfants"): the first is a guess
  const others = fromDigits
    ? (raw.match(/\d+/g) ?? []).length > (raw.match(/\d(?:[\d\s\u00a0\u202f'’.,]*\d)?/)?.[0].match(/\d+/g) ?? []).length
    : false;
  const fits = readings.filter(
    (n) => (!q.integer || Number.isInteger(n)) && n >= (q.min ?? -Infinity) && n <= (q.max ?? Infinity),
  );
  if (fits.length === 0) {
    if (q.integer && readings.some((n) => !Number.isInteger(n))) return refuse('not-integer');
    return refuse('number-out-of-range', { min: q.min ?? '-', max: q.max ?? '-' });
  }
  // Two readings of "1.500": money is rarely a euro and a half; a count or an age rarely a thousand.
  const money = q.unit === 'eur-month' || q.unit === 'eur-year';
  const best = fits.length === 1 ? fits[0]! : money ? Math.max(...fits) : Math.min(...fits);
  if (why) return unsure(best, why, given);
  // "31,625 ans" where only one reading fits the question is no guess; "1,500 €" where both do is
  if (fits.length > 1) return unsure(best, 'separator');
  if (others) return unsure(best, 'partial');
  return sure(best);
}

/** How the unit written converts into the question's: a monthly amount at a yearly question, months at a question in years. */
function conversion(t: readonly string[], w: Words, q: NumberQuestion, n: number) {
  const none = { factor: 1, why: undefined, given: undefined };
  const perMonth = has(t, w.numbers.perMonth);
  const perYear = has(t, w.numbers.perYear);
  if (q.unit === 'eur-year' && perMonth && !perYear)
    return { factor: 12, why: 'period' as const, given: { value: n, unit: 'eur-month' } };
  if (q.unit === 'eur-month' && perYear && !perMonth)
    return { factor: 1 / 12, why: 'period' as const, given: { value: n, unit: 'eur-year' } };
  const months = has(t, w.numbers.months);
  const years = has(t, w.numbers.years);
  if (q.unit === 'years' && months && !years)
    return { factor: 1 / 12, why: 'unit' as const, given: { value: n, unit: 'months' } };
  if (q.unit === 'months' && years && !months)
    return { factor: 12, why: 'unit' as const, given: { value: n, unit: 'years' } };
  return none;
}

/** The count in a phrase ("il y a 10 jours", "two weeks ago"): its first whole number, in digits or words. */
export function countIn(t: readonly string[], w: Words): number | undefined {
  const digits = t.find((word) => /^\d+$/.test(word));
  return digits !== undefined ? Number(digits) : wordsValue(t, w);
}
