import { findPhrase } from './fold';
import type { Words } from './lexicon';

/** What a phrase of the lexicon found in the text is: a unit, a period, a sign of a sum, people… */
export type Tag =
  | 'years'
  | 'months'
  | 'm2'
  | 'currency'
  | 'otherCurrency'
  | 'currencyCode'
  | 'perMonth'
  | 'perYear'
  | 'perWeek'
  | 'perFortnight'
  | 'perQuarter'
  | 'perDay'
  | 'perHour'
  | 'half'
  | 'joiner'
  | 'plus'
  | 'times'
  | 'range'
  | 'thousands'
  | 'source'
  | 'multiple'
  | 'self'
  | 'alone'
  | 'adult'
  | 'child'
  | 'persons'
  | 'adults'
  | 'children';

/** A phrase found: its tag, the pieces it covers (`end` excluded), and for "jumeaux" how many. */
export interface Span {
  tag: Tag;
  start: number;
  end: number;
  n?: number;
}

/** The phrases a reader looks for, in the order they are taken (the first claims its words). */
export type Lists = [tag: Tag, phrases: string[][], n?: number][];

/** The phrases of each list found in the words, longest first; a word belongs to one phrase only. */
export function markAll(words: readonly string[], lists: Lists): (Span | undefined)[] {
  const spans: (Span | undefined)[] = words.map(() => undefined);
  for (const [tag, list, n] of lists) {
    const sorted = [...list].sort((a, b) => b.length - a.length);
    for (const phrase of sorted)
      for (let at = findPhrase(words, phrase); at >= 0; at = findPhrase(words, phrase, at + 1)) {
        if (spans.slice(at, at + phrase.length).some(Boolean)) continue;
        const span: Span = { tag, start: at, end: at + phrase.length, ...(n ? { n } : {}) };
        spans.fill(span, at, at + phrase.length);
      }
  }
  return spans;
}

/** The lists a tag stands for in the lexicon; "multiple" phrases carry how many. */
export function listsOf(w: Words, tags: readonly Tag[]): Lists {
  const n = w.numbers;
  const byTag: Partial<Record<Tag, string[][]>> = {
    years: n.years,
    months: n.months,
    m2: n.squareMetres,
    currency: n.currency,
    otherCurrency: n.otherCurrencies,
    currencyCode: n.currencyCodes,
    perMonth: n.perMonth,
    perYear: n.perYear,
    perWeek: n.perWeek,
    perFortnight: n.perFortnight,
    perQuarter: n.perQuarter,
    perDay: n.perDay,
    perHour: n.perHour,
    half: n.halves,
    joiner: [...n.joiners].map((j) => [j]),
    plus: n.plus,
    times: n.times,
    range: n.range,
    thousands: n.thousands,
    source: n.sources,
    ...n.people,
  };
  return tags.flatMap((tag): Lists => {
    if (tag === 'multiple') return n.multiples.map(([k, list]) => [tag, list, k]);
    return [[tag, byTag[tag] ?? []]];
  });
}
