import { z } from 'zod';

/** A calendar date as the protocol writes it. */
export const isoDate = z.iso.date();

const languageTexts = z.object({ fr: z.string().min(1) }).catchall(z.string().min(1));

export const legalStatus = z.enum(['CONFIRMED', 'SECONDARY', 'UNCONFIRMED']);
export type LegalStatus = z.infer<typeof legalStatus>;

const referenceSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: languageTexts,
  url: z.url(),
  inForceFrom: isoDate,
  status: legalStatus,
  note: z.string().optional(),
  /**
   * When the text was last read against this service's content, as shared/legal/FACTS.md or the seed
   * records it; absent when no such reading is recorded: the reference then says it was not checked.
   */
  lastChecked: isoDate.optional(),
});
export type Reference = z.infer<typeof referenceSchema>;

export const referencesFileSchema = z.object({
  $comment: z.string().optional(),
  references: z.array(referenceSchema).min(1),
});

const parameterPeriodSchema = z
  .object({
    value: z.union([z.number(), z.record(z.string(), z.number()), isoDate]),
    unit: z.enum(['days', 'months', 'years', 'eur', 'factor', 'm2', 'persons', 'date']),
    validFrom: isoDate,
    validTo: isoDate.optional(),
    reference: z.string(),
    status: legalStatus,
    note: z.string().optional(),
  })
  .refine((p) => !p.validTo || p.validTo >= p.validFrom, { message: 'validTo is before validFrom' });
export type ParameterPeriod = z.infer<typeof parameterPeriodSchema>;

/**
 * Parameters that are revised together (the SMIC, the return-aid amounts...): past `reviewBy` their
 * figures are said to be "known on <date>, may have changed", and the person is sent to `refer` (a
 * body of common:bodies) for the exact figure.
 */
const parameterFamilySchema = z.strictObject({
  parameters: z.array(z.string()).min(1),
  reviewBy: isoDate,
  refer: z.string().regex(/^[a-z0-9-]+$/),
  note: z.string().optional(),
});
export type ParameterFamily = z.infer<typeof parameterFamilySchema>;

export const parametersFileSchema = z.object({
  $comment: z.string().optional(),
  /** every parameter of the file belongs to exactly one family */
  families: z.record(z.string().regex(/^[a-z0-9-]+$/), parameterFamilySchema),
  parameters: z.record(z.string(), z.array(parameterPeriodSchema).min(1)),
});

const holidayRule = z.union([
  z.object({ id: z.string(), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  z.object({ id: z.string(), easterOffset: z.number().int() }),
]);
export type HolidayRule = z.infer<typeof holidayRule>;

const holidaySet = z.object({ reference: z.string(), days: z.array(holidayRule) });
export const holidaysFileSchema = z.object({
  $comment: z.string().optional(),
  national: holidaySet,
  regions: z.record(z.string(), holidaySet),
});
export type Holidays = z.infer<typeof holidaysFileSchema>;

/** i18next resources: nested objects whose leaves are strings. */
export type LocaleTree = { [key: string]: string | LocaleTree };
export const localeTreeSchema: z.ZodType<LocaleTree> = z.lazy(() =>
  z.record(z.string(), z.union([z.string(), localeTreeSchema])),
);

const countryListSchema = z.object({
  reference: z.string(),
  status: legalStatus,
  note: z.string().optional(),
  countries: z.array(
    z.object({
      code: z.string().regex(/^[A-Z]{2}$/),
      validFrom: isoDate.optional(),
      validTo: isoDate.optional(),
      note: z.string().optional(),
    }),
  ),
});
export type CountryList = z.infer<typeof countryListSchema>;
export const countriesFileSchema = z.object({
  $comment: z.string().optional(),
  lists: z.record(z.string(), countryListSchema),
});

/**
 * Words people use, per language (content/lexicon/<lang>/*.json, and content/procedures/<id>/lexicon/<lang>.json
 * for a procedure's own). Phrases are compared folded (src/understanding/fold.ts: case, accents, Arabic letter
 * forms and clitics do not matter) as whole words. A cue written "a + b" needs both a and b, in any order.
 */
const words = z.array(z.string().min(1)).min(1);
const wordsOrNone = z.array(z.string().min(1));
const isoCode = z.string().regex(/^[A-Z]{2}$/);

export const answersLexiconSchema = z.strictObject({
  yes: words,
  no: words,
  dontKnow: words,
  /** "none" for a list (no children) */
  none: words,
  /** words that turn a following keyword around ("je ne veux pas rentrer", "haven't sent", "ما بدي") */
  negations: words,
  /**
   * single words that turn around the words BEFORE them in their clause, for a language whose negation follows
   * what it negates ("dönmek istemiyorum", "mülteci değilim", "pasaportum yok"). Optional.
   */
  negationsAfter: z.array(z.string().regex(/^\S+$/)).optional(),
  /**
   * words that begin a new clause ("mais", "but", "بصح", "لكن"): a negation governs its own clause only, as it
   * stops at punctuation. Optional: without them, only punctuation ends a clause.
   */
  clauseBreaks: wordsOrNone.optional(),
  /** phrases whose negation word negates nothing ("ما زلت": still; "no matter"): optional */
  notNegating: wordsOrNone.optional(),
});
export type AnswersLexicon = z.infer<typeof answersLexiconSchema>;

export const numbersLexiconSchema = z.strictObject({
  /** number words and their values; 100, 1000 and 1000000 multiply what comes before them */
  words: z.record(z.string(), z.number().int().min(0)),
  /** words between number words that add nothing ("deux mille et un") */
  joiners: wordsOrNone,
  currency: words,
  /**
   * currencies other than the euro ("dollars", "dinars", "afghani"): an amount in one is refused with a request for
   * euros, never converted (exchange rates change daily). Optional.
   */
  otherCurrencies: wordsOrNone.optional(),
  perMonth: words,
  perYear: words,
  /** "par semaine", "a week": an amount a week is made a month's or a year's (× 52 / 12, × 52) and confirmed */
  perWeek: wordsOrNone.optional(),
  /**
   * "toutes les deux semaines", "a fortnight", "por quincena": made a month's or a year's (× 26 / 12, × 26) and
   * confirmed, as `perWeek`; a phrase may hold its digits ("every 2 weeks", "tous les 15 jours")
   */
  perFortnight: wordsOrNone.optional(),
  /** "par trimestre", "every three months": made a month's or a year's (÷ 3, × 4) and confirmed, as `perWeek` */
  perQuarter: wordsOrNone.optional(),
  /** "par jour", "a day": work paid by the day is irregular: such an amount is refused, a month's is asked for */
  perDay: wordsOrNone.optional(),
  /** "de l'heure", "an hour": refused as `perDay` is */
  perHour: wordsOrNone.optional(),
  /** units of a duration or an age */
  months: words,
  years: words,
  /** square metres */
  squareMetres: wordsOrNone,
  /** written after a number for thousands ("15k") */
  thousands: wordsOrNone.optional(),
  /** a half, after a number or its unit ("un an et demi", "2 and a half years", "الف ونص") */
  halves: wordsOrNone.optional(),
  /**
   * halves (of `halves`) that only ever follow a number ("buçuk": "bir buçuk yıl" is a year and a half, never half a
   * year): an article before one is the number one
   */
  halvesAfterNumber: wordsOrNone.optional(),
  /** number words that are also articles: the number 1 only before what they count ("un an", not "un salaire") */
  articles: wordsOrNone.optional(),
  /** between two amounts, they add ("600 plus 300"); the sign + needs no word */
  plus: wordsOrNone.optional(),
  /** between two numbers, they multiply ("700 fois 12"); the signs × and * need no word */
  times: wordsOrNone.optional(),
  /** a range or a choice between two numbers, never a sum ("entre", "ou", "between") */
  range: wordsOrNone.optional(),
  /** where an amount comes from, beside it ("salaire", "APL", "ma femme"): two amounts so joined add */
  sources: wordsOrNone.optional(),
  /** children born together, by how many ("jumeaux": 2, "triplés": 3) */
  multiples: z.record(z.string().regex(/^[2-9]$/), wordsOrNone).optional(),
  /** people as counted at a "how many people" question */
  people: z
    .strictObject({
      /** the person answering ("moi", "me", "انا") */
      self: wordsOrNone,
      /** the person answering, alone ("juste moi", "me alone", "غير انا") */
      alone: wordsOrNone,
      /** one other adult ("ma femme", "my husband", "مرتي") */
      adult: wordsOrNone,
      /** one child ("ma fille", "my son", "بنتي") */
      child: wordsOrNone,
      /** nouns a number of people is counted in ("personnes", "people") */
      persons: wordsOrNone,
      adults: wordsOrNone,
      children: wordsOrNone,
    })
    .partial()
    .optional(),
});
export type NumbersLexicon = z.infer<typeof numbersLexiconSchema>;

const dayIndex = z.enum(['1', '2', '3', '4', '5', '6', '7']);
const monthIndex = z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
export const datesLexiconSchema = z.strictObject({
  /** the chrono-node locale that reads dates in this language, or null: this lexicon alone reads them */
  chrono: z.enum(['en', 'fr', 'de', 'es', 'it', 'ja', 'nl', 'pt', 'ru', 'sv', 'uk', 'zh']).nullable(),
  /** month names and abbreviations, by number (1 = January); include the regional names people use */
  months: z.record(monthIndex, words),
  /** weekday names, ISO numbering (1 = Monday) */
  weekdays: z.record(dayIndex, words),
  today: words,
  yesterday: words,
  dayBeforeYesterday: words,
  /** "il y a 10 jours" (before the number) and "10 days ago" (after it) */
  ago: z.strictObject({ before: wordsOrNone, after: wordsOrNone }),
  units: z.strictObject({ day: words, week: words, month: words, year: words }),
  /** a unit word that means two of it (the Arabic dual: يومين, أسبوعين, شهرين, سنتين) */
  dual: z.strictObject({ day: wordsOrNone, week: wordsOrNone, month: wordsOrNone, year: wordsOrNone }).optional(),
  /** "lundi dernier", "last Monday" */
  last: words,
  /** "demain", "tomorrow", "بكرة": for a question about a coming day */
  tomorrow: wordsOrNone.optional(),
  dayAfterTomorrow: wordsOrNone.optional(),
  /** "dans 10 jours" (before the number) and "3 days from now" (after it) */
  ahead: z.strictObject({ before: wordsOrNone, after: wordsOrNone }).optional(),
  /** "lundi prochain", "next Monday" */
  next: wordsOrNone.optional(),
  /** a unit word that alone means one of it, with no number ("قبل أسبوع"): the singular forms */
  single: z.strictObject({ day: wordsOrNone, week: wordsOrNone, month: wordsOrNone, year: wordsOrNone }).optional(),
  /** "et demi", "and a half", "ونص": half a unit more ("il y a un an et demi") */
  half: wordsOrNone.optional(),
  /** words of approximation that may stand between "ago" and its number ("il y a environ 10 jours") */
  about: wordsOrNone.optional(),
  /** day numbers written as ordinal words ("premier", "fifth", "الخامس"); cardinal words come from numbers.json */
  ordinals: z.record(z.string(), z.number().int().min(1).max(31)).optional(),
  /** what follows a day's digits to make it an ordinal ("1er", "10th") */
  ordinalSuffixes: wordsOrNone.optional(),
  /** words before a day of the month given alone ("le 12", "the 10th", "يوم 5") */
  dayLeadIns: wordsOrNone.optional(),
  /** words between a day and its month given by number ("le 15 du 11", "15 شهر 11") */
  monthNumberLeadIns: wordsOrNone.optional(),
  /**
   * words that place a date in another calendar than the Gregorian one: its month names that no Gregorian month
   * shares (Solar Hijri "حمل", "لړم"; Hijri "رمضان"; Ethiopian "ጳጉሜን", Amharic "የካቲት"), the calendar named ("شمسي",
   * "ብግእዝ") or its era mark. A date with one is refused, never read as a Gregorian date. Optional.
   */
  otherCalendars: wordsOrNone.optional(),
  /**
   * another calendar in use among the language's speakers shares its month names and has years as near (Tigray's
   * Ethiopian calendar names its months as Eritrea names the Gregorian ones, 7 to 8 years behind): a date taken as
   * written is then confirmed, never recorded at once. Optional: false.
   */
  sharedCalendar: z.boolean().optional(),
});
export type DatesLexicon = z.infer<typeof datesLexiconSchema>;

export const countriesLexiconSchema = z.strictObject({
  /** names people use that the ISO lists lack ("RDC", "Ivory Coast"), by ISO code */
  aliases: z.record(isoCode, words),
  /** what people call themselves ("algérien", "syrienne", "سوري"), by ISO code */
  demonyms: z.record(isoCode, words),
  /** names that fit several countries: the person is asked which */
  ambiguous: z.record(z.string(), z.array(isoCode).min(2)),
  /** words before a country that add nothing ("je viens du", "I'm from", "انا من") */
  leadIns: wordsOrNone,
});
export type CountriesLexicon = z.infer<typeof countriesLexiconSchema>;

export const urgentSituations = ['oqtf-appeal', 'fear-of-return', 'violence', 'no-shelter', 'child-danger'] as const;
export type UrgentSituation = (typeof urgentSituations)[number];
/**
 * Words that show an urgent situation only in a context: "afraid", "war", "خايف" alone are ordinary words ("I'm
 * afraid I don't have one"); beside a return or a danger ("go back", "mon pays", "ارجع") they are fear of return.
 */
const urgentInContextSchema = z.strictObject({
  cues: words,
  /** what must stand somewhere in the same message for the cues to count */
  context: words,
  /** whole messages that say it alone ("j'ai peur", "I'm scared", "خايف") */
  alone: wordsOrNone.optional(),
});
export const urgentLexiconSchema = z.strictObject({
  ...(Object.fromEntries(urgentSituations.map((s) => [s, words])) as Record<UrgentSituation, typeof words>),
  inContext: z.partialRecord(z.enum(urgentSituations), z.array(urgentInContextSchema)).optional(),
});
export type UrgentLexicon = z.infer<typeof urgentLexiconSchema>;

export const procedureLexiconSchema = z.strictObject({
  /** words that point triage to this procedure */
  triage: wordsOrNone.optional(),
  /**
   * words for the options of its choice questions: node -> option -> words; at a yes/no question, "true" and
   * "false": words that answer it by echoing it ("j'ai un passeport", "je vis seul"), always confirmed
   */
  options: z.record(z.string(), z.record(z.string(), wordsOrNone)).default({}),
  /**
   * the option a country named at a choice question picks: node -> ISO code or "other" -> option
   * ({ "location": { "FR": "france", "other": "abroad" } }); read from the countries lexicon, always confirmed
   */
  countryOptions: z.record(z.string(), z.record(z.union([isoCode, z.literal('other')]), z.string())).optional(),
});
export type ProcedureLexicon = z.infer<typeof procedureLexiconSchema>;

/** Urgent situations: whom to call for each (content/urgent.json); the texts are in common:urgent. */
export const urgentFileSchema = z.strictObject({
  $comment: z.string().optional(),
  contacts: z.record(z.string(), z.strictObject({ number: z.string().optional() })),
  situations: z.record(
    z.enum(urgentSituations),
    z.strictObject({
      contacts: z.array(z.string()).min(1),
      leaveQuickly: z.boolean(),
      procedure: z.string().optional(),
    }),
  ),
});
export type UrgentFile = z.infer<typeof urgentFileSchema>;

/**
 * A language's own card (content/locales/<lang>/language.json): its name in its own script, its direction, its
 * translation.
 */
export const languageFileSchema = z.strictObject({
  /** the language's name in its own script, as people who speak it would look for it */
  name: z.string().min(1),
  dir: z.enum(['ltr', 'rtl']),
  /** the BCP 47 tag Intl formats with when the code alone is not it (en-GB: dates in the European order) */
  locale: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional(),
  /** the digits the language writes (an Intl numbering system: latn, arab, arabext…); latn when not given */
  numbering: z
    .string()
    .regex(/^[a-z]{3,8}$/)
    .optional(),
  /** other language tags a browser may send for it (Windows sends `prs` for Dari): Accept-Language finds it by them */
  aliases: z.array(z.string().regex(/^[a-z]{2,3}$/)).optional(),
  translation: z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('reference') }),
    /** made by machine or by the team, not reviewed by a qualified translator: every page and outcome says so */
    z.strictObject({ status: z.literal('machine') }),
    z.strictObject({ status: z.literal('reviewed'), by: z.string().min(1), on: isoDate }),
  ]),
});
export type LanguageFile = z.infer<typeof languageFileSchema>;
