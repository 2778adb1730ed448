import { z } from 'zod';
import { inCountryList, numberOn } from '../../content/parameters';
import type { IsoDate } from '../../dates/calendar';
import type { RuleContext } from '../context';
import { textsOf } from '../helpers';

/** CASF L117-3: the ARFS as seed 003 wrote it (2016 to June 2020), today's AVFS (FACTS.md §5). The facts. */

export const procedureId = 'elderly-migrant-aid';
export const { t, step, goTo } = textsOf(procedureId);

export const housings = ['migrant-worker-hostel', 'social-residence', 'other'] as const;

export const factsSchema = z
  .object({
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .describe('ISO 3166-1 alpha-2 code'),
    age: z.number().int().min(0).max(130).meta({ unit: 'years' }).describe('Age in years'),
    unfitForWork: z.boolean().describe('Recognised unfit for work (or receiving the AAH)'),
    regularResidenceYears: z
      .number()
      .min(0)
      .max(100)
      .meta({ unit: 'years' })
      .describe('Years of regular and uninterrupted residence in France before the request'),
    livesAlone: z.boolean().describe('Lives alone'),
    firstRequest: z.boolean().describe('This is the first request for the aid'),
    housing: z.enum(housings).describe('Where the person lives'),
    pensionsClaimed: z
      .boolean()
      .describe('Has obtained or asked for every retirement pension due (French, foreign, international)'),
    annualResources: z
      .number()
      .min(0)
      .max(1_000_000)
      .meta({ unit: 'eur-year' })
      .describe("Last year's annual resources (net categorical income), euros"),
    longStaysAbroad: z
      .boolean()
      .describe('ARFS only (before July 2020): stays of more than 6 months a year in the country of origin'),
  })
  .partial()
  .strict();
export type ElderlyFacts = z.infer<typeof factsSchema>;

export type Regime = 'arfs' | 'avfs';

/** Which version of L117-3 holds on a date; before the ARFS was implemented, none. Dates from the references. */
export function regimeOn(ctx: RuleContext, on: IsoDate): Regime | undefined {
  const avfs = ctx.content.references.get('casf-l117-3')!.inForceFrom;
  const arfs = ctx.content.references.get('casf-l117-3-2007')!.inForceFrom;
  return on >= avfs ? 'avfs' : on >= arfs ? 'arfs' : undefined;
}

export const num = (ctx: RuleContext, id: string) => numberOn(ctx.content, id, ctx.asOf);

export const isFrench = (f: ElderlyFacts) => f.nationality === 'FR';
export const isEea = (f: ElderlyFacts, ctx: RuleContext) =>
  f.nationality !== undefined &&
  (['eu', 'eea-non-eu'].some((l) => inCountryList(ctx.content, l, f.nationality!, ctx.asOf)) || f.nationality === 'CH');
