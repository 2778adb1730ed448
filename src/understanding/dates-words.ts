import { dateOf, isoWeekday, monthlessDay, weekdayDay, yearlessDay, type Calendar } from './dates-calendar';
import type { Count } from './dates-relative';
import { phraseBefore } from './dates-relative';
import { occurrences } from './clauses';
import { findPhrase, hasPhrase } from './fold';
import type { Words } from './lexicon';
import { refuse, sure, unsure, type Reading } from './reading';
import { isOneOf } from './yes-no';

/** A day of the month written in the text: where it stands, its value, and how it was written. */
interface DayWord {
  at: number;
  end: number;
  day: number;
  ordinal: boolean;
  /** in number words ("douze", "twenty one"): taken only right next to a month, "a" and "un" being words too */
  words?: boolean;
}

/**
 * The days of the month a text may give: "12", "1er", "10th", "5'i" (a suffix written apart), "premier", "الخامس",
 * "douze", "twenty one".
 */
function dayWords(t: readonly string[], w: Words, count: Count): DayWord[] {
  const d = w.dates;
  const found: DayWord[] = [];
  for (let i = 0; i < t.length; i++) {
    const ordinal = d.ordinals.find(([p]) => findPhrase(t, p, i) === i);
    if (ordinal) {
      found.push({ at: i, end: i + ordinal[0].length, day: ordinal[1], ordinal: true });
      continue;
    }
    const digits = t[i]!.match(/^(\d{1,2})(\D*)$/);
    if (digits && (digits[2] === '' || d.ordinalSuffixes.includes(digits[2]!))) {
      // a suffix written apart, after an apostrophe ("ayın 5'i", "15'inde": folded to "5 i", "15 inde")
      const apart = digits[2] === '' && d.ordinalSuffixes.includes(t[i + 1] ?? '') ? 1 : 0;
      found.push({ at: i, end: i + 1 + apart, day: Number(digits[1]), ordinal: digits[2] !== '' || apart > 0 });
      i += apart;
      continue;
    }
    let end = i;
    const numeric = (k: number) => w.numbers.words.has(t[k] ?? '');
    while (numeric(end) || (end > i && w.numbers.joiners.has(t[end]!) && numeric(end + 1))) end++;
    const n = end > i ? count(t.slice(i, end)) : undefined;
    if (n !== undefined) found.push({ at: i, end, day: n, ordinal: false, words: true });
    if (end > i) i = end - 1;
  }
  return found.filter((x) => x.day >= 1 && x.day <= 31);
}

const yearIn = (t: readonly string[]) => t.map(Number).find((n) => Number.isInteger(n) && n >= 1900 && n <= 2200);

/** A date with a month's name: "3 mars 2026", "le premier novembre", "the 20th of October", "الخامس من نوفمبر". */
export function wordDate(t: readonly string[], w: Words, c: Calendar, count: Count): Reading | undefined {
  const days = dayWords(t, w, count);
  let best: { month: number; day: number; distance: number } | undefined;
  for (const [month, names] of w.dates.months)
    for (const name of names)
      for (let at = findPhrase(t, name); at >= 0; at = findPhrase(t, name, at + 1))
        for (const x of days) {
          const distance = x.end <= at ? at - x.end : x.at - (at + name.length);
          const between = x.end <= at ? t.slice(x.end, at) : t.slice(at + name.length, x.at);
          // a day in words stands right by its month, or with only the words that join them ("quince de octubre")
          const close = x.words ? distance === 0 || isOneOf(between, w.dates.monthNumberLeadIns) : distance <= 2;
          if (distance >= 0 && close && (!best || distance < best.distance)) best = { month, day: x.day, distance };
        }
  if (!best) return undefined;
  const year = yearIn(t);
  if (year !== undefined) {
    const date = dateOf(year, best.month, best.day);
    return date ? sure(date) : refuse('invalid-date');
  }
  const named = yearNamed(t, w, c);
  if (named !== undefined) {
    const date = dateOf(named, best.month, best.day);
    return date ? unsure(date, 'relative-date') : refuse('invalid-date');
  }
  const date = yearlessDay(best.month, best.day, c);
  return date ? unsure(date, 'yearless-date') : refuse('invalid-date');
}

/**
 * The year a "last" or "next" word names beside a year's word ("12 листопада минулого року", "12 november last
 * year"): the year before or after today's. A yearless day is otherwise placed on the question's side of today.
 */
function yearNamed(t: readonly string[], w: Words, c: Calendar): number | undefined {
  const thisYear = Number(c.today.slice(0, 4));
  for (const unit of w.dates.units.year)
    for (let at = findPhrase(t, unit); at >= 0; at = findPhrase(t, unit, at + 1)) {
      if (phraseBefore(t, w.dates.last, at) > 0) return thisYear - 1;
      if (phraseBefore(t, w.dates.next, at) > 0) return thisYear + 1;
    }
  return undefined;
}

/**
 * A day of the month alone, at the end of what was written: "le 12", "le 1er", "the 10", "10th", "on the
 * 5th", "يوم 5". It needs a word before it or an ordinal form: a bare "12" may be anything.
 */
export function dayAlone(t: readonly string[], w: Words, c: Calendar, count: Count): Reading | undefined {
  if (t.filter((x) => /\d/.test(x)).length > 1) return undefined;
  // "د تېرې میاشتې ۵مه" (the 5th of last month): a week, month or year named names another month than the nearest
  const d = w.dates;
  const periods = (['week', 'month', 'year'] as const).flatMap((u) => [...d.units[u], ...d.single[u], ...d.dual[u]]);
  if (periods.some((p) => hasPhrase(t, p))) return undefined;
  const last = dayWords(t, w, count).find((x) => x.end === t.length);
  if (!last) return undefined;
  // "lundi 16": a weekday before the day leads it, and must be that day's
  const named = w.dates.weekdays.find(([, names]) => phraseBefore(t, names, last.at) > 0)?.[0];
  const led = named !== undefined || phraseBefore(t, w.dates.dayLeadIns, last.at) > 0;
  if (!led && !(last.ordinal && /\d/.test(t[last.at]!))) return undefined;
  const date = monthlessDay(last.day, c);
  if (!date || (named !== undefined && isoWeekday(date) !== named)) return refuse('invalid-date');
  return unsure(date, 'yearless-date');
}

/**
 * The weekdays a text names. A name inside a longer one of another day is not that day: Persian "سه‌شنبه" (Tuesday)
 * folds to "سه شنبه", which holds "شنبه" (Saturday).
 */
function weekdaysIn(t: readonly string[], weekdays: Words['dates']['weekdays']): Words['dates']['weekdays'] {
  const spans = weekdays.map(([, names]) =>
    names.flatMap((n) => occurrences(t, n).map((at) => ({ start: at, end: at + n.length }))),
  );
  const inside = (a: { start: number; end: number }, b: { start: number; end: number }) =>
    b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start;
  return weekdays.filter((_, i) =>
    spans[i]!.some((a) => !spans.some((other, j) => j !== i && other.some((b) => inside(a, b)))),
  );
}

/** Weekdays: "lundi dernier", "next Monday", "الخميس الجاي", alone ("thursday"): the nearest on the question's side. */
export function weekday(t: readonly string[], w: Words, c: Calendar): Reading | undefined {
  const d = w.dates;
  // a number or a month beside it: "lundi 16" is read as a day, "a monday in march" names no day
  if (t.some((x) => /\d/.test(x)) || d.months.some(([, names]) => names.some((n) => hasPhrase(t, n)))) return undefined;
  const found = weekdaysIn(t, d.weekdays);
  if (found.length !== 1) return undefined; // none, or "lundi ou mardi"
  const which = d.last.some((p) => hasPhrase(t, p)) ? 'last' : d.next.some((p) => hasPhrase(t, p)) ? 'next' : c.towards;
  return unsure(weekdayDay(found[0]![0], which, c), 'relative-date');
}
