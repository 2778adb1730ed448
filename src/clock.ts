import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The one place that reads the time. Tests and fact-checkers inject a fixed clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: string | Date): Clock {
  const date = new Date(at);
  return { now: () => new Date(date) };
}

/** Today's calendar date (YYYY-MM-DD) in a time zone; Europe/Paris unless told (Mayotte: Indian/Mayotte). */
export function todayIn(clock: Clock, timeZone = 'Europe/Paris'): string {
  return format(new TZDate(clock.now(), timeZone), 'yyyy-MM-dd');
}
