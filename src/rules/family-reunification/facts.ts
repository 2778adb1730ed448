import { z } from 'zod';
import { zones } from '../../content/communes';
import { numberOn } from '../../content/parameters';
import type { IsoDate } from '../../dates/calendar';
import { MAYOTTE, PARIS } from '../../dates/zones';
import type { RuleContext } from '../context';
import { textsOf } from '../helpers';

/** Family reunification (regroupement familial): seed 002, FACTS.md §3. The facts. */

export const procedureId = 'family-reunification';
export const { t, step, goTo } = textsOf(procedureId);
const date = z.iso.date();

/** The permits asked of most applicants. */
export const permitsAsked = [
  'temporary',
  'multi-year',
  'resident',
  'renewal-receipt',
  'passport-talent',
  'ict',
  'retired',
  'seasonal-worker',
  'international-protection',
  'other',
] as const;
/** Algerians hold a certificat de résidence under the agreement of 1968: offered to them first. */
export const ALGERIAN_CERTIFICATE = 'algerian-residence-certificate';
export const permitsAskedOfAlgerians = [ALGERIAN_CERTIFICATE, ...permitsAsked] as const;

const inseeCode = z.string().regex(/^(\d{5}|2[AB]\d{3})$/);

export const factsSchema = z
  .object({
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .describe('ISO 3166-1 alpha-2 code of the applicant'),
    regularStay: z.boolean().describe('The applicant lives in France legally'),
    permit: z.enum(permitsAskedOfAlgerians).describe("The applicant's residence permit"),
    commune: z
      .union([inseeCode, z.literal('unknown')])
      .describe("INSEE code of the home's commune, or 'unknown' when not given"),
    housingZone: z.enum(zones).describe('Housing zone of the home; derived from commune when not given'),
    permitValidityMonths: z
      .number()
      .min(0)
      .max(240)
      .meta({ unit: 'months' })
      .describe('Total validity of the permit, in months'),
    residenceMonths: z
      .number()
      .min(0)
      .max(1200)
      .meta({ unit: 'months' })
      .describe('Months of regular residence in France, until today'),
    familyAbroad: z.boolean().describe('The family members who would come live abroad'),
    spouseJoining: z.boolean().describe('A spouse would come'),
    spouseAge: z.number().int().min(0).max(120).meta({ unit: 'years' }).describe("The spouse's age"),
    childrenAges: z.array(z.number().int().min(0).max(40)).max(20).describe('Ages of the children who would come'),
    householdSize: z
      .number()
      .int()
      .min(2)
      .max(30)
      .meta({ unit: 'people' })
      .describe('People who will live in the home, the applicant included'),
    housingSurfaceM2: z.number().min(0).max(2000).meta({ unit: 'm2' }).describe('Living area of the home in m²'),
    monthlyResources: z
      .number()
      .min(0)
      .max(1_000_000)
      .meta({ unit: 'eur-month' })
      .describe(
        'Average monthly resources of the applicant and spouse over the 12 months before applying, excluded benefits left out (euros)',
      ),
    applicationDate: date.describe('Day of the application (planned); today when not given'),
    receivesAahOrAsi: z.boolean().describe('The applicant receives the AAH or the ASI'),
    applicantAge: z
      .number()
      .int()
      .min(0)
      .max(120)
      .meta({ unit: 'years' })
      .describe("The applicant's age in whole years"),
    marriageYears: z.number().min(0).max(100).meta({ unit: 'years' }).describe('Years of marriage'),
  })
  .partial()
  .strict();
export type FamilyFacts = z.infer<typeof factsSchema>;

export const num = (ctx: RuleContext, id: string, on: IsoDate) => numberOn(ctx.content, id, on);
export const applicationOf = (f: FamilyFacts, ctx: RuleContext): IsoDate => f.applicationDate ?? ctx.asOf;

export const isAlgerian = (f: FamilyFacts) => f.nationality === 'DZ';
export const isMayotte = (f: FamilyFacts) => typeof f.commune === 'string' && f.commune.startsWith('976');
/** The person's calendar: Mayotte's for a home in Mayotte. */
export const timeZone = (f: FamilyFacts) => (isMayotte(f) ? MAYOTTE : PARIS);
/** Mayotte's own figures have their own ids. */
export const mayotte = (f: FamilyFacts, id: string) => (isMayotte(f) ? `mayotte-${id}` : id);
/** The prefecture a person is sent to. */
export const prefectureOf = (f: FamilyFacts) => (isMayotte(f) ? 'prefecture-mayotte' : 'prefecture');
export const round2 = (x: number) => Math.round(x * 100) / 100;
