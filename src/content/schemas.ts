import { z } from 'zod';

/** A calendar date as the protocol writes it. */
export const isoDate = z.iso.date();

export const languageTexts = z.object({ fr: z.string().min(1) }).catchall(z.string().min(1));

export const legalStatus = z.enum(['CONFIRMED', 'SECONDARY', 'UNCONFIRMED']);
export type LegalStatus = z.infer<typeof legalStatus>;

export const referenceSchema = z.object({
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

export const parameterPeriodSchema = z
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
export const parameterFamilySchema = z.strictObject({
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

export const countryListSchema = z.object({
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

/** Words people use, per language (content/lexicon/<lang>/ and content/procedures/<id>/lexicon/<lang>.json). */
const words = z.array(z.string().min(1)).min(1);
const wordsOrNone = z.array(z.string().min(1));

export const answersLexiconSchema = z.strictObject({
  yes: words,
  no: words,
  dontKnow: words,
  none: words,
  today: words,
  yesterday: words,
});
export type AnswersLexicon = z.infer<typeof answersLexiconSchema>;

export const countriesLexiconSchema = z.strictObject({
  /** names people use that the ISO lists lack ("RDC", "algérien"), by ISO code */
  aliases: z.record(z.string().regex(/^[A-Z]{2}$/), words),
});
export type CountriesLexicon = z.infer<typeof countriesLexiconSchema>;

export const procedureLexiconSchema = z.strictObject({
  /** words that point triage to this procedure */
  triage: wordsOrNone.optional(),
  /** words for the options of its choice questions: node -> option -> words */
  options: z.record(z.string(), z.record(z.string(), wordsOrNone)).default({}),
});
export type ProcedureLexicon = z.infer<typeof procedureLexiconSchema>;
