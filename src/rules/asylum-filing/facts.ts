import { z } from 'zod';
import { numberOn } from '../../content/parameters';
import type { RuleContext } from '../context';
import type { RawStep, Text } from '../decision';
import { textsOf } from '../helpers';

/** Filing an asylum claim with OFPRA on time: seed 004 and FACTS.md §4. The facts, and the sentences' helpers. */

export const procedureId = 'asylum-filing';
export const { t, step, goTo } = textsOf(procedureId);

const date = z.iso.date();

export const locations = ['france', 'abroad'] as const;
export const stages = ['not-registered', 'registered', 'file-sent', 'incomplete-letter', 'closed'] as const;

export const factsSchema = z
  .object({
    location: z.enum(locations).describe('Where the person is now'),
    stage: z.enum(stages).describe('How far the claim has gone'),
    attestationIssuedOn: date.describe('Day the one-stop shop handed over the asylum application certificate'),
    letterReceivedOn: date.describe("Day OFPRA's registered letter asking for missing items was received"),
    closureDecidedOn: date.describe("The date printed on OFPRA's closure decision: the nine months run from it"),
    closureNotifiedOn: date.describe(
      "Day OFPRA's closure decision was notified; without closureDecidedOn, only an upper bound of the decision's date",
    ),
    reopenedBefore: z.boolean().describe('Whether a closed claim of this person was already reopened once'),
  })
  .partial()
  .strict();
export type AsylumFacts = z.infer<typeof factsSchema>;

// Named predicates, used by the rules below and by the flow's guards.
export const isAbroad = (f: AsylumFacts) => f.location === 'abroad';
export const isInFrance = (f: AsylumFacts) => f.location === 'france';
export const stageIs = (f: AsylumFacts, stage: (typeof stages)[number]) => f.stage === stage;

/** A duration on asOf, for sentences. */
export const valueOn = (ctx: RuleContext, id: string) => numberOn(ctx.content, id, ctx.asOf)?.value;

/** A step whose sentence needs figures: left out when one is not known on that date. */
export function stepWith(id: string, reference: string, values: Record<string, number | undefined>): RawStep[] {
  if (Object.values(values).some((v) => v === undefined)) return [];
  return [step(id, reference, values as Text['values'])];
}

/** How days are counted, and that only national holidays are (the department is not asked). */
export const countingNotices = (): RawStep[] => [
  step('day-counting', 'cpc-641-642'),
  step('regional-holidays', 'code-travail-l3134-13'),
];

export const reopenWithin = (ctx: RuleContext) =>
  stepWith('reopen-within', 'ceseda-l531-40', { months: valueOn(ctx, 'reopening-months') });
