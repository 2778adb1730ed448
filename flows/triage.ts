import { assign, setup } from 'xstate';
import * as rules from '../src/rules/triage';
import { factsAfter, type AnswerEvent, type FlowEnv, type FlowInput } from './types';

/** The opening conversation: what the person needs, then a hand-over to that procedure or a referral. */
export const createTriageFlow = (_env: FlowEnv) =>
  setup({
    types: { context: {} as rules.TriageFacts, events: {} as AnswerEvent, input: {} as FlowInput },
    guards: {
      isGuided: ({ context, event }, params: { procedure: string }) => rules.isGuided(factsAfter(context, event), params.procedure),
    },
    actions: { record: assign(({ context, event }) => factsAfter(context, event)) },
  }).createMachine({
    id: rules.procedureId,
    context: ({ input }) => ({ ...(input?.facts ?? {}) }) as rules.TriageFacts,
    initial: 'need',
    states: {
      need: {
        meta: { question: { field: 'need', input: { kind: 'choice', options: rules.needs } } },
        on: {
          answer: [
            { guard: { type: 'isGuided', params: { procedure: 'asylum-filing' } }, target: 'to-asylum-filing', actions: 'record' },
            { guard: { type: 'isGuided', params: { procedure: 'return-aid' } }, target: 'to-return-aid', actions: 'record' },
            { guard: { type: 'isGuided', params: { procedure: 'family-reunification' } }, target: 'to-family-reunification', actions: 'record' },
            { guard: { type: 'isGuided', params: { procedure: 'elderly-migrant-aid' } }, target: 'to-elderly-migrant-aid', actions: 'record' },
            { target: 'refer', actions: 'record' },
          ],
        },
      },
      'to-asylum-filing': { type: 'final', meta: { outcome: { id: 'handover', handover: 'asylum-filing' } } },
      'to-return-aid': { type: 'final', meta: { outcome: { id: 'handover', handover: 'return-aid' } } },
      'to-family-reunification': { type: 'final', meta: { outcome: { id: 'handover', handover: 'family-reunification' } } },
      'to-elderly-migrant-aid': { type: 'final', meta: { outcome: { id: 'handover', handover: 'elderly-migrant-aid' } } },
      refer: { type: 'final', meta: { outcome: { id: 'refer' } } },
    },
  });
