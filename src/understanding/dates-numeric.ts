import { dateOf, fullYear, yearlessDay, type Calendar } from './dates-calendar';
import { phraseAt } from './dates-relative';
import type { Words } from './lexicon';
import { refuse, sure, unsure, type Reading } from './reading';

const exact = (date: string | undefined): Reading => (date ? sure(date) : refuse('invalid-date'));
const yearless = (date: string | undefined): Reading => (date ? unsure(date, 'yearless-date') : refuse('invalid-date'));

/**
 * Digits with separators, day first as in France: 12/03/2026, 3-11-26, 12 03 2026, and 12/03 or 3-11
 * without a year. A year written first is in ISO order: 2026-11-03, 2026/11/03.
 */
export function numericDate(raw: string, c: Calendar): Reading | undefined {
  const yearFirst = raw.match(/\b(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})\b/);
  if (yearFirst) return exact(dateOf(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3])));
  const full = raw.match(/\b(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4}|\d{2})\b/);
  if (full) {
    const y = full[3]!.length === 2 ? fullYear(Number(full[3]), c.today) : Number(full[3]);
    return exact(dateOf(y, Number(full[2]), Number(full[1])));
  }
  const short = raw.match(/\b(\d{1,2})\s*[/.-]\s*(\d{1,2})\b(?!\s*[/.-]\s*\d)/);
  if (short) return yearless(yearlessDay(Number(short[2]), Number(short[1]), c));
  return undefined;
}

/** A day and its month by number with a word between them: "le 15 du 11", "15 شهر 11", and a year if one follows. */
export function monthByNumber(t: readonly string[], w: Words, c: Calendar): Reading | undefined {
  for (let i = 1; i < t.length; i++) {
    const lead = phraseAt(t, w.dates.monthNumberLeadIns, i);
    if (!lead || !/^\d{1,2}$/.test(t[i - 1]!) || !/^\d{1,2}$/.test(t[i + lead] ?? '')) continue;
    const [day, month] = [Number(t[i - 1]), Number(t[i + lead])];
    if (month < 1 || month > 12) continue;
    const year = t[i + lead + 1];
    if (year && /^\d{4}$/.test(year)) return exact(dateOf(Number(year), month, day));
    return yearless(yearlessDay(month, day, c));
  }
  return undefined;
}
