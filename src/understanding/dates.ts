import { addDays, addMonths, addWeeks, addYears, format, isValid, parseISO } from 'date-fns';
import { asciiDigits } from '../text';
import { findPhrase, tokens } from './fold';
import type { Words } from './lexicon';
import { refuse, sure, unsure, type Reading } from './reading';
import { readWithChrono } from './dates-chrono';

type Unit = 'day' | 'week' | 'month' | 'year';
const iso = (d: Date) => format(d, 'yyyy-MM-dd');
const fromIso = (s: string) => parseISO(s);

/** A calendar date that exists. */
function dateOf(y: number, m: number, d: number): string | undefined {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = parseISO(s);
  return isValid(date) && iso(date) === s ? s : undefined;
}

/** The most recent such day (month, day) not after today: "le 3 mars" said in November is this year's. */
function mostRecent(m: number, d: number, today: string): string | undefined {
  const year = Number(today.slice(0, 4));
  const thisYear = dateOf(year, m, d);
  if (thisYear && thisYear <= today) return thisYear;
  return dateOf(year - 1, m, d);
}

const twoDigitYear = (yy: number, today: string) => {
  const century = Math.floor(Number(today.slice(0, 4)) / 100) * 100;
  return century + yy > Number(today.slice(0, 4)) ? century - 100 + yy : century + yy;
};

/** Numbers with separators, read day first as in France: 12/03/2026, 3-11-26, 2026-11-03, 12/03 (no year). */
function numericDate(raw: string, today: string): Reading | undefined {
  const isoForm = raw.match(/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/);
  if (isoForm) {
    const date = dateOf(Number(isoForm[1]), Number(isoForm[2]), Number(isoForm[3]));
    return date ? sure(date) : refuse('invalid-date');
  }
  const full = raw.match(/\b(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{4}|\d{2})\b/);
  if (full) {
    const y = full[3]!.length === 2 ? twoDigitYear(Number(full[3]), today) : Number(full[3]);
    const date = dateOf(y, Number(full[2]), Number(full[1]));
    return date ? sure(date) : refuse('invalid-date');
  }
  const short = raw.match(/\b(\d{1,2})\s*[/.]\s*(\d{1,2})\b/);
  if (short) {
    const date = mostRecent(Number(short[2]), Number(short[1]), today);
    return date ? unsure(date, 'yearless-date') : refuse('invalid-date');
  }
  return undefined;
}

const indexOfPhrase = (t: readonly string[], list: readonly string[][]) => {
  for (const p of list) {
    const at = findPhrase(t, p);
    if (at >= 0) return { at, length: p.length };
  }
  return undefined;
};

/** A date with a month's name: "3 mars 2026", "le 1er février", "March 3rd", "٣ آذار". */
function wordDate(t: readonly string[], w: Words, today: string): Reading | undefined {
  for (const [month, names] of w.dates.months) {
    const found = indexOfPhrase(t, names);
    if (!found) continue;
    const numbers = t
      .map((word, i) => ({ i, n: /^\d+(er|st|nd|rd|th|e)?$/.test(word) ? parseInt(word, 10) : NaN }))
      .filter((x) => !Number.isNaN(x.n));
    const year = numbers.find((x) => x.n >= 1900 && x.n <= 2200)?.n;
    const day = numbers.find((x) => x.n >= 1 && x.n <= 31 && Math.abs(x.i - found.at) <= 2)?.n;
    if (day === undefined) return undefined;
    if (year !== undefined) {
      const date = dateOf(year, month, day);
      return date ? sure(date) : refuse('invalid-date');
    }
    const date = mostRecent(month, day, today);
    return date ? unsure(date, 'yearless-date') : refuse('invalid-date');
  }
  return undefined;
}

/** Today, yesterday, the day before, "il y a 10 jours", "two weeks ago", "قبل أسبوعين", "lundi dernier". */
function relativeDate(
  t: readonly string[],
  w: Words,
  today: string,
  count: (t: readonly string[]) => number | undefined,
): Reading | undefined {
  const d = w.dates;
  const whole = (list: string[][]) => list.some((p) => p.length === t.length && findPhrase(t, p) === 0);
  if (whole(d.dayBeforeYesterday) || indexOfPhrase(t, d.dayBeforeYesterday))
    return unsure(iso(addDays(fromIso(today), -2)), 'relative-date');
  if (whole(d.today)) return sure(today);
  if (whole(d.yesterday)) return unsure(iso(addDays(fromIso(today), -1)), 'relative-date');
  const ago = indexOfPhrase(t, d.agoBefore) ?? indexOfPhrase(t, d.agoAfter);
  if (ago) {
    for (const unit of ['day', 'week', 'month', 'year'] as Unit[]) {
      const dual = indexOfPhrase(t, d.dual[unit]);
      const single = indexOfPhrase(t, d.units[unit]);
      const n = dual ? 2 : single ? count(t) : undefined;
      if (n !== undefined) return unsure(iso(back(fromIso(today), unit, n)), 'relative-date');
    }
  }
  const last = indexOfPhrase(t, d.last);
  if (last) {
    for (const [weekday, names] of d.weekdays) {
      if (!indexOfPhrase(t, names)) continue;
      const now = fromIso(today);
      const isoDay = ((now.getDay() + 6) % 7) + 1;
      return unsure(iso(addDays(now, -(((isoDay - weekday + 6) % 7) + 1))), 'relative-date');
    }
  }
  return undefined;
}

function back(from: Date, unit: Unit, n: number): Date {
  if (unit === 'day') return addDays(from, -n);
  if (unit === 'week') return addWeeks(from, -n);
  if (unit === 'month') return addMonths(from, -n);
  return addYears(from, -n);
}

/**
 * A date as people write it, in one interface for every language: numbers read day first, month names
 * and relative words from the language's lexicon, and chrono-node for the languages it reads. A relative
 * or year-less date is computed from today and confirmed; a full date is taken as written.
 */
export function readDate(
  text: string,
  w: Words,
  today: string,
  count: (t: readonly string[]) => number | undefined,
): Reading {
  const t = tokens(text);
  const raw = asciiDigits(text);
  return (
    relativeDate(t, w, today, count) ??
    numericDate(raw, today) ??
    wordDate(t, w, today) ??
    (w.dates.chrono ? readWithChrono(text, w.dates.chrono, today) : undefined) ??
    refuse('invalid-date')
  );
}
