import type { z } from 'zod';
import * as asylumFiling from './asylum-filing';
import * as returnAid from './return-aid';
import * as familyReunification from './family-reunification';
import * as elderlyMigrantAid from './elderly-migrant-aid';
import * as triage from './triage';
import type { RawDecision } from './decision';
import type { RuleContext } from './asylum-filing';

export type { RuleContext };

/** One entry per procedure: its facts schema and its pure evaluate(). */
export interface ProcedureRules {
  id: string;
  factsSchema: z.ZodObject;
  evaluate(facts: Record<string, unknown>, ctx: RuleContext): RawDecision;
}

const entry = <S extends z.ZodObject>(id: string, factsSchema: S, evaluate: (facts: z.infer<S>, ctx: RuleContext) => RawDecision): ProcedureRules => ({
  id,
  factsSchema,
  evaluate: (facts, ctx) => evaluate(factsSchema.parse(facts), ctx),
});

export const procedureRules: ReadonlyMap<string, ProcedureRules> = new Map(
  [entry(triage.procedureId, triage.factsSchema, triage.evaluate), entry(asylumFiling.procedureId, asylumFiling.factsSchema, asylumFiling.evaluate),
    entry(returnAid.procedureId, returnAid.factsSchema, returnAid.evaluate),
    entry(familyReunification.procedureId, familyReunification.factsSchema, familyReunification.evaluate),
    entry(elderlyMigrantAid.procedureId, elderlyMigrantAid.factsSchema, elderlyMigrantAid.evaluate),
  ].map((r) => [r.id, r]),
);

/** The calendar a person's dates are in: Indian/Mayotte for facts about Mayotte, Europe/Paris otherwise. */
export function timeZoneFor(facts: Record<string, unknown>): string {
  const inMayotte = facts.territory === 'mayotte' || (typeof facts.commune === 'string' && facts.commune.startsWith('976'));
  return inMayotte ? 'Indian/Mayotte' : 'Europe/Paris';
}
