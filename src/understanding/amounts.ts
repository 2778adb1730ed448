import type { Words } from './lexicon';
import { cents, settle, type Given, type NumberQuestion } from './number-question';
import { listsOf, type Tag } from './number-phrases';
import { gapBetween, scan, tagNear, type Num, type Scan } from './number-scan';
import { refuse, type Reading, type Uncertainty } from './reading';

/** The phrases an amount is read among: its period first ("a month" is not "a"), then signs of a sum or a range. */
const TAGS: Tag[] = [
  'perFortnight',
  'perQuarter',
  'perMonth',
  'perYear',
  'perWeek',
  'perDay',
  'perHour',
  'currency',
  'otherCurrency',
  'range',
  'source',
  'plus',
  'times',
  'thousands',
  'half',
  'years',
  'months',
  'persons',
  'adults',
  'children',
  'child',
  'joiner',
  'currencyCode',
];
const PEOPLE: ReadonlySet<Tag> = new Set<Tag>(['persons', 'adults', 'children', 'child']);
const MONTHS_IN_A_YEAR = 12;

/** Periods an amount is converted from, how many of them make a year, and the unit said back with what was written. */
const PERIODIC: ReadonlyMap<Tag, { inAYear: number; unit: string }> = new Map([
  ['perWeek', { inAYear: 52, unit: 'eur-week' }],
  ['perFortnight', { inAYear: 26, unit: 'eur-fortnight' }],
  ['perQuarter', { inAYear: 4, unit: 'eur-quarter' }],
]);
/** The periods of the questions themselves. */
const PERIODS: ReadonlySet<Tag> = new Set<Tag>(['perMonth', 'perYear']);

/**
 * Money, a month or a year. One amount is read as written, converted (and confirmed) when its period is
 * not the question's. Several amounts add when the person says so ("600 + 300", "1200 et ma femme 800"),
 * multiply when written so ("700 x 12"): worked out, then confirmed. Any other sentence with several
 * figures ("entre 1200 et 1500") is refused with a request for one figure: never the first one taken. An amount in
 * another currency is refused with a request for euros; one a day or an hour with a request for the question's
 * period; one a week, a fortnight or a quarter is made the question's period and confirmed.
 */
export function readAmount(text: string, w: Words, q: NumberQuestion, elsewhere: readonly Words[] = []): Reading {
  const s = withoutPeriodDigits(scan(text, w, listsOf(w, TAGS)));
  // a period or a currency in another language's words and script ("700 یورو در هفته" in French) is read in it
  if (marked(s) === 0) {
    const other = mostMarked(text, w, elsewhere);
    if (other) return readAmount(text, other, q);
  }
  if (s.numbers.length === 0) return refuse('invalid-number');
  const has = (tag: Tag) => s.spans.some((span) => span?.tag === tag);
  // another currency is never converted: exchange rates are not ours to know, and change daily
  if (has('otherCurrency') || codeBeside(s)) return refuse('amount-in-euros');
  const perPeriod = q.unit === 'eur-year' ? 'amount-per-year' : 'amount-per-month';
  // paid by the day or the hour: work that varies, whose month only the person knows
  if (has('perDay') || has('perHour')) return refuse(perPeriod);
  // a duration ("depuis 2 ans") or people ("2 enfants") beside an amount is not one
  const amounts = s.numbers.filter((n) => !n.unit && !(n.next && PEOPLE.has(n.next.tag)));
  const periodic = [...PERIODIC.keys()].find(has);
  if (periodic) return converted(s, amounts, q, perPeriod, periodic);
  const product = productOf(s, q);
  if (product) return product;
  if (amounts.length === 0) return refuse('invalid-number');
  const period = periodOf(s, q);
  if (amounts.length === 1) {
    const a = amounts[0]!;
    // a half of a euro after a figure ("1500 et demi") is a guess; "الف ونص" is how 1 500 is said
    const doubt = period.given
      ? { why: 'period' as const, given: { value: best(a), unit: period.given } }
      : s.numbers.length > 1 || a.half === 0.5
        ? { why: s.numbers.length > 1 ? ('partial' as const) : ('arithmetic' as const) }
        : undefined;
    return settle(
      a.readings.map((r) => cents(r * period.factor)),
      q,
      doubt,
    );
  }
  if (!adds(s, amounts)) return refuse('one-number');
  const total = amounts.reduce((sum, a) => sum + best(a), 0);
  const given = period.given ? { given: { value: total, unit: period.given } } : {};
  return settle([cents(total * period.factor)], q, { why: 'arithmetic', ...given });
}

/**
 * One amount a week, a fortnight or a quarter, made the question's period (a week: × 52 / 12 a month, × 52 a year; a
 * fortnight: × 26 / 12, × 26; a quarter: ÷ 3, × 4), rounded to the euro and confirmed with the figure written said
 * back. Such a figure beside another (a sum, a product, "par semaine" with "par mois") is refused with a request for
 * the amount of the question's period: the periods would mix.
 */
function converted(s: Scan, amounts: readonly Num[], q: NumberQuestion, perPeriod: string, tag: Tag): Reading {
  const mixed = s.spans.some((span) => span && span.tag !== tag && (PERIODS.has(span.tag) || PERIODIC.has(span.tag)));
  if (amounts.length !== 1 || s.numbers.length !== 1 || mixed) return refuse(perPeriod);
  const a = amounts[0]!;
  const { inAYear, unit } = PERIODIC.get(tag)!;
  const times = q.unit === 'eur-year' ? inAYear : inAYear / MONTHS_IN_A_YEAR;
  return settle([Math.round(best(a) * times)], q, { why: 'period', given: { value: best(a), unit } });
}

/**
 * Without the digits a period's phrase holds ("every 2 weeks", "tous les 15 jours", "كل 3 أشهر"): they are no
 * amount.
 */
function withoutPeriodDigits(s: Scan): Scan {
  const inPeriod = (n: Num) => {
    const span = s.spans[n.start];
    return span !== undefined && PERIODIC.has(span.tag) && n.end <= span.end;
  };
  return s.numbers.some(inPeriod) ? { ...s, numbers: s.numbers.filter((n) => !inPeriod(n)) } : s;
}

/**
 * An ISO 4217 code written right before or after an amount ("1500 CHF", "USD 2000"): another currency. A code
 * anywhere else may be a word ("all", "top", "sos"), and is nothing.
 */
const codeBeside = (s: Scan) =>
  s.spans.some((span, i) => span?.tag === 'currencyCode' && s.numbers.some((n) => n.end === i || n.start === i + 1));

/** The tags that change what an amount is: its period, or a currency that is not the euro. */
const UNITS: ReadonlySet<Tag> = new Set<Tag>([
  'perMonth',
  'perYear',
  'perWeek',
  'perFortnight',
  'perQuarter',
  'perDay',
  'perHour',
  'otherCurrency',
]);

/** How many pieces of a scan a period or another currency covers. */
const marked = (s: Scan) => s.spans.filter((span) => span && UNITS.has(span.tag)).length;

/**
 * Of other languages' words, those whose periods and currencies cover most of the text, when any does; each word so
 * marked must be foreign to the session's language: none of its letters is one of its number words' (another
 * script: "هفته" in a French session). A word of the session's script is the session's, misspelt maybe: "pa" in
 * French (pas) is no English "per annum", "real" in English no Brazilian currency.
 */
function mostMarked(text: string, w: Words, elsewhere: readonly Words[]): Words | undefined {
  const letters = new Set([...w.numbers.words.keys()].join(''));
  const foreign = (word: string) => ![...word].some((ch) => letters.has(ch));
  let best: { w: Words; n: number } | undefined;
  for (const other of elsewhere) {
    const s = scan(text, other, listsOf(other, TAGS));
    const n = s.spans.filter((span, i) => span && UNITS.has(span.tag) && foreign(s.words[i]!)).length;
    if (n > 0 && n === marked(s) && n > (best?.n ?? 0)) best = { w: other, n };
  }
  return best?.w;
}

/** Of two readings of an amount ("1.500"), the thousands: money is rarely a euro and a half. */
const best = (n: Num) => Math.max(...n.readings);

/** How the period written converts into the question's: 800 a month is 9 600 a year. */
function periodOf(s: Scan, q: NumberQuestion): { factor: number; given?: string } {
  const perMonth = s.spans.some((span) => span?.tag === 'perMonth');
  const perYear = s.spans.some((span) => span?.tag === 'perYear');
  if (q.unit === 'eur-year' && perMonth && !perYear) return { factor: MONTHS_IN_A_YEAR, given: 'eur-month' };
  if (q.unit === 'eur-month' && perYear && !perMonth) return { factor: 1 / MONTHS_IN_A_YEAR, given: 'eur-year' };
  return { factor: 1 };
}

/**
 * Two figures multiplied ("700 x 12", "650 par mois × 12"). Times twelve is a month's amount made a year's:
 * the question's period is taken from it. Otherwise the product, in the period written.
 */
function productOf(s: Scan, q: NumberQuestion): Reading | undefined {
  if (s.numbers.length !== 2) return undefined;
  const [a, b] = s.numbers as [Num, Num];
  const gap = gapBetween(s, a, b);
  if (!gap.tags.has('times') && !/[×*]/.test(gap.signs)) return undefined;
  const twelve = [a, b].find((n) => n.value === MONTHS_IN_A_YEAR && n.unit !== 'years');
  const month = twelve && [a, b].find((n) => n !== twelve && !n.unit);
  if (month) {
    const m = best(month);
    const yearly = q.unit === 'eur-year';
    const given: Given = yearly ? { value: m, unit: 'eur-month' } : { value: m * MONTHS_IN_A_YEAR, unit: 'eur-year' };
    return settle([cents(yearly ? m * MONTHS_IN_A_YEAR : m)], q, { why: 'period', given });
  }
  if (a.unit || b.unit) return refuse('one-number');
  const period = periodOf(s, q);
  const why: Uncertainty = 'arithmetic';
  return settle([cents(best(a) * best(b) * period.factor)], q, { why });
}

/**
 * Whether figures side by side add: a plus between them, or where each one comes from beside it ("et ma
 * femme 800", "300 d'APL"), and nothing of a range ("entre", "ou", "1200-1500").
 */
function adds(s: Scan, amounts: readonly Num[]): boolean {
  if (s.spans.some((span) => span?.tag === 'range')) return false;
  return amounts.slice(1).every((b, k) => {
    const gap = gapBetween(s, amounts[k]!, b);
    if (/[-–—/]/.test(gap.signs)) return false;
    if (gap.signs.includes('+') || gap.tags.has('plus')) return true;
    return gap.tags.has('source') || tagNear(s, b.end, 'source', 3);
  });
}
