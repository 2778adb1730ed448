/** The one place that reads the time. Tests and fact-checkers inject a fixed clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: string | Date): Clock {
  const date = new Date(at);
  return { now: () => new Date(date) };
}

/**
 * One formatter per time zone that writes an instant's calendar date there. Built once: building an Intl formatter
 * costs far more than using it, and "today" is read several times in every turn.
 */
const calendarDates = new Map<string, Intl.DateTimeFormat>();

function calendarDate(timeZone: string): Intl.DateTimeFormat {
  let f = calendarDates.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    calendarDates.set(timeZone, f);
  }
  return f;
}

/** Today's calendar date (YYYY-MM-DD) in a time zone; Europe/Paris unless told (Mayotte: Indian/Mayotte). */
export function todayIn(clock: Clock, timeZone = 'Europe/Paris'): string {
  const parts = calendarDate(timeZone).formatToParts(clock.now());
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
