import type { AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import { createAsylumFilingFlow } from '../../flows/asylum-filing';
import { createElderlyMigrantAidFlow } from '../../flows/elderly-migrant-aid';
import { createFamilyReunificationFlow } from '../../flows/family-reunification';
import { createReturnAidFlow } from '../../flows/return-aid';
import { createTriageFlow } from '../../flows/triage';
import type { FlowEnv } from '../../flows/types';
import * as asylumFiling from '../rules/asylum-filing';
import { PARIS } from '../dates/zones';
import type { RuleContext } from '../rules/context';
import type { RawDecision } from '../rules/decision';
import { withStaleFigures } from '../rules/figures';
import * as elderlyMigrantAid from '../rules/elderly-migrant-aid';
import * as familyReunification from '../rules/family-reunification';
import * as returnAid from '../rules/return-aid';
import { createTriageRules, procedureId as TRIAGE } from '../rules/triage';

/**
 * The one registry of procedures. Everything else (triage's choices and hand-overs, the catalogue
 * endpoints, the flows the engine runs, the walker) is derived from it. Adding a procedure: a flow
 * file, a rules module, a content folder (content/procedures/<id>/), a scenario table, and one line
 * here (docs/adding-a-procedure.md).
 */
export interface Procedure {
  id: string;
  factsSchema: z.ZodObject;
  evaluate(facts: Record<string, unknown>, ctx: RuleContext): RawDecision;
  createFlow(env: FlowEnv): AnyStateMachine;
  /** who handles this procedure when the rules cannot decide (a body id of common:bodies) */
  body: string;
  /** the calendar the person's dates are in (Mayotte's for facts about Mayotte) */
  timeZone(facts: Record<string, unknown>): string;
  /** answers the walker tries at country and commune questions besides the generic ones, to take every branch */
  samples?: { country?: readonly string[]; commune?: readonly string[] };
}

interface Definition<S extends z.ZodObject> {
  id: string;
  rules: {
    factsSchema: S;
    evaluate: (facts: z.infer<S>, ctx: RuleContext) => RawDecision;
    timeZone?: (facts: z.infer<S>) => string;
  };
  flow: (env: FlowEnv) => AnyStateMachine;
  body: string;
  samples?: Procedure['samples'];
}

/**
 * One procedure from its parts: facts are checked by its schema before its rules see them, the figures the rules
 * read are noted (so that those past their review horizon are said as such), and a decision the rules cannot reach
 * names the procedure's body: what is missing, and whom to ask.
 */
export function procedure<S extends z.ZodObject>(d: Definition<S>): Procedure {
  const evaluate = withStaleFigures(d.rules.evaluate);
  return {
    id: d.id,
    factsSchema: d.rules.factsSchema,
    evaluate: (facts, ctx) => referIncomplete(evaluate(d.rules.factsSchema.parse(facts), ctx), d.body),
    createFlow: (env) => d.flow(env),
    body: d.body,
    timeZone: (facts) => d.rules.timeZone?.(facts as z.infer<S>) ?? PARIS,
    ...(d.samples ? { samples: d.samples } : {}),
  };
}

function referIncomplete(raw: RawDecision, body: string): RawDecision {
  if (raw.status !== 'incomplete' || raw.referral) return raw;
  return { ...raw, referral: { to: body, reason: { key: 'common:referral-missing' } } };
}

/** The guided procedures, in the order triage offers them. */
export const guidedProcedures: readonly Procedure[] = [
  procedure({ id: 'asylum-filing', rules: asylumFiling.rules, flow: createAsylumFilingFlow, body: 'spada' }),
  procedure({
    id: 'return-aid',
    rules: returnAid.rules,
    flow: createReturnAidFlow,
    body: 'ofii',
    samples: { country: ['FR', 'DZ', 'US', 'XK', 'BY', 'KM'] },
  }),
  procedure({
    id: 'family-reunification',
    rules: familyReunification.rules,
    flow: createFamilyReunificationFlow,
    body: 'prefecture',
    samples: { country: ['FR', 'DZ', 'US', 'MA'], commune: ['75056', '01001', '97611', 'unknown'] },
  }),
  procedure({
    id: 'elderly-migrant-aid',
    rules: elderlyMigrantAid.rules,
    flow: createElderlyMigrantAidFlow,
    body: 'msa-picardie',
    samples: { country: ['FR', 'DZ', 'DE'] },
  }),
];

/** Triage, derived from the guided procedures: a need per procedure, and "other". */
function triageOf(guided: readonly Procedure[]): Procedure {
  const ids = guided.map((p) => p.id);
  return procedure({
    id: TRIAGE,
    rules: createTriageRules(ids),
    flow: (env) => createTriageFlow(env, ids),
    body: 'point-justice',
  });
}

/** Every procedure a session can be in: triage first, then the guided ones. */
export class ProcedureRegistry {
  private readonly byId: ReadonlyMap<string, Procedure>;

  constructor(readonly guided: readonly Procedure[] = guidedProcedures) {
    this.byId = new Map([triageOf(guided), ...guided].map((p) => [p.id, p]));
  }

  get all(): Procedure[] {
    return [...this.byId.values()];
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): Procedure | undefined {
    return this.byId.get(id);
  }
}
