import { refuse, sure, unsure, type Reading, type Uncertainty } from './reading';

/**
 * What a number question counts, from the facts schema (`meta({ unit })`): money a month or a year, a
 * duration, an area, or people: everyone in a home (the person answering included), adults (the person
 * answering included), minor children.
 */
export type NumberUnit =
  'eur-month' | 'eur-year' | 'years' | 'months' | 'm2' | 'count' | 'people' | 'adults' | 'minors';

export interface NumberQuestion {
  unit?: NumberUnit;
  min?: number;
  max?: number;
  integer?: boolean;
  /** the reader's today (YYYY-MM-DD): a year written instead of a duration or an age counts until it */
  today?: string;
}

/** What was written, said back beside a value worked out from it ("18 months (you wrote 1 year and a half)"). */
export interface Given {
  value: number;
  unit: string;
}

/**
 * A value found, held to the question's bounds: of two readings of a lone separator ("1.500"), the one that
 * fits (money is rarely a euro and a half, a count or an age rarely a thousand), confirmed. `doubt`: why
 * the value must be confirmed anyway, and what was written.
 */
export function settle(readings: number[], q: NumberQuestion, doubt?: { why: Uncertainty; given?: Given }): Reading {
  const fits = readings.filter(
    (n) => (!q.integer || Number.isInteger(n)) && n >= (q.min ?? -Infinity) && n <= (q.max ?? Infinity),
  );
  if (fits.length === 0) {
    if (q.integer && readings.some((n) => !Number.isInteger(n))) return refuse('not-integer');
    return refuse('number-out-of-range', { min: q.min ?? '-', max: q.max ?? '-' });
  }
  const money = q.unit === 'eur-month' || q.unit === 'eur-year';
  const best = fits.length === 1 ? fits[0]! : money ? Math.max(...fits) : Math.min(...fits);
  if (doubt) return unsure(best, doubt.why, doubt.given);
  // "31,625 ans" where only one reading fits the question is no guess; "1,500 €" where both do is
  return fits.length > 1 ? unsure(best, 'separator') : sure(best);
}

/** Rounded to the cent, as values worked out are kept. */
export const cents = (n: number) => Math.round(n * 100) / 100;
