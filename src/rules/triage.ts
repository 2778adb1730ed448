import { z } from 'zod';
import type { RuleContext } from './context';
import { emptyDecision, type RawDecision } from './decision';

/**
 * Which procedure a person needs. The guided procedures come from the registry (src/procedures), so a
 * new procedure is offered here without a line changed; anything else is referred to a Point-justice.
 */
export const procedureId = 'triage';
export const OTHER = 'other';

export function createTriageRules(guided: readonly string[]) {
  const needs: [string, ...string[]] = [OTHER, ...guided];
  const factsSchema = z
    .object({ need: z.enum(needs).describe('What the person needs help with: a procedure id, or other') })
    .partial()
    .strict();

  const evaluate = (facts: z.infer<typeof factsSchema>, ctx: RuleContext): RawDecision => {
    const d = emptyDecision(procedureId, ctx.asOf, 'incomplete');
    if (!facts.need) return d;
    if (guided.includes(facts.need)) {
      d.nextSteps.push({
        id: 'continue-with',
        text: { key: 'triage:steps.continue-with', values: { procedure: facts.need } },
      });
      return d;
    }
    d.status = 'refer';
    d.referral = { to: 'point-justice', reason: { key: 'triage:referral.other' } };
    return d;
  };

  return { needs, factsSchema, evaluate };
}

export const needIs = (facts: { need?: string }, need: string) => facts.need === need;
