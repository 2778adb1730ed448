import type { Holidays } from '../content/schemas';
import { daysBetween, minusDays, plusDays, plusMonths, type IsoDate } from './calendar';
import { dayKind, workingDayOnOrBefore, type DayKind } from './holidays';

export interface Duration {
  value: number;
  unit: 'days' | 'months';
}

/**
 * The last day of a time limit that starts with an act on `from`.
 * The day of the act is not counted, so N days end on the Nth day after it (CPC art. 641 by analogy).
 * `strictlyLess` is for texts that say "within less than" a period: the last day is the day before.
 */
export function lastDayOf(from: IsoDate, duration: Duration, strictlyLess = false): IsoDate {
  const end = duration.unit === 'days' ? plusDays(from, duration.value) : plusMonths(from, duration.value);
  return strictlyLess ? minusDays(end, 1) : end;
}

export interface DeadlineFacts {
  date: IsoDate;
  daysLeft: number;
  passed: boolean;
  /** what kind of day the last day is; a non-working last day is never promised an extension */
  lastDay: DayKind;
  /** the last working day on or before the deadline, when the deadline itself is not a working day */
  actBefore?: IsoDate;
}

export function describeDeadline(date: IsoDate, asOf: IsoDate, holidays: Holidays, region?: string): DeadlineFacts {
  const daysLeft = daysBetween(asOf, date);
  const lastDay = dayKind(date, holidays, region);
  return {
    date,
    daysLeft,
    passed: daysLeft < 0,
    lastDay,
    ...(lastDay.kind === 'working' ? {} : { actBefore: workingDayOnOrBefore(date, holidays, region) }),
  };
}
