import { addDays, addMonths, addWeeks, addYears, format, isValid, parseISO } from 'date-fns';
import type { Unit } from './dates-lexicon';

/**
 * The side of today a date question asks about: most ask about the past (a day something happened), some
 * about a coming day (an appointment, a plan). A year-less date, a day of the month alone or a weekday
 * name is the nearest such day on that side.
 */
export type Towards = 'past' | 'future';

/** What a date reader needs to place a day: today, and the side of today the question asks about. */
export interface Calendar {
  today: string;
  towards: Towards;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** A calendar date that exists, as yyyy-MM-dd. */
export function dateOf(y: number, m: number, d: number): string | undefined {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = parseISO(s);
  return isValid(date) && iso(date) === s ? s : undefined;
}

/** The nearest of some dates on the question's side of today: not after it for a past, not before for a future. */
function onSide(candidates: (string | undefined)[], c: Calendar): string | undefined {
  const days = candidates.filter((d): d is string => d !== undefined);
  return c.towards === 'past' ? days.filter((d) => d <= c.today).at(-1) : days.find((d) => d >= c.today);
}

/** A day and month without a year ("le 3 mars", "2/12", 29 February): the nearest such day on the question's side. */
export function yearlessDay(month: number, day: number, c: Calendar): string | undefined {
  const year = Number(c.today.slice(0, 4));
  return onSide(
    Array.from({ length: 9 }, (_, i) => dateOf(year - 4 + i, month, day)),
    c,
  );
}

/** A day of the month alone ("le 12", "the 10th"): this month's, or the nearest month's on the question's side. */
export function monthlessDay(day: number, c: Calendar): string | undefined {
  const first = parseISO(`${c.today.slice(0, 7)}-01`);
  return onSide(
    Array.from({ length: 5 }, (_, i) => {
      const m = addMonths(first, i - 2);
      return dateOf(m.getFullYear(), m.getMonth() + 1, day);
    }),
    c,
  );
}

/** A date's weekday, ISO numbering (1 = Monday). */
export const isoWeekday = (date: string) => ((parseISO(date).getDay() + 6) % 7) + 1;

/**
 * A weekday (ISO: 1 = Monday): the one before today ("last"), after it ("next"), or the nearest on the
 * question's side. Never today itself: a person says "today" for that.
 */
export function weekdayDay(weekday: number, which: 'last' | 'next' | Towards, c: Calendar): string {
  const now = parseISO(c.today);
  const todayIso = isoWeekday(c.today);
  const back = which === 'last' || which === 'past';
  const distance = back ? ((todayIso - weekday + 6) % 7) + 1 : ((weekday - todayIso + 6) % 7) + 1;
  return iso(addDays(now, back ? -distance : distance));
}

/** Today moved by a count of units, back (negative) or ahead; half a month is 15 days, half a year 6 months. */
export function moved(today: string, unit: Unit, n: number): string {
  const from = parseISO(today);
  const whole = Math.trunc(n);
  const half = n !== whole;
  if (unit === 'day') return iso(addDays(from, whole));
  if (unit === 'week') return iso(addWeeks(from, whole));
  if (unit === 'month') return iso(addDays(addMonths(from, whole), half ? Math.sign(n) * 15 : 0));
  return iso(addMonths(addYears(from, whole), half ? Math.sign(n) * 6 : 0));
}

export const plusDays = (today: string, n: number) => iso(addDays(parseISO(today), n));

/** A two-digit year: this century's, unless that is after this year. */
export function fullYear(yy: number, today: string): number {
  const year = Number(today.slice(0, 4));
  const century = Math.floor(year / 100) * 100;
  return century + yy > year ? century - 100 + yy : century + yy;
}
