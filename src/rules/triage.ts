import { z } from 'zod';
import { emptyDecision, type RawDecision } from './decision';
import type { RuleContext } from './asylum-filing';

/** Which procedure a person needs. Needs without a guided procedure yet are referred to the body that handles them. */

export const procedureId = 'triage';

export const needs = ['asylum-filing', 'return-aid', 'family-reunification', 'elderly-migrant-aid', 'other'] as const;
export type Need = (typeof needs)[number];

/** The procedures this service guides through; the others are a referral. */
export const guidedProcedures: readonly string[] = ['asylum-filing', 'return-aid', 'family-reunification', 'elderly-migrant-aid'];

/** The body that handles each need when no guided procedure covers it (a body id in common:bodies). */
const bodyFor: Record<Need, string> = {
  'asylum-filing': 'spada',
  'return-aid': 'ofii',
  'family-reunification': 'ofii',
  'elderly-migrant-aid': 'msa-picardie',
  other: 'point-justice',
};

export const factsSchema = z
  .object({ need: z.enum(needs).describe('What the person needs help with') })
  .partial()
  .strict();
export type TriageFacts = z.infer<typeof factsSchema>;

export const isGuided = (f: TriageFacts, procedure: string) => f.need === procedure && guidedProcedures.includes(procedure);

export function evaluate(facts: TriageFacts, ctx: RuleContext): RawDecision {
  const d = emptyDecision(procedureId, ctx.asOf, 'incomplete');
  if (!facts.need) return d;
  if (guidedProcedures.includes(facts.need)) {
    d.nextSteps.push({ id: 'continue-with', text: { key: 'triage:steps.continue-with', values: { procedure: facts.need } } });
    return d;
  }
  d.status = 'refer';
  d.referral = { to: bodyFor[facts.need], reason: { key: `triage:referral.${facts.need}` } };
  return d;
}
