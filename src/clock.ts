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

/** An instant's calendar date (YYYY-MM-DD) in a time zone. */
function dateIn(timeZone: string, epochMs: number): string {
  const parts = calendarDate(timeZone).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

const MINUTE_MS = 60_000;
/** Per time zone, the last minute (UTC) whose date was computed, when that date holds for the whole minute. */
const lastMinute = new Map<string, { minute: number; date: string }>();

/**
 * Today's calendar date (YYYY-MM-DD) in a time zone; Europe/Paris unless told (Mayotte: Indian/Mayotte).
 * Read several times in a turn and by every turn: the date of the current minute is kept per zone. A minute is
 * kept only when its first and last milliseconds have the same date in the zone, which makes it exact: the date
 * cannot change and change back within one minute. (Today's offsets are whole minutes, so a minute never holds a
 * midnight; some of the past did not, Paris's before 1911 among them, and those minutes are computed each time.)
 */
export function todayIn(clock: Clock, timeZone = 'Europe/Paris'): string {
  const now = clock.now().getTime();
  const minute = Math.floor(now / MINUTE_MS);
  const kept = lastMinute.get(timeZone);
  if (kept?.minute === minute) return kept.date;
  const first = dateIn(timeZone, minute * MINUTE_MS);
  if (first === dateIn(timeZone, minute * MINUTE_MS + MINUTE_MS - 1)) {
    lastMinute.set(timeZone, { minute, date: first });
    return first;
  }
  return dateIn(timeZone, now);
}
