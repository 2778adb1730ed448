import { moved, plusDays, type Calendar } from './dates-calendar';
import { UNITS, type Unit } from './dates-lexicon';
import { findPhrase, hasPhrase } from './fold';
import type { Words } from './lexicon';
import { twoCounts } from './number-words';
import { refuse, sure, unsure, type Reading } from './reading';

/** The count in a run of number words or digits ("10", "trois", "twenty one"). */
export type Count = (t: readonly string[]) => number | undefined;

const has = (t: readonly string[], list: readonly string[][]) => list.some((p) => hasPhrase(t, p));
const whole = (t: readonly string[], list: readonly string[][]) =>
  list.some((p) => p.length === t.length && findPhrase(t, p) === 0);

/** The length of a phrase of the list that starts exactly at `at`, or 0. */
export function phraseAt(t: readonly string[], list: readonly string[][], at: number): number {
  return list.find((p) => at >= 0 && findPhrase(t, p, at) === at)?.length ?? 0;
}

/** The length of a phrase of the list that ends exactly before `end`, or 0. */
export function phraseBefore(t: readonly string[], list: readonly string[][], end: number): number {
  return list.find((p) => end - p.length >= 0 && findPhrase(t, p, end - p.length) === end - p.length)?.length ?? 0;
}

/** Whether a word is part of a number: digits, a number word, or a joiner between number words. */
const isNumberWord = (word: string, w: Words) =>
  /^\d+$/.test(word) || w.numbers.words.has(word) || w.numbers.joiners.has(word);

/** Where the run of number words that ends before `end` starts (a joiner never starts it). */
function runStart(t: readonly string[], end: number, w: Words): number {
  let start = end;
  while (start > 0 && isNumberWord(t[start - 1]!, w)) start--;
  while (start < end && w.numbers.joiners.has(t[start]!)) start++;
  return start;
}

const isCount = (word: string | undefined, w: Words) =>
  word !== undefined && (/^\d+$/.test(word) || w.numbers.words.has(word));

/** A unit written with its count: "10 jours", "a year and a half", "يومين" (a dual is two), "أسبوع" (one). */
interface Item {
  unit: Unit;
  /** where its count may start, where the count ends (the unit or "one and a half" after it), where it ends */
  start: number;
  runEnd: number;
  end: number;
  /** the count a word carries (a dual, a singular unit alone), else read from the run */
  fixed?: number;
  half: boolean;
}

/** The units written in a text, each with the run of number words before it. */
function itemsIn(t: readonly string[], w: Words): Item[] {
  const d = w.dates;
  const items = new Map<number, Item>();
  for (const unit of UNITS)
    for (const [list, fixed] of [
      [d.dual[unit], 2],
      [d.units[unit], undefined],
      [d.single[unit], 1],
    ] as const)
      for (const p of list)
        for (let u = findPhrase(t, p); u >= 0; u = findPhrase(t, p, u + 1)) {
          // "يوم 5 نوفمبر", "شهر 11": the unit word names a day or a month, it counts nothing
          if (items.has(u) || /^\d/.test(t[u + p.length] ?? '')) continue;
          const halfAfter = phraseAt(t, d.half, u + p.length);
          const halfBefore = halfAfter ? 0 : phraseBefore(t, d.half, u);
          const runEnd = u - halfBefore;
          const start = runStart(t, runEnd, w);
          if (fixed === undefined && start === runEnd) continue; // "quelques jours": no count
          items.set(u, {
            unit,
            start,
            runEnd,
            end: u + p.length + halfAfter,
            half: halfAfter + halfBefore > 0,
            ...(fixed ? { fixed } : {}),
          });
        }
  return [...items.values()].sort((a, b) => a.start - b.start);
}

/** Units written one after the other, or joined by "et", "and", "و": "3 weeks and 2 days", "un an et 3 mois". */
function chains(items: Item[], t: readonly string[], w: Words): Item[][] {
  const out: Item[][] = [];
  for (const item of items) {
    const last = out.at(-1)?.at(-1);
    const joined = last && t.slice(last.end, item.start).every((x) => w.numbers.joiners.has(x));
    if (joined) out.at(-1)!.push(item);
    else out.push([item]);
  }
  return out;
}

/** The "ago" or "ahead" word right before a chain (an "about" word may stand between) or right after it. */
function anchor(t: readonly string[], chain: Item[], w: Words): { sign: 1 | -1; start: number } | undefined {
  const d = w.dates;
  const [first, last] = [chain[0]!, chain.at(-1)!];
  for (let start = first.start; start <= first.runEnd; start++) {
    const lead = start - phraseBefore(t, d.about, start);
    if (phraseBefore(t, d.agoBefore, lead)) return { sign: -1, start };
    if (phraseBefore(t, d.aheadBefore, lead)) return { sign: 1, start };
  }
  if (phraseAt(t, d.agoAfter, last.end)) return { sign: -1, start: first.start };
  if (phraseAt(t, d.aheadAfter, last.end)) return { sign: 1, start: first.start };
  return undefined;
}

/** Another count offered beside this one: "2 or 3 weeks ago", "قبل أسبوعين أو تلاتة", "2 ya da 3 hafta önce". */
const alternative = (t: readonly string[], from: number, to: number, w: Words) => {
  const or = phraseBefore(t, w.numbers.range, from);
  return (
    (from >= 2 && isCount(t[from - 2], w) && !isNumberWord(t[from - 1]!, w)) ||
    (or > 1 && isCount(t[from - or - 1], w)) ||
    (to + 2 === t.length && isCount(t[to + 1], w) && !isNumberWord(t[to]!, w))
  );
};

/**
 * Counts of units with their "ago" or "ahead" word right next to them: "il y a 10 jours", "10 days ago",
 * "قبل أسبوع", "قبل يومين", "il y a un an et demi", "three weeks and 2 days ago", "dans 2 semaines". An
 * "ago" word elsewhere in the sentence does not count ("قبل العيد يوم 5 نوفمبر"); two counts offered
 * as alternatives ("il y a 2-3 semaines", "10 jours ou 2 semaines") give no one day.
 */
function span(t: readonly string[], w: Words, c: Calendar, count: Count): Reading | undefined {
  const items = itemsIn(t, w);
  for (const chain of chains(items, t, w)) {
    const found = anchor(t, chain, w);
    if (!found) continue;
    const first = { ...chain[0]!, start: found.start };
    const all = [first, ...chain.slice(1)];
    if (first.fixed === undefined && first.start === first.runEnd) continue;
    const counted = items.filter((x) => x.fixed !== 1 && !chain.includes(x));
    if (counted.length > 0 || alternative(t, first.start, chain.at(-1)!.end, w)) return refuse('vague-date');
    let date = c.today;
    for (const item of all) {
      const run = t.slice(item.start, item.runEnd);
      if (run.filter((x) => /^\d+$/.test(x)).length > 1 || twoCounts(run, w)) return refuse('vague-date');
      const n = item.fixed ?? count(run);
      // half a day or half a week is no day one can name
      if (!n || (item.half && (item.unit === 'day' || item.unit === 'week'))) return refuse('vague-date');
      date = moved(date, item.unit, found.sign * (n + (item.half ? 0.5 : 0)));
    }
    return unsure(date, 'relative-date');
  }
  return undefined;
}

/** Today, yesterday, tomorrow, the day before yesterday, units ago or ahead: confirmed with the day computed. */
export function relativeDate(t: readonly string[], w: Words, c: Calendar, count: Count): Reading | undefined {
  const d = w.dates;
  if (has(t, d.dayBeforeYesterday)) return unsure(plusDays(c.today, -2), 'relative-date');
  if (has(t, d.dayAfterTomorrow)) return unsure(plusDays(c.today, 2), 'relative-date');
  const counted = span(t, w, c, count);
  if (counted) return counted;
  if (whole(t, d.today)) return sure(c.today);
  if (whole(t, d.yesterday)) return unsure(plusDays(c.today, -1), 'relative-date');
  if (whole(t, d.tomorrow)) return unsure(plusDays(c.today, 1), 'relative-date');
  return undefined;
}

/**
 * "Today", "yesterday" or "tomorrow" inside a sentence with nothing else dated in it ("I got it
 * yesterday", "جاتني امبارح"): the last resort of the readers, confirmed.
 */
export function dayWordIn(t: readonly string[], w: Words, c: Calendar): Reading | undefined {
  const d = w.dates;
  const dated =
    t.some((x) => /\d/.test(x)) ||
    has(t, [...d.units.week, ...d.units.month, ...d.units.year, ...d.months.flatMap(([, names]) => names)]);
  if (dated) return undefined;
  // the longest phrase found names the day: "esta mañana" (this morning) is today, though "mañana" alone is tomorrow
  const longest = (list: readonly string[][]) =>
    Math.max(0, ...list.filter((p) => hasPhrase(t, p)).map((p) => p.length));
  const [yesterday, tomorrow, today] = [longest(d.yesterday), longest(d.tomorrow), longest(d.today)];
  const most = Math.max(yesterday, tomorrow, today);
  if (most === 0) return undefined;
  if (yesterday === most) return unsure(plusDays(c.today, -1), 'relative-date');
  if (tomorrow === most) return unsure(plusDays(c.today, 1), 'relative-date');
  return unsure(c.today, 'partial');
}
