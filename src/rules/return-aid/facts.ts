import { z } from 'zod';
import type { IsoDate } from '../../dates/calendar';
import { MAYOTTE, PARIS } from '../../dates/zones';
import type { RuleContext } from '../context';
import { textsOf } from '../helpers';

/** OFII return and reintegration aid, mainland and Mayotte: seeds 000 and 001, FACTS.md §1 and §2. The facts. */

export const procedureId = 'return-aid';
export const { t, step, goTo } = textsOf(procedureId);
const date = z.iso.date();

export const territories = ['mainland', 'mayotte'] as const;
export const derogations = ['none', 'channel-crossing', 'uk-readmission'] as const;

export const factsSchema = z
  .object({
    territory: z.enum(territories).describe('Where the person is: mainland France or Mayotte'),
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .describe('ISO 3166-1 alpha-2 code; XK for Kosovo'),
    hasOqtf: z.boolean().describe('Subject to an obligation to leave French territory (OQTF)'),
    oqtfNotifiedOn: date.describe('Day the OQTF was notified'),
    validationDate: date.describe('Day OFII validates the request; today when not given'),
    hasReturnBan: z.boolean().describe('The OQTF comes with a ban on returning (IRTF)'),
    threeMonthsResidence: z
      .boolean()
      .describe('At least three consecutive months of residence (in Mayotte, in Mayotte)'),
    receivedBefore: z.boolean().describe('Already received return or reintegration aid'),
    adults: z
      .number()
      .int()
      .min(1)
      .max(30)
      .meta({ unit: 'adults' })
      .describe('Adults leaving together, the applicant included'),
    minors: z.number().int().min(0).max(30).meta({ unit: 'minors' }).describe('Minor children leaving with them'),
    hasTravelDocument: z.boolean().describe('Has a travel document (or will obtain it)'),
    derogation: z.enum(derogations).describe('Channel-crossing derogation, UK readmission, or none'),
  })
  .partial()
  .strict();
export type ReturnAidFacts = z.infer<typeof factsSchema>;

export const isMayotte = (f: ReturnAidFacts) => f.territory === 'mayotte';
/** The person's calendar: Mayotte's for a return from Mayotte. */
export const timeZone = (f: ReturnAidFacts) => (isMayotte(f) ? MAYOTTE : PARIS);
/** Parameters and lists differ by territory: Mayotte's have their own ids. */
export const param = (f: ReturnAidFacts, id: string) => (isMayotte(f) ? `mayotte-${id}` : id);
export const validationOf = (f: ReturnAidFacts, ctx: RuleContext): IsoDate => f.validationDate ?? ctx.asOf;
/** The OFII office a person is sent to: Mayotte's own, or the territorial office of their department. */
export const ofiiOf = (f: ReturnAidFacts) => (isMayotte(f) ? 'ofii-mayotte' : 'ofii');

/** The articles each territory's rules are in. */
export const articles = (f: ReturnAidFacts) =>
  isMayotte(f)
    ? {
        aid: 'arrete-2025-12-03-mayotte-art1',
        reinsertion: 'arrete-2025-12-03-mayotte-art1',
        who: 'arrete-2025-12-03-mayotte-art3',
      }
    : { aid: 'arrete-2023-10-09-art1', reinsertion: 'arrete-2023-10-09-art2', who: 'arrete-2023-10-09-art3' };
