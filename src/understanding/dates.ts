import type { QuestionInput } from '../../flows/types';
import { asciiDigits } from '../text';
import type { Calendar, Towards } from './dates-calendar';
import { readWithChrono } from './dates-chrono';
import { monthByNumber, numericDate } from './dates-numeric';
import { dayWordIn, relativeDate, type Count } from './dates-relative';
import { dayAlone, wordDate, weekday } from './dates-words';
import { hasPhrase, tokens } from './fold';
import type { Words } from './lexicon';
import { refuse, unsure, type Reading } from './reading';

/**
 * The side of today a date question asks about, from its flow (`towards`); a question that allows no
 * past day asks about a coming one; all others about the past.
 */
export function towardsOf(input: Extract<QuestionInput, { kind: 'date' }>): Towards {
  return input.towards ?? (input.notBefore === 'today' ? 'future' : 'past');
}

/**
 * Something dated with no day in it: a unit or a "last"/"next" word ("last week", "le mois dernier", "il y
 * a quelques jours"), a month ("march 2026", "early November", "في شهر نوفمبر") or a year alone. Asked
 * again for the day, never given a made-up one (chrono-node would give one: "last week" is its Monday).
 */
function vague(t: readonly string[], w: Words): boolean {
  const d = w.dates;
  const lists = [
    ...Object.values(d.units).flat(),
    ...Object.values(d.dual).flat(),
    ...Object.values(d.single).flat(),
    ...d.last,
    ...d.next,
    ...d.months.flatMap(([, names]) => names),
  ];
  return lists.some((p) => hasPhrase(t, p)) || t.some((x) => /^\d{4}$/.test(x));
}

/**
 * A four-digit year no date asked here can have: a year of another calendar (1405 in the Solar Hijri one that Dari
 * and Persian speakers use, 1448 in the Hijri one). "1405/08/25" or "25/8/1405" is then refused, never read as a
 * Gregorian date of the year 1405; a month name of those calendars is in no lexicon, so "25 عقرب 1405" is refused too.
 */
const otherCalendarYear = (t: readonly string[]): boolean =>
  t.some((x) => /^\d{4}$/.test(x) && (Number(x) < 1900 || Number(x) > 2200));

/**
 * A word of another calendar (the lexicon's `otherCalendars`): a month no Gregorian month shares (Solar Hijri "حمل",
 * "لړم", Hijri "رمضان", Ethiopian "ጳጉሜን", Amharic "የካቲት"), the calendar named ("شمسي", "ብግእዝ") or its era mark:
 * the date's day is no Gregorian day, even beside a Gregorian month's name. Without this, a day written with a
 * lead-in or as an ordinal beside it ("د عقرب په ۱۵", "5 ጳጉሜን") would be read as that day of the current month.
 */
const otherCalendarWord = (t: readonly string[], w: Words): boolean =>
  w.dates.otherCalendars.some((p) => hasPhrase(t, p));

/**
 * A date as people write it, in one interface for every language: digits read day first, month and
 * weekday names, ordinals and relative words from the language's lexicon, then chrono-node for the
 * languages it reads (what the lexicon misses: "the day after tomorrow"). A relative or year-less date
 * is placed on the question's side of today and confirmed; a full date is taken as written; a period with
 * no day is refused with a hint; a date with a word of another calendar (`otherCalendars`) is refused.
 */
export function readDate(text: string, w: Words, c: Calendar, count: Count): Reading {
  const reading = readGregorian(text, w, c, count);
  // where another calendar shares the language's month names and its years are as near (Tigrinya: Tigray's
  // Ethiopian dates), a date taken as written is confirmed: the say-back's year shows a date of the other calendar
  return w.dates.sharedCalendar && reading.kind === 'value' && reading.sure
    ? unsure(reading.value, 'calendar')
    : reading;
}

function readGregorian(text: string, w: Words, c: Calendar, count: Count): Reading {
  const t = tokens(text);
  if (otherCalendarYear(t) || otherCalendarWord(t, w)) return refuse('invalid-date');
  return (
    relativeDate(t, w, c, count) ??
    numericDate(asciiDigits(text), c) ??
    monthByNumber(t, w, c) ??
    wordDate(t, w, c, count) ??
    dayAlone(t, w, c, count) ??
    weekday(t, w, c) ??
    dayWordIn(t, w, c) ??
    (w.dates.chrono && !vague(t, w) ? readWithChrono(text, w.dates.chrono, c) : undefined) ??
    refuse(vague(t, w) ? 'vague-date' : 'invalid-date')
  );
}
