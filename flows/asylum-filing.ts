import { assign, setup } from 'xstate';
import * as rules from '../src/rules/asylum-filing';
import { factsAfter, missingOutcome, yesNoGuards, type AnswerEvent, type FlowEnv, type FlowInput } from './types';

type Stage = (typeof rules.stages)[number];

/** Routing only: which question comes next. Every decision is in src/rules/asylum-filing. */
export const createAsylumFilingFlow = ({ content }: FlowEnv) =>
  setup({
    types: { context: {} as rules.AsylumFacts, events: {} as AnswerEvent, input: {} as FlowInput },
    guards: {
      ...yesNoGuards,
      isAbroad: ({ context, event }) => rules.isAbroad(factsAfter(context, event)),
      stageIs: ({ context, event }, params: { stage: Stage }) =>
        rules.stageIs(factsAfter(context, event), params.stage),
      reopeningWindowOpen: ({ context, event }) =>
        rules.reopeningWindowOpen(factsAfter(context, event), { asOf: event.asOf, content }),
    },
    actions: {
      record: assign(({ context, event }) => factsAfter(context, event)),
    },
  }).createMachine({
    id: rules.procedureId,
    context: ({ input }) => ({ ...(input?.facts ?? {}) }) as rules.AsylumFacts,
    initial: 'location',
    states: {
      location: {
        meta: { question: { field: 'location', input: { kind: 'choice', options: rules.locations } } },
        on: {
          answer: [
            { guard: 'isAbroad', target: 'abroad', actions: 'record' },
            { target: 'stage', actions: 'record' },
          ],
        },
      },
      stage: {
        meta: { question: { field: 'stage', input: { kind: 'choice', options: rules.stages } } },
        on: {
          answer: [
            { guard: 'isUnknown', target: 'missing', actions: 'record' },
            {
              guard: { type: 'stageIs', params: { stage: 'not-registered' } },
              target: 'not-registered',
              actions: 'record',
            },
            {
              guard: { type: 'stageIs', params: { stage: 'registered' } },
              target: 'attestation-issued-on',
              actions: 'record',
            },
            { guard: { type: 'stageIs', params: { stage: 'file-sent' } }, target: 'file-sent', actions: 'record' },
            {
              guard: { type: 'stageIs', params: { stage: 'incomplete-letter' } },
              target: 'letter-received-on',
              actions: 'record',
            },
            { target: 'closure-decided-on', actions: 'record' },
          ],
        },
      },
      'attestation-issued-on': {
        meta: { question: { field: 'attestationIssuedOn', input: { kind: 'date', notAfter: 'today' } } },
        on: { answer: { target: 'filing-deadline', actions: 'record' } },
      },
      'letter-received-on': {
        meta: { question: { field: 'letterReceivedOn', input: { kind: 'date', notAfter: 'today' } } },
        on: { answer: { target: 'incomplete-file', actions: 'record' } },
      },
      // The nine months run from the date printed on the decision, not from the day it was received.
      'closure-decided-on': {
        meta: {
          question: {
            field: 'closureDecidedOn',
            input: { kind: 'date', notAfter: 'today' },
          },
        },
        on: {
          answer: [
            { guard: 'reopeningWindowOpen', target: 'reopened-before', actions: 'record' },
            { target: 'closure', actions: 'record' },
          ],
        },
      },
      'reopened-before': {
        meta: { question: { field: 'reopenedBefore', input: { kind: 'yesno' } } },
        on: { answer: { target: 'closure', actions: 'record' } },
      },
      abroad: { type: 'final', meta: { outcome: { id: 'abroad' } } },
      missing: missingOutcome,
      'not-registered': { type: 'final', meta: { outcome: { id: 'not-registered' } } },
      'filing-deadline': { type: 'final', meta: { outcome: { id: 'filing-deadline' } } },
      'file-sent': { type: 'final', meta: { outcome: { id: 'file-sent' } } },
      'incomplete-file': { type: 'final', meta: { outcome: { id: 'incomplete-file' } } },
      closure: { type: 'final', meta: { outcome: { id: 'closure' } } },
    },
  });
