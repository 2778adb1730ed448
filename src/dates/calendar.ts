import {
  addDays,
  addMonths,
  differenceInCalendarDays,
  differenceInMonths,
  format,
  isValid,
  parseISO,
  subDays,
} from 'date-fns';

/** Calendar dates travel as YYYY-MM-DD strings; these helpers do the arithmetic with date-fns. */
export type IsoDate = string;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(s: string): boolean {
  return ISO.test(s) && isValid(parseISO(s)) && format(parseISO(s), 'yyyy-MM-dd') === s;
}

/**
 * Local midnight of a calendar date, as date-fns's parseISO gives it. Written out for the dates as they travel (the
 * rules do this arithmetic many times per decision): the fields set directly, the date checked to be a real one;
 * anything else goes to parseISO.
 */
export function toDate(iso: IsoDate): Date {
  if (ISO.test(iso)) {
    const y = Number(iso.slice(0, 4));
    const m = Number(iso.slice(5, 7)) - 1;
    const d = Number(iso.slice(8, 10));
    const date = new Date(0);
    date.setFullYear(y, m, d);
    date.setHours(0, 0, 0, 0);
    if (date.getFullYear() === y && date.getMonth() === m && date.getDate() === d) return date;
  }
  return parseISO(iso);
}

const two = (n: number) => String(n).padStart(2, '0');

/** A date's calendar date where the server runs, as format(d, 'yyyy-MM-dd') writes it (years 0 to 9999). */
export function toIso(d: Date): IsoDate {
  const y = d.getFullYear();
  if (!(y >= 0 && y <= 9999)) return format(d, 'yyyy-MM-dd');
  return `${String(y).padStart(4, '0')}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

export const plusDays = (iso: IsoDate, n: number): IsoDate => toIso(addDays(toDate(iso), n));
export const minusDays = (iso: IsoDate, n: number): IsoDate => toIso(subDays(toDate(iso), n));
export const plusMonths = (iso: IsoDate, n: number): IsoDate => toIso(addMonths(toDate(iso), n));
export const daysBetween = (from: IsoDate, to: IsoDate): number => differenceInCalendarDays(toDate(to), toDate(from));
/** Whole months from one date to another (negative when `to` is before `from`). */
export const monthsBetween = (from: IsoDate, to: IsoDate): number => differenceInMonths(toDate(to), toDate(from));

/** 0 = Sunday ... 6 = Saturday */
export const weekday = (iso: IsoDate): number => toDate(iso).getDay();
