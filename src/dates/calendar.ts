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

const toDate = (iso: IsoDate): Date => parseISO(iso);
const toIso = (d: Date): IsoDate => format(d, 'yyyy-MM-dd');

export const plusDays = (iso: IsoDate, n: number): IsoDate => toIso(addDays(toDate(iso), n));
export const minusDays = (iso: IsoDate, n: number): IsoDate => toIso(subDays(toDate(iso), n));
export const plusMonths = (iso: IsoDate, n: number): IsoDate => toIso(addMonths(toDate(iso), n));
export const daysBetween = (from: IsoDate, to: IsoDate): number => differenceInCalendarDays(toDate(to), toDate(from));
/** Whole months from one date to another (negative when `to` is before `from`). */
export const monthsBetween = (from: IsoDate, to: IsoDate): number => differenceInMonths(toDate(to), toDate(from));

/** 0 = Sunday ... 6 = Saturday */
export const weekday = (iso: IsoDate): number => toDate(iso).getDay();
