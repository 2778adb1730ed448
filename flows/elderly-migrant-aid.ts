import { assign, setup } from 'xstate';
import * as rules from '../src/rules/elderly-migrant-aid';
import { factsAfter, yesNoGuards, type AnswerEvent, type FlowEnv, type FlowInput } from './types';

/** Routing only; every decision is in src/rules/elderly-migrant-aid. A condition that fails ends the questions. */
export const createElderlyMigrantAidFlow = ({ content }: FlowEnv) => {
  const ctx = (event: AnswerEvent) => ({ asOf: event.asOf, content });
  const facts = (context: rules.ElderlyFacts, event: AnswerEvent) => factsAfter(context, event);
  return setup({
    types: { context: {} as rules.ElderlyFacts, events: {} as AnswerEvent, input: {} as FlowInput },
    guards: {
      ...yesNoGuards,
      isFrench: ({ context, event }) => rules.isFrench(facts(context, event)),
      isOther: ({ event }) => event.value === 'other',
      tooYoung: ({ context, event }) => rules.tooYoung(facts(context, event), ctx(event)),
      unfitForWorkMatters: ({ context, event }) => rules.unfitForWorkMatters(facts(context, event), ctx(event)),
      residenceYearsAsked: ({ context, event }) => rules.residenceYearsAsked(facts(context, event), ctx(event)),
      residenceShort: ({ context, event }) => rules.residenceShort(facts(context, event), ctx(event)),
    },
    actions: { record: assign(({ context, event }) => facts(context, event)) },
  }).createMachine({
    id: rules.procedureId,
    context: ({ input }) => ({ ...(input?.facts ?? {}) }) as rules.ElderlyFacts,
    initial: 'nationality',
    states: {
      nationality: {
        meta: { question: { field: 'nationality', input: { kind: 'country' } } },
        on: {
          answer: [
            { guard: 'isFrench', target: 'decision', actions: 'record' },
            { target: 'age', actions: 'record' },
          ],
        },
      },
      age: {
        meta: {
          question: {
            field: 'age',
            input: { kind: 'number' },
            thresholds: ['elderly-aid-min-age', 'elderly-aid-early-age-min', 'elderly-aid-early-age-max'],
          },
        },
        on: {
          answer: [
            { guard: 'unfitForWorkMatters', target: 'unfit-for-work', actions: 'record' },
            { guard: 'tooYoung', target: 'decision', actions: 'record' },
            { guard: 'residenceYearsAsked', target: 'residence-years', actions: 'record' },
            { target: 'lives-alone', actions: 'record' },
          ],
        },
      },
      'unfit-for-work': {
        meta: { question: { field: 'unfitForWork', input: { kind: 'yesno' } } },
        on: {
          answer: [
            { guard: 'isFalse', target: 'decision', actions: 'record' },
            { guard: 'residenceYearsAsked', target: 'residence-years', actions: 'record' },
            { target: 'lives-alone', actions: 'record' },
          ],
        },
      },
      'residence-years': {
        meta: {
          question: {
            field: 'regularResidenceYears',
            input: { kind: 'number' },
            params: { years: 'elderly-aid-residence-years' },
            thresholds: ['elderly-aid-residence-years'],
          },
        },
        on: {
          answer: [
            { guard: 'residenceShort', target: 'decision', actions: 'record' },
            { target: 'lives-alone', actions: 'record' },
          ],
        },
      },
      'lives-alone': {
        meta: { question: { field: 'livesAlone', input: { kind: 'yesno' } } },
        on: {
          answer: [
            { guard: 'isFalse', target: 'decision', actions: 'record' },
            { target: 'first-request', actions: 'record' },
          ],
        },
      },
      'first-request': {
        meta: { question: { field: 'firstRequest', input: { kind: 'yesno' } } },
        on: {
          answer: [
            { guard: 'isTrue', target: 'housing', actions: 'record' },
            { target: 'pensions-claimed', actions: 'record' },
          ],
        },
      },
      housing: {
        meta: { question: { field: 'housing', input: { kind: 'choice', options: rules.housings } } },
        on: {
          answer: [
            { guard: 'isOther', target: 'decision', actions: 'record' },
            { target: 'pensions-claimed', actions: 'record' },
          ],
        },
      },
      'pensions-claimed': {
        meta: { question: { field: 'pensionsClaimed', input: { kind: 'yesno' } } },
        on: {
          answer: [
            { guard: 'isFalse', target: 'decision', actions: 'record' },
            { target: 'annual-resources', actions: 'record' },
          ],
        },
      },
      'annual-resources': {
        meta: { question: { field: 'annualResources', input: { kind: 'number' } } },
        on: { answer: { target: 'decision', actions: 'record' } },
      },
      decision: { type: 'final', meta: { outcome: { id: 'decision' } } },
    },
  });
};
