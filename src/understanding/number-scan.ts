import type { Words } from './lexicon';
import { markAll, type Lists, type Span, type Tag } from './number-phrases';
import { combine, halfOf, valueOf, type Sum } from './number-words';
import { piecesOf, type Piece } from './numerals';

export type DurationUnit = 'years' | 'months';

/** A number found in the text, where it stands, and what stands around it. */
export interface Num {
  value: number;
  /** two when a lone separator may mark thousands or decimals ("1.500") */
  readings: number[];
  start: number;
  /** after the number and its unit (excluded) */
  end: number;
  unit?: DurationUnit | 'm2';
  /** what a half added ("2 ans et demi": 0.5, "الف ونص": 500, "half a year": the half itself) */
  half?: number;
  /** the phrase right after the number (before its unit is taken), and right before it */
  next?: Span;
  prev?: Span;
}

export interface Scan {
  pieces: Piece[];
  /** each piece as a word: the folded word, the digits, or the sign */
  words: string[];
  /** the phrase each piece belongs to */
  spans: (Span | undefined)[];
  numbers: Num[];
}

/**
 * The numbers of a text, with the phrases around them. `lists`: the lexicon's phrases the question cares
 * about, in priority order (a money question reads "a month" as a period before "a" can be a number).
 */
export function scan(text: string, w: Words, lists: Lists, commas = true): Scan {
  const n = w.numbers;
  const split = new Set([...n.joiners, ...[...n.times, ...n.plus, ...n.range].filter((p) => p.length === 1).flat()]);
  const pieces = piecesOf(text, split, commas);
  const words = pieces.map((p) => (p.kind === 'word' ? p.word : p.kind === 'digits' ? p.text : p.sign));
  const spans = markAll(words, lists);
  // the sign ½ (and "1/2", written so by piecesOf) is a half in every language
  words.forEach((word, i) => {
    if (word === '½' && !spans[i]) spans[i] = { tag: 'half', start: i, end: i + 1 };
  });
  const s: Scan = { pieces, words, spans, numbers: [] };
  for (let i = 0; i < pieces.length;) {
    const found = numberAt(s, i, w);
    if (found) s.numbers.push(found);
    i = found ? found.end : i + 1;
  }
  shareYears(s);
  return s;
}

/** A number starting at piece i: digits, number words, or a unit standing for one ("سنة ونص"). */
function numberAt(s: Scan, i: number, w: Words): Num | undefined {
  const p = s.pieces[i]!;
  const span = s.spans[i];
  if (p.kind === 'digits') return p.readings.length ? finish(s, digitsRun(s, i, w, p.readings)) : undefined;
  if (p.kind !== 'word') return undefined;
  // a word that is a number and what it counts ("سنتين": two years, "شخصين": two people)
  const dual = span && span.end - span.start === 1 && COUNTED.has(span.tag) ? valueOf(w, [p.word]) : undefined;
  if (dual !== undefined) return finish(s, { value: dual, readings: [dual], start: i, end: i });
  if (span?.tag === 'half' && span.start === i) {
    const unit = halfOfUnit(s, span);
    return unit === undefined
      ? undefined
      : finish(s, { value: 0.5, readings: [0.5], start: i, end: unit, halved: true });
  }
  if (span)
    return span.start === i && (span.tag === 'years' || span.tag === 'months') ? bareUnit(s, span, w) : undefined;
  const run = wordsRun(s, i, w);
  return run && finish(s, run);
}

type Core = Pick<Num, 'value' | 'readings' | 'start' | 'end'> & { sum?: Sum; halved?: boolean };

/** Digits, then a thousands suffix or a multiplier word ("15k", "2 mille", "2 mille 500"). */
function digitsRun(s: Scan, i: number, w: Words, readings: number[]): Core {
  const next = s.spans[i + 1];
  if (next?.tag === 'thousands')
    return { value: readings[0]! * 1000, readings: readings.map((r) => r * 1000), start: i, end: next.end };
  const after = s.spans[i + 1] ? undefined : wordAt(s, i + 1, w);
  if (after && after.value >= 100 && readings[0]! < after.value) {
    const sum = combine({ total: 0, group: readings[0]!, last: readings[0]! }, after.value)!;
    const rest = continueRun(s, i + 1 + after.used, w, sum);
    const factor = (rest.sum.total + rest.sum.group) / readings[0]!;
    return {
      value: rest.sum.total + rest.sum.group,
      readings: readings.map((r) => r * factor),
      start: i,
      end: rest.end,
    };
  }
  return { value: readings[0]!, readings, start: i, end: i + 1 };
}

/** Number words ("mille deux cents", "خمسة وعشرين"); an article alone is a number only before what it counts. */
function wordsRun(s: Scan, i: number, w: Words): Core | undefined {
  const first = wordAt(s, i, w);
  if (!first) return undefined;
  const run = continueRun(s, i + first.used, w, combine(undefined, first.value)!);
  if (run.end === i + 1 && w.numbers.articles.has(s.words[i]!) && !counts(s, i + 1, w)) return undefined;
  const value = run.sum.total + run.sum.group;
  return { value, readings: [value], start: i, end: run.end, sum: run.sum };
}

/** What an article counts when it stands before it: a unit, people, a half ("un an", "une fille", "a half"). */
const COUNTED: ReadonlySet<Tag> = new Set<Tag>([
  'years',
  'months',
  'm2',
  'half',
  'thousands',
  'multiple',
  'self',
  'alone',
  'adult',
  'child',
  'persons',
  'adults',
  'children',
]);

/**
 * Whether an article is the number one: before what it counts, or as the whole answer ("un"); before a half that
 * only follows a number ("bir buçuk yıl"), even with a unit after it.
 */
const counts = (s: Scan, i: number, w: Words): boolean => {
  const span = s.spans[i];
  const written = span && s.words.slice(span.start, span.end).join(' ');
  if (span?.tag === 'half')
    return halfOfUnit(s, span) === undefined || w.numbers.halvesAfterNumber.some((p) => p.join(' ') === written);
  return span ? COUNTED.has(span.tag) : s.words.length === 1;
};

/** Where a half counts a unit ("half a year", "نص سنة", "une demi-année"): the unit's index, or undefined. */
function halfOfUnit(s: Scan, half: Span): number | undefined {
  const article = s.pieces[half.end]?.kind === 'word' && !s.spans[half.end] ? 1 : 0;
  const unit = s.spans[half.end + article];
  return unit && (unit.tag === 'years' || unit.tag === 'months') ? half.end + article : undefined;
}

/** More number words (or digits after a multiplier) that carry on the number, joiners between them included. */
function continueRun(s: Scan, i: number, w: Words, sum: Sum): { sum: Sum; end: number } {
  let end = i;
  for (let j = i; j < s.pieces.length;) {
    const joiner = s.spans[j]?.tag === 'joiner' ? 1 : 0;
    const p = s.pieces[j + joiner];
    const word = s.spans[j + joiner] ? undefined : wordAt(s, j + joiner, w);
    const digits =
      p?.kind === 'digits' &&
      sum.group === 0 &&
      sum.total > 0 &&
      p.readings.length === 1 &&
      Number.isInteger(p.readings[0])
        ? { value: p.readings[0]!, used: 1 }
        : undefined;
    const next = word ?? digits;
    const combined = next && combine(sum, next.value);
    if (!next || !combined) break;
    sum = combined;
    j += joiner + next.used;
    end = j;
  }
  return { sum, end };
}

/**
 * The number word (or compound, "quatre-vingt-dix") at piece i, and how many pieces it takes. A compound may hold a
 * joiner when the lexicon lists it so: Persian "بیست و نه" (29), whose "نه" alone is also "no" and is not listed.
 */
function wordAt(s: Scan, i: number, w: Words): { value: number; used: number } | undefined {
  for (let len = Math.min(4, s.pieces.length - i); len >= 1; len--) {
    const slice = s.pieces.slice(i, i + len);
    const inside = s.spans.slice(i + 1, i + len);
    if (slice.some((p) => p.kind !== 'word') || inside.some((sp) => sp && sp.tag !== 'joiner')) continue;
    const v = valueOf(w, s.words.slice(i, i + len));
    if (v !== undefined) return { value: v, used: len };
  }
  return undefined;
}

/** A unit alone stands for one of it when a half or another part follows ("سنة ونص", "year and a half"). */
function bareUnit(s: Scan, unit: Span, w: Words): Num | undefined {
  const half = halfAt(s, unit.end);
  if (half !== undefined) return finish(s, { value: 1, readings: [1], start: unit.start, end: unit.start });
  const joined = s.spans[unit.end]?.tag === 'joiner' ? unit.end + 1 : undefined;
  const follows = joined !== undefined && (s.pieces[joined]?.kind === 'digits' || wordAt(s, joined, w) !== undefined);
  return follows ? finish(s, { value: 1, readings: [1], start: unit.start, end: unit.start }) : undefined;
}

/** Where a half phrase ends, when one stands at i (a joiner before it allowed), or undefined. */
function halfAt(s: Scan, i: number): number | undefined {
  const at = s.spans[i]?.tag === 'joiner' ? i + 1 : i;
  const span = s.spans[at];
  return span?.tag === 'half' && span.start === at ? span.end : undefined;
}

/** A unit phrase's unit. */
const unitOf = (span: Span | undefined) =>
  span && (span.tag === 'years' || span.tag === 'months' || span.tag === 'm2') ? span.tag : undefined;

/**
 * The number with its unit (after it, or before a number in words: "سنة واحدة") and a half after either
 * ("2 ans et demi", "2 and a half years", "الف ونص").
 */
function finish(s: Scan, core: Core): Num {
  let { value, readings, end } = core;
  let half = core.halved ? 0.5 : 0;
  const halfEnd = halfAt(s, end);
  if (halfEnd !== undefined) {
    const add = halfOf(core.sum);
    [value, readings, end, half] = [value + add, readings.map((r) => r + add), halfEnd, add];
  }
  const next = s.spans[end];
  const prev = s.spans[core.start - 1];
  const unit =
    unitOf(next) ?? (s.pieces[core.start]?.kind === 'word' && prev?.end === core.start ? unitOf(prev) : undefined);
  if (unit && unitOf(next)) {
    end = next!.end;
    const after = half ? undefined : halfAt(s, end);
    if (after !== undefined) [value, readings, end, half] = [value + 0.5, readings.map((r) => r + 0.5), after, 0.5];
  }
  return {
    value,
    readings,
    start: core.start,
    end: Math.max(end, core.start + 1),
    ...(unit ? { unit } : {}),
    ...(half ? { half } : {}),
    ...(next ? { next } : {}),
    ...(prev ? { prev } : {}),
  };
}

/** What stands between two numbers: the phrases' tags, the signs, and how many words belong to no phrase. */
export interface Gap {
  tags: ReadonlySet<Tag>;
  signs: string;
  others: number;
}

export function gapBetween(s: Scan, a: Num, b: Num): Gap {
  const tags = new Set<Tag>();
  let signs = '';
  let others = 0;
  for (let i = a.end; i < b.start; i++) {
    const span = s.spans[i];
    const p = s.pieces[i]!;
    if (span) tags.add(span.tag);
    else if (p.kind === 'sign') signs += p.sign;
    else others++;
  }
  return { tags, signs, others };
}

/** Whether a phrase of this tag begins within `reach` pieces after i. */
export const tagNear = (s: Scan, i: number, tag: Tag, reach: number): boolean =>
  s.spans.slice(i, i + reach).some((span) => span?.tag === tag);

/** "4 et 7 ans", "4 and 6 years": the years written after the last figure are those of the ones joined before it. */
function shareYears(s: Scan): void {
  for (let k = s.numbers.length - 2; k >= 0; k--) {
    const [a, b] = [s.numbers[k]!, s.numbers[k + 1]!];
    const gap = gapBetween(s, a, b);
    const joined = gap.others === 0 && /^[,،]?$/.test(gap.signs) && [...gap.tags].every((t) => t === 'joiner');
    if (!a.unit && b.unit === 'years' && !b.half && joined) a.unit = 'years';
  }
}
