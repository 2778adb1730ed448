import type { QuestionInput } from '../../flows/types';
import { tokens } from './fold';
import type { Words } from './lexicon';
import type { Given } from './number-question';
import { listsOf, type Tag } from './number-phrases';
import { gapBetween, scan, type Num, type Scan } from './number-scan';
import { durationsIn, type Duration } from './durations';
import { refuse, sure, unsure, type Reading, type Uncertainty } from './reading';
import { isOneOf } from './yes-no';

const TAGS: Tag[] = ['multiple', 'half', 'years', 'months', 'range', 'persons', 'children', 'child', 'joiner'];

/** A count of children, not an age: a number before children ("2 enfants"), or one before a child ("a boy"). */
const isCount = (n: Num) =>
  !n.unit && (n.next?.tag === 'children' || n.next?.tag === 'persons' || (n.next?.tag === 'child' && n.value === 1));

/**
 * Children's ages, in whole years: "3, 7 et 12", "3 ans 5 ans", "the boy is 7 the girl is 4", "5، 8، 12",
 * "5 و8 و12", or none at all ("aucun"). Worked out and confirmed: an age in months or with a half (its
 * whole years, said back with what was written), a year of birth, twins ("jumeaux de 6 ans": two ages),
 * ages after a count of children ("2 enfants: 4 et 7 ans": the 2 is no age), a list split by dashes or
 * spaces alone ("7-9-12" may be a range). A count that does not match the ages is refused.
 */
export function readAges(
  text: string,
  w: Words,
  input: Extract<QuestionInput, { kind: 'numbers' }>,
  today: string,
): Reading {
  if (isOneOf(tokens(text), w.none)) return sure([]);
  const s = scan(text, w, listsOf(w, TAGS), false);
  const counts = s.numbers.filter((n) => isCount(n));
  const numbers = s.numbers.filter((n) => !counts.includes(n));
  const durations = durationsIn(s, numbers, w, today);
  const range = s.spans.some((span) => span?.tag === 'range') && s.numbers.length > 1;
  if (durations.length === 0 || range) return refuse('invalid-numbers');
  const whole = durations.map((d) =>
    d.unit === 'months' || d.compound || d.half ? Math.floor(d.months / 12) : d.readings[0]!,
  );
  if (whole.some((a) => !Number.isInteger(a))) return refuse('not-integer');
  const ages = twins(s, durations, whole);
  const min = input.min ?? 0;
  const max = input.max ?? Infinity;
  if (ages.some((a) => a < min || a > max) || (input.maxItems !== undefined && ages.length > input.maxItems))
    return refuse('number-out-of-range', { min, max: input.max ?? '-' });
  const children = counts.filter((n) => n.next?.tag === 'children');
  if (children.length > 1 || (children.length === 1 && children[0]!.value !== ages.length) || wordBeside(s, numbers))
    return refuse('invalid-numbers');
  const why = doubt(s, numbers, durations, ages.length > whole.length || counts.length > 0);
  if (!why) return sure(ages);
  const converted = durations.filter((d) => givenOf(d));
  return unsure(ages, why, converted.length === 1 ? givenOf(converted[0]!) : undefined);
}

/** The ages with twins and triplets made two or three: the age after their word (or the last before it). */
function twins(s: Scan, durations: readonly Duration[], ages: number[]): number[] {
  const times = ages.map(() => 1);
  for (const span of new Set(s.spans)) {
    if (span?.tag !== 'multiple' || !span.n) continue;
    const after = durations.findIndex((d) => d.start >= span.end);
    times[after >= 0 ? after : times.length - 1] = span.n;
  }
  return ages.flatMap((a, k) => Array<number>(times[k]!).fill(a));
}

/** A number in words right against another ("one 7 one 4"): a count or an age, who knows. */
const wordBeside = (s: Scan, numbers: readonly Num[]) =>
  numbers.slice(1).some((b, k) => {
    const a = numbers[k]!;
    const gap = gapBetween(s, a, b);
    const words = s.pieces[a.start]?.kind === 'word' || s.pieces[b.start]?.kind === 'word';
    return words && !a.unit && gap.signs === '' && gap.tags.size === 0 && gap.others === 0;
  });

/** Why the list is confirmed: a conversion, something worked out, or separators that may mean another thing. */
function doubt(s: Scan, numbers: readonly Num[], durations: Duration[], inferred: boolean): Uncertainty | undefined {
  if (durations.some((d) => givenOf(d))) return 'unit';
  if (inferred || durations.some((d) => d.half)) return 'arithmetic';
  const loose = numbers.slice(1).some((b, k) => {
    const gap = gapBetween(s, numbers[k]!, b);
    const bare = !numbers[k]!.unit && gap.signs === '' && gap.tags.size === 0 && gap.others === 0;
    return /[-–—]/.test(gap.signs) || bare;
  });
  return loose ? 'separator' : undefined;
}

/** What was written for an age converted to whole years: months, years and months, a year of birth. */
function givenOf(d: Duration): Given | undefined {
  if (d.since?.month) return { value: d.since.year * 12 + d.since.month - 1, unit: 'month-year' };
  if (d.since) return { value: d.since.year, unit: 'year' };
  if (d.compound) return { value: d.months, unit: 'years-months' };
  if (d.unit === 'months') return { value: d.months, unit: 'months' };
  if (d.half) return { value: d.months / 12, unit: 'years' };
  return undefined;
}
