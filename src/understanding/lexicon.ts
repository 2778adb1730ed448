import type { Lexicon } from '../content/load';
import type { UrgentSituation } from '../content/schemas';
import { urgentSituations } from '../content/schemas';
import { cuesOf, type Cue } from './cues';
import { compileDates, type DateWords } from './dates-lexicon';
import { byIndex, fold, phrases } from './fold';

/** A language's word lists, folded once, in the forms the readers use. */
export interface Words {
  yes: string[][];
  no: string[][];
  dontKnow: string[][];
  none: string[][];
  negations: ReadonlySet<string>;
  numbers: {
    words: ReadonlyMap<string, number>;
    joiners: ReadonlySet<string>;
    currency: string[][];
    perMonth: string[][];
    perYear: string[][];
    months: string[][];
    years: string[][];
    squareMetres: string[][];
    thousands: string[][];
    halves: string[][];
    articles: ReadonlySet<string>;
    plus: string[][];
    times: string[][];
    range: string[][];
    sources: string[][];
    /** how many children born together, and the words for them */
    multiples: [number, string[][]][];
    people: Record<PeopleWords, string[][]>;
  };
  dates: DateWords;
  countries: {
    /** folded name -> code, from this language's aliases and demonyms */
    names: ReadonlyMap<string, string>;
    ambiguous: ReadonlyMap<string, string[]>;
    leadIns: string[][];
  };
  urgent: [UrgentSituation, Cue[]][];
  /** procedure -> its triage cues, and its options' words by node */
  procedures: Record<string, { triage: Cue[]; options: Record<string, Record<string, Cue[]>> }>;
}

const peopleWords = ['self', 'alone', 'adult', 'child', 'persons', 'adults', 'children'] as const;
type PeopleWords = (typeof peopleWords)[number];

const compiled = new WeakMap<Lexicon, Words>();

/** The folded forms of a language's lexicon, built once. */
export function wordsOf(lexicon: Lexicon): Words {
  let w = compiled.get(lexicon);
  if (!w) compiled.set(lexicon, (w = compile(lexicon)));
  return w;
}

const namesOf = (...records: Record<string, string[]>[]) => {
  const names = new Map<string, string>();
  for (const record of records)
    for (const [code, list] of Object.entries(record)) for (const n of list) names.set(fold(n), code);
  return names;
};

function compile(l: Lexicon): Words {
  return {
    yes: phrases(l.answers.yes),
    no: phrases(l.answers.no),
    dontKnow: phrases(l.answers.dontKnow),
    none: phrases(l.answers.none),
    negations: new Set(phrases(l.answers.negations).flat()),
    numbers: compileNumbers(l.numbers),
    dates: compileDates(l.dates),
    countries: {
      names: namesOf(l.countries.aliases, l.countries.demonyms),
      ambiguous: new Map(Object.entries(l.countries.ambiguous).map(([k, v]) => [fold(k), v])),
      leadIns: phrases(l.countries.leadIns).sort((a, b) => b.length - a.length),
    },
    urgent: urgentSituations.map((s) => [s, cuesOf(l.urgent[s])]),
    procedures: Object.fromEntries(
      Object.entries(l.procedures).map(([id, p]) => [
        id,
        {
          triage: cuesOf(p.triage),
          options: Object.fromEntries(
            Object.entries(p.options).map(([node, opts]) => [
              node,
              Object.fromEntries(Object.entries(opts).map(([o, list]) => [o, cuesOf(list)])),
            ]),
          ),
        },
      ]),
    ),
  };
}

/** A language's number words, folded. */
function compileNumbers(n: Lexicon['numbers']): Words['numbers'] {
  return {
    words: new Map(Object.entries(n.words).map(([k, v]) => [fold(k).replace(/ /g, '-'), v])),
    joiners: new Set(phrases(n.joiners).flat()),
    currency: phrases(n.currency),
    perMonth: phrases(n.perMonth),
    perYear: phrases(n.perYear),
    months: phrases(n.months),
    years: phrases(n.years),
    squareMetres: phrases(n.squareMetres),
    thousands: phrases(n.thousands),
    halves: phrases(n.halves),
    articles: new Set(phrases(n.articles).flat()),
    plus: phrases(n.plus),
    times: phrases(n.times),
    range: phrases(n.range),
    sources: phrases(n.sources),
    multiples: byIndex(n.multiples ?? {}),
    people: Object.fromEntries(peopleWords.map((k) => [k, phrases(n.people?.[k])])) as Words['numbers']['people'],
  };
}
