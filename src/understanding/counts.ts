import { findPhrase, tokens } from './fold';
import type { Words } from './lexicon';
import { settle, type NumberQuestion } from './number-question';
import { listsOf, type Span, type Tag } from './number-phrases';
import { gapBetween, scan, type Num, type Scan } from './number-scan';
import { refuse, sure, type Reading } from './reading';
import { isOneOf } from './yes-no';

const TAGS: Tag[] = ['alone', 'adult', 'child', 'self', 'persons', 'adults', 'children', 'years', 'months', 'joiner'];
type Group = 'persons' | 'adults' | 'children';
const GROUPS: ReadonlySet<Tag> = new Set<Tag>(['persons', 'adults', 'children', 'child']);

/** Who a count question counts: everyone in the home and adults with the person answering, or minor children. */
const COUNTED = {
  people: { groups: ['persons', 'adults', 'children'], singles: ['adult', 'child'], own: ['persons'], self: true },
  adults: { groups: ['persons', 'adults'], singles: ['adult'], own: ['persons', 'adults'], self: true },
  minors: { groups: ['children'], singles: ['child'], own: ['children'], self: false },
} as const satisfies Record<string, { groups: Group[]; singles: Tag[]; own: Group[]; self: boolean }>;

/** What a sentence about people says: counted groups, people named one by one, figures given alone. */
interface Counted {
  group: Group;
  n: number;
  /** the number that counts it, and where it stands */
  num: Num;
  at: number;
}

interface People {
  groups: Counted[];
  /** a group without its number ("mes enfants") */
  uncounted: Group[];
  singles: Tag[];
  alone: boolean;
  self: boolean;
  /** figures with no people beside them ("nous serons 5") */
  totals: Num[];
  /** figures that count nothing asked (ages: "2 (5 ans et 8 ans)") */
  others: number;
}

/**
 * People, as a count question asks for them ("how many people, you included", "how many adults, you
 * included", "how many minor children"). People named ("moi, ma femme et 3 enfants", "انا ومرتي و3 دراري")
 * are counted, the person answering once, and confirmed; a figure given beside them is taken when the
 * count agrees, and confirmed when it does not. "Juste moi", "me alone" is one; "pas d'enfant" none.
 */
export function readCount(text: string, w: Words, q: NumberQuestion): Reading {
  const asked = COUNTED[q.unit as keyof typeof COUNTED];
  const s = scan(text, w, listsOf(w, TAGS));
  if ((q.min ?? 0) <= 0 && saysNone(tokens(text), w, s.numbers.length === 0)) return sure(0);
  const p = peopleIn(s, asked.self);
  const groups = p.groups.filter((g) => (asked.groups as readonly Group[]).includes(g.group));
  const singles = p.singles.filter((x) => (asked.singles as readonly Tag[]).includes(x));
  const others =
    p.others > 0 || p.groups.length > groups.length || p.singles.length > singles.length || p.totals.length > 0;
  // "3 enfants" at a question about children, "2 adultes" about adults: the figure of the word asked
  const own = groups.length === 1 && singles.length === 0 && (asked.own as readonly Group[]).includes(groups[0]!.group);
  if (own) return ownGroup(s, p, groups[0]!, q, others);
  if (p.totals.length > 1) return refuse('one-number');
  const anyone = p.groups.length + p.singles.length + p.uncounted.length > 0;
  const named = groups.length > 0 || singles.length > 0 || (asked.self && (p.alone || (p.self && anyone)));
  // the person answering counts once, unless a group already holds them ("2 adultes")
  const self = asked.self && !groups.some((g) => g.group !== 'children') ? 1 : 0;
  const counted = groups.reduce((sum, g) => sum + g.n, 0) + singles.length + self;
  const total = p.totals[0];
  if (total) {
    if (named && total.readings.length === 1 && total.value === counted) return settle(total.readings, q);
    return settle(total.readings, q, named || p.others > 0 ? { why: 'partial' } : undefined);
  }
  if (p.uncounted.some((g) => (asked.groups as readonly Group[]).includes(g)) || !named)
    return refuse('invalid-number');
  // "juste moi", "me alone": one, as said; people named: counted, then confirmed
  if (groups.length === 0 && singles.length === 0) return settle([1], q, others ? { why: 'partial' } : undefined);
  return settle([counted], q, { why: 'arithmetic' });
}

/**
 * The figure of the group asked ("3 children"), confirmed when anything else was said. A figure alone after it
 * ("3 children under 18") counts nothing asked; one before it or joined to it ("2 and a baby") may: refused.
 */
function ownGroup(s: Scan, p: People, group: Counted, q: NumberQuestion, others: boolean): Reading {
  const after = (n: Num) => n.start > group.at && !gapBetween(s, group.num, n).tags.has('joiner');
  if (!p.totals.every(after)) return refuse('one-number');
  return settle([group.n], q, others || p.alone ? { why: 'partial' } : undefined);
}

/** "Pas d'enfant", "ولا واحد": a phrase of none as the whole answer, or of two words at least in one with no figure. */
const saysNone = (t: readonly string[], w: Words, noFigure: boolean) =>
  isOneOf(t, w.none) || (noFigure && w.none.some((p) => p.length >= 2 && findPhrase(t, p) >= 0));

/**
 * The people of a sentence: numbers beside a group word count it; people words alone count one each. Where
 * the person answering is counted, a number of persons ("4 personnes") is the whole.
 */
function peopleIn(s: Scan, withSelf: boolean): People {
  const p: People = { groups: [], uncounted: [], singles: [], alone: false, self: false, totals: [], others: 0 };
  const counted = new Set<Span>();
  for (const n of s.numbers) {
    const beside = groupBeside(s, n);
    if (beside) counted.add(beside);
    if (beside && !(withSelf && beside.tag === 'persons')) {
      const group = beside.tag === 'child' ? 'children' : (beside.tag as Group);
      p.groups.push({ group, n: n.value, num: n, at: n.start });
    } else if (!beside && n.unit) p.others++;
    else p.totals.push(n);
  }
  for (const span of new Set(s.spans)) {
    if (!span || counted.has(span)) continue;
    if (span.tag === 'alone') p.alone = true;
    else if (span.tag === 'self') p.self = true;
    else if (span.tag === 'adult' || span.tag === 'child') p.singles.push(span.tag);
    else if (span.tag === 'persons' || span.tag === 'adults' || span.tag === 'children') p.uncounted.push(span.tag);
  }
  return p;
}

/**
 * The group word a number counts: right after it ("3 enfants"), one word later ("2 grands enfants"), or right
 * before it ("ولادنا الثلاثة", "بنت وحدة").
 */
function groupBeside(s: Scan, n: Num): Span | undefined {
  if (n.next && GROUPS.has(n.next.tag)) return n.next;
  // one word between ("2 grands enfants", "2 big sons")
  const later = s.pieces[n.end]?.kind === 'word' && !s.spans[n.end] ? s.spans[n.end + 1] : undefined;
  if (later && GROUPS.has(later.tag) && later.start === n.end + 1) return later;
  return n.prev && GROUPS.has(n.prev.tag) && n.prev.end === n.start ? n.prev : undefined;
}
