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
  /** single negation words ("pas", "not", "ما") */
  negations: ReadonlySet<string>;
  /** negations written in several words, matched as phrases: every word of one is not a negation by itself */
  negationPhrases: string[][];
  /** negations that govern the words before them ("istemiyorum", "değil", "yok") */
  negationsAfter: ReadonlySet<string>;
  /** words that begin a new clause ("mais", "but", "بصح") */
  clauseBreaks: string[][];
  /** phrases whose negation word negates nothing ("ما زلت": still) */
  notNegating: string[][];
  numbers: {
    words: ReadonlyMap<string, number>;
    joiners: ReadonlySet<string>;
    currency: string[][];
    otherCurrencies: string[][];
    /** ISO 4217 codes of every currency but the euro ("chf", "usd"), from `Intl`, but the number words */
    currencyCodes: string[][];
    perMonth: string[][];
    perYear: string[][];
    perWeek: string[][];
    perFortnight: string[][];
    perQuarter: string[][];
    perDay: string[][];
    perHour: string[][];
    months: string[][];
    years: string[][];
    squareMetres: string[][];
    thousands: string[][];
    halves: string[][];
    halvesAfterNumber: string[][];
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
    /** folded demonym -> code: a nationality said as such ("algérien", "malian", "جزائري") */
    demonyms: ReadonlyMap<string, string>;
    ambiguous: ReadonlyMap<string, string[]>;
    leadIns: string[][];
  };
  urgent: [UrgentSituation, Cue[]][];
  /** cues that count only beside their context ("afraid" + "go back"), or as a whole message ("I'm scared") */
  urgentInContext: [UrgentSituation, { cues: Cue[]; context: Cue[]; alone: string[][] }][];
  /**
   * procedure -> its triage cues, its options' words by node (at a yes/no question, "true" and "false": echoes of
   * the question), and the option a country named at a node picks
   */
  procedures: Record<
    string,
    {
      triage: Cue[];
      options: Record<string, Record<string, Cue[]>>;
      countryOptions: Record<string, Record<string, string>>;
    }
  >;
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

/** The answers' words; negations of several words ("n't" is folded to "not": "don't" is two) are matched as phrases. */
const answersOf = (a: Lexicon['answers']) => {
  const negations = phrases(a.negations);
  return {
    yes: phrases(a.yes),
    no: phrases(a.no),
    dontKnow: phrases(a.dontKnow),
    none: phrases(a.none),
    negations: new Set(negations.filter((p) => p.length === 1).flat()),
    negationPhrases: negations.filter((p) => p.length > 1),
    negationsAfter: new Set(phrases(a.negationsAfter).flat()),
    clauseBreaks: phrases(a.clauseBreaks),
    notNegating: phrases(a.notNegating),
  };
};

const urgentOf = (u: Lexicon['urgent']): Pick<Words, 'urgent' | 'urgentInContext'> => ({
  urgent: urgentSituations.map((s) => [s, cuesOf(u[s])]),
  urgentInContext: urgentSituations.flatMap((s) =>
    (u.inContext?.[s] ?? []).map((g): Words['urgentInContext'][number] => [
      s,
      { cues: cuesOf(g.cues), context: cuesOf(g.context), alone: phrases(g.alone) },
    ]),
  ),
});

const proceduresOf = (procedures: Lexicon['procedures']): Words['procedures'] =>
  Object.fromEntries(
    Object.entries(procedures).map(([id, p]) => [
      id,
      {
        triage: cuesOf(p.triage),
        options: Object.fromEntries(
          Object.entries(p.options).map(([node, opts]) => [
            node,
            Object.fromEntries(Object.entries(opts).map(([o, list]) => [o, cuesOf(list)])),
          ]),
        ),
        countryOptions: p.countryOptions ?? {},
      },
    ]),
  );

function compile(l: Lexicon): Words {
  return {
    ...answersOf(l.answers),
    numbers: compileNumbers(l.numbers),
    dates: compileDates(l.dates),
    countries: {
      names: namesOf(l.countries.aliases, l.countries.demonyms),
      demonyms: namesOf(l.countries.demonyms),
      ambiguous: new Map(Object.entries(l.countries.ambiguous).map(([k, v]) => [fold(k), v])),
      leadIns: phrases(l.countries.leadIns).sort((a, b) => b.length - a.length),
    },
    ...urgentOf(l.urgent),
    procedures: proceduresOf(l.procedures),
  };
}

/** The single signs of a list ("$", "£"), which folding would erase: each is a piece of the text of its own. */
const signs = (list: readonly string[] | undefined): string[][] =>
  (list ?? []).filter((c) => /^[^\p{L}\p{N}\s]$/u.test(c) && fold(c) === '').map((c) => [c]);

/** The currencies of the standard (ISO 4217, as `Intl` knows them) other than the euro. */
const otherIsoCurrencies = Intl.supportedValuesOf('currency').filter((code) => code !== 'EUR');

/** Their signs as `Intl` writes them ("$", "£", "₺", "₽", "₴"), each a single sign: the euro's is not among them. */
const isoSigns = [
  ...new Set(
    otherIsoCurrencies.map(
      (currency) =>
        new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
          .formatToParts(1)
          .find((part) => part.type === 'currency')?.value ?? '',
    ),
  ),
];

/** A language's number words, folded. */
function compileNumbers(n: Lexicon['numbers']): Words['numbers'] {
  const words = new Map(Object.entries(n.words).map(([k, v]) => [fold(k).replace(/ /g, '-'), v]));
  return {
    words,
    joiners: new Set(phrases(n.joiners).flat()),
    currency: phrases(n.currency),
    otherCurrencies: [
      ...phrases(n.otherCurrencies),
      ...signs([...new Set([...(n.otherCurrencies ?? []), ...isoSigns])]),
    ],
    currencyCodes: otherIsoCurrencies
      .map((code) => fold(code))
      .filter((code) => !words.has(code))
      .map((code) => [code]),
    perMonth: phrases(n.perMonth),
    perYear: phrases(n.perYear),
    perWeek: phrases(n.perWeek),
    perFortnight: phrases(n.perFortnight),
    perQuarter: phrases(n.perQuarter),
    perDay: phrases(n.perDay),
    perHour: phrases(n.perHour),
    months: phrases(n.months),
    years: phrases(n.years),
    squareMetres: phrases(n.squareMetres),
    thousands: phrases(n.thousands),
    halves: phrases(n.halves),
    halvesAfterNumber: phrases(n.halvesAfterNumber),
    articles: new Set(phrases(n.articles).flat()),
    plus: phrases(n.plus),
    times: phrases(n.times),
    range: phrases(n.range),
    sources: phrases(n.sources),
    multiples: byIndex(n.multiples ?? {}),
    people: Object.fromEntries(peopleWords.map((k) => [k, phrases(n.people?.[k])])) as Words['numbers']['people'],
  };
}
