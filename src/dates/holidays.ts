import type { Holidays, HolidayRule } from '../content/schemas';
import { plusDays, weekday, type IsoDate } from './calendar';

/** Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

function dateOf(rule: HolidayRule, year: number): IsoDate {
  return 'easterOffset' in rule
    ? plusDays(easterSunday(year), rule.easterOffset)
    : `${year}-${pad(rule.month)}-${pad(rule.day)}`;
}

/** Public holidays of a year: date -> holiday id. `region` adds that region's days (e.g. alsace-moselle, mayotte). */
export function holidaysOf(year: number, holidays: Holidays, region?: string): Map<IsoDate, string> {
  const rules = [...holidays.national.days, ...(region ? (holidays.regions[region]?.days ?? []) : [])];
  return new Map(rules.map((r) => [dateOf(r, year), r.id]));
}

export type DayKind =
  { kind: 'working' } | { kind: 'saturday' } | { kind: 'sunday' } | { kind: 'holiday'; holiday: string };

export function dayKind(date: IsoDate, holidays: Holidays, region?: string): DayKind {
  const holiday = holidaysOf(Number(date.slice(0, 4)), holidays, region).get(date);
  if (holiday) return { kind: 'holiday', holiday };
  const wd = weekday(date);
  if (wd === 6) return { kind: 'saturday' };
  if (wd === 0) return { kind: 'sunday' };
  return { kind: 'working' };
}

/** The last working day on or before `date`. */
export function workingDayOnOrBefore(date: IsoDate, holidays: Holidays, region?: string): IsoDate {
  let d = date;
  while (dayKind(d, holidays, region).kind !== 'working') d = plusDays(d, -1);
  return d;
}
