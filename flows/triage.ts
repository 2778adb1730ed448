import { assign, setup } from 'xstate';
import * as rules from '../src/rules/triage';
import { factsAfter, type AnswerEvent, type FlowEnv, type FlowInput } from './types';

type TriageFacts = { need?: string };

/**
 * The opening conversation: what the person needs, then a hand-over to that procedure or a referral. One state per
 * guided procedure, from the registry.
 */
export const createTriageFlow = (_env: FlowEnv, guided: readonly string[]) =>
  setup({
    types: { context: {} as TriageFacts, events: {} as AnswerEvent, input: {} as FlowInput },
    guards: {
      needIs: ({ context, event }, params: { procedure: string }) =>
        rules.needIs(factsAfter(context, event), params.procedure),
    },
    actions: { record: assign(({ context, event }) => factsAfter(context, event)) },
  }).createMachine({
    id: rules.procedureId,
    context: ({ input }) => ({ ...(input?.facts ?? {}) }) as TriageFacts,
    initial: 'need',
    states: {
      need: {
        meta: {
          question: { field: 'need', input: { kind: 'choice', options: [...guided, rules.OTHER], procedures: true } },
        },
        on: {
          answer: [
            ...guided.map((procedure) => ({
              guard: { type: 'needIs' as const, params: { procedure } },
              target: `to-${procedure}`,
              actions: 'record' as const,
            })),
            { target: 'refer', actions: 'record' },
          ],
        },
      },
      ...Object.fromEntries(
        guided.map((procedure) => [
          `to-${procedure}`,
          { type: 'final' as const, meta: { outcome: { id: 'handover', handover: procedure } } },
        ]),
      ),
      refer: { type: 'final', meta: { outcome: { id: 'refer' } } },
    },
  });
