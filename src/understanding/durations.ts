import { findPhrase } from './fold';
import type { Words } from './lexicon';
import { cents, settle, type Given, type NumberQuestion } from './number-question';
import { listsOf, type Tag } from './number-phrases';
import { gapBetween, scan, type DurationUnit, type Num, type Scan } from './number-scan';
import { refuse, type Reading } from './reading';

const TAGS: Tag[] = ['half', 'years', 'months', 'range', 'persons', 'adults', 'children', 'child', 'joiner'];
const PEOPLE: ReadonlySet<Tag> = new Set<Tag>(['persons', 'adults', 'children', 'child']);

/** A duration as written: in months, and what to say back when it is not a plain figure in the question's unit. */
export interface Duration {
  months: number;
  /** the unit written, when one figure in one unit was */
  unit?: DurationUnit;
  /** written as years and months ("3 ans et 8 mois") */
  compound: boolean;
  half: boolean;
  /** the calendar year written instead ("depuis 2019", "né en 1955"), with its month when given ("mars 2019") */
  since?: { year: number; month?: number };
  readings: number[];
  /** where it begins in the text (a piece's index) */
  start: number;
}

/**
 * A duration or an age, in years or months. A figure in the other unit ("18 mois" at a question in years),
 * years and months together ("3 years and 8 months"), a half ("un an et demi", "سنة ونص"), a calendar year
 * ("depuis 2019", "born in 1958": counted until the reader's today) are converted into the question's unit
 * and confirmed, said back with what was written. A question in whole years (an age) takes the whole years.
 * Several durations that do not make one ("entre 2 et 3 ans") are refused.
 */
export function readDuration(text: string, w: Words, q: NumberQuestion): Reading {
  const s = scan(text, w, listsOf(w, TAGS));
  // people beside a duration ("2 enfants") are not one
  const numbers = s.numbers.filter((n) => !(n.next && PEOPLE.has(n.next.tag)));
  const durations = durationsIn(s, numbers, w, q.today);
  if (durations.length === 0) return refuse('invalid-number');
  const range = s.spans.some((span) => span?.tag === 'range') && s.numbers.length > 1;
  if (durations.length > 1 || range) return refuse('one-number');
  const d = durations[0]!;
  const unit = q.unit === 'months' ? 'months' : 'years';
  const written = d.unit ?? unit;
  // a figure in the question's unit as written ("31,625 ans"); a converted one kept to the cent
  const inUnit = (r: number) => (written === unit ? r : cents(unit === 'months' ? r * 12 : r / 12));
  const given = givenOf(d, unit);
  // an age in whole years: the whole years of what was converted ("18 mois": 1)
  const whole = (n: number) => (q.integer && (given || d.half) ? Math.floor(n) : n);
  const readings = d.readings.map((r) => whole(inUnit(r)));
  if (given) return settle(readings, q, { why: 'unit', given });
  if (d.half) return settle(readings, q, { why: 'arithmetic' });
  return settle(readings, q, numbers.length < s.numbers.length ? { why: 'partial' } : undefined);
}

/** What was written, when it is not the value said: a year, years and months, another unit. */
function givenOf(d: Duration, unit: DurationUnit): Given | undefined {
  if (d.since?.month) return { value: d.since.year * 12 + d.since.month - 1, unit: 'month-year' };
  if (d.since) return { value: d.since.year, unit: 'year' };
  if (d.compound) return { value: d.months, unit: 'years-months' };
  if (d.unit && d.unit !== unit) return { value: d.unit === 'years' ? d.months / 12 : d.months, unit: d.unit };
  return undefined;
}

/**
 * The durations in a text: each figure with its unit, years and months under a year written together made
 * one ("2 ans 4 mois", "سنتين و 3 شهور"), a calendar year counted until today. `today`: YYYY-MM-DD.
 */
export function durationsIn(s: Scan, numbers: readonly Num[], w: Words, today: string | undefined): Duration[] {
  const out: Duration[] = [];
  for (let k = 0; k < numbers.length; k++) {
    const n = numbers[k]!;
    const next = numbers[k + 1];
    const since = sinceOf(s, n, w, today);
    const start = n.start;
    if (since) {
      out.push({ ...since, compound: false, half: false, start });
    } else if (n.unit === 'years' && next?.unit === 'months' && next.value < 12 && together(s, n, next)) {
      const months = n.value * 12 + next.value;
      out.push({ months, unit: 'months', compound: true, half: !!(n.half || next.half), readings: [months], start });
      k++;
    } else if (n.unit !== 'm2') {
      const months = n.value * (n.unit === 'years' ? 12 : 1);
      const unit = n.unit ? { unit: n.unit } : {};
      out.push({ months, ...unit, compound: false, half: !!n.half, readings: n.readings, start });
    }
  }
  return out;
}

/** Years and months written one after the other, with at most "and" or a comma between. */
const together = (s: Scan, a: Num, b: Num) => {
  const gap = gapBetween(s, a, b);
  return gap.others === 0 && /^[,،]?$/.test(gap.signs) && [...gap.tags].every((t) => t === 'joiner');
};

/**
 * A calendar year written alone or with a year's word (four digits, not after today), with the month's name before it
 * if any: the duration until today, in whole years ("depuis 2019", "з 2019 року", "с 2019 года": 7 years) or in
 * months with the month ("mars 2019": 92).
 */
function sinceOf(
  s: Scan,
  n: Num,
  w: Words,
  today: string | undefined,
): Omit<Duration, 'compound' | 'half' | 'start'> | undefined {
  const p = s.pieces[n.start];
  // a year unit beside it names the calendar year ("з 2005 року", "since 2005 year"): no one counts 1900 years
  if (!today || (n.unit && n.unit !== 'years') || p?.kind !== 'digits' || !/^\d{4}$/.test(p.text) || n.value < 1900)
    return undefined;
  const [year, thisYear, thisMonth] = [n.value, Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const month = w.dates.months.find(([, names]) =>
    names.some(
      (name) => name.length <= n.start && findPhrase(s.words, name, n.start - name.length) === n.start - name.length,
    ),
  )?.[0];
  if (month === undefined)
    return year > thisYear
      ? undefined
      : { months: (thisYear - year) * 12, unit: 'years', since: { year }, readings: [thisYear - year] };
  const months = (thisYear - year) * 12 + thisMonth - month;
  return months < 0 ? undefined : { months, unit: 'months', since: { year, month }, readings: [months] };
}
