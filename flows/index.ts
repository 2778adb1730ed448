import type { AnyStateMachine } from 'xstate';
import { createAsylumFilingFlow } from './asylum-filing';
import { createReturnAidFlow } from './return-aid';
import { createFamilyReunificationFlow } from './family-reunification';
import { createElderlyMigrantAidFlow } from './elderly-migrant-aid';
import { createTriageFlow } from './triage';
import type { FlowEnv } from './types';

export type Flows = ReadonlyMap<string, AnyStateMachine>;

/** Every procedure's machine, built once with the content it reads. */
export function createFlows(env: FlowEnv): Flows {
  return new Map<string, AnyStateMachine>([
    ['triage', createTriageFlow(env)],
    ['asylum-filing', createAsylumFilingFlow(env)],
    ['return-aid', createReturnAidFlow(env)],
    ['family-reunification', createFamilyReunificationFlow(env)],
    ['elderly-migrant-aid', createElderlyMigrantAidFlow(env)],
  ]);
}
