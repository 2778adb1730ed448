import { assign, setup } from 'xstate';
import * as rules from '../src/rules/return-aid';
import { factsAfter, missingOutcome, yesNoGuards, type AnswerEvent, type FlowEnv, type FlowInput } from './types';

/** Routing only; every decision is in src/rules/return-aid. A question is asked only when its fact is still needed. */
export const createReturnAidFlow = ({ content }: FlowEnv) => {
  const ctx = (event: AnswerEvent) => ({ asOf: event.asOf, content });
  const facts = (context: rules.ReturnAidFacts, event: AnswerEvent) => factsAfter(context, event);
  return setup({
    types: { context: {} as rules.ReturnAidFacts, events: {} as AnswerEvent, input: {} as FlowInput },
    guards: {
      ...yesNoGuards,
      isExcluded: ({ context, event }) => rules.isExcluded(facts(context, event), ctx(event)),
      needsReturnBan: ({ context, event }) => rules.needsReturnBan(facts(context, event), ctx(event)),
      derogationRelevant: ({ context, event }) => rules.derogationRelevant(facts(context, event), ctx(event)),
      householdNeeded: ({ context, event }) => rules.householdNeeded(facts(context, event), ctx(event)),
      withoutOqtfInMayotte: ({ context, event }) => rules.withoutOqtfInMayotte(facts(context, event)),
    },
    actions: { record: assign(({ context, event }) => facts(context, event)) },
  }).createMachine({
    id: rules.procedureId,
    context: ({ input }) => ({ ...(input?.facts ?? {}) }) as rules.ReturnAidFacts,
    initial: 'territory',
    states: {
      territory: {
        meta: { question: { field: 'territory', input: { kind: 'choice', options: rules.territories } } },
        // Every amount and list depends on the territory: without it, OFII decides.
        on: {
          answer: [
            { guard: 'isUnknown', target: 'missing', actions: 'record' },
            { target: 'nationality', actions: 'record' },
          ],
        },
      },
      nationality: {
        meta: { question: { field: 'nationality', input: { kind: 'country' } } },
        on: {
          answer: [
            { guard: 'isExcluded', target: 'excluded', actions: 'record' },
            { target: 'received-before', actions: 'record' },
          ],
        },
      },
      'received-before': {
        meta: { question: { field: 'receivedBefore', input: { kind: 'yesno' } } },
        on: {
          answer: [
            { guard: 'isTrue', target: 'already-received', actions: 'record' },
            { target: 'has-oqtf', actions: 'record' },
          ],
        },
      },
      'has-oqtf': {
        meta: { question: { field: 'hasOqtf', input: { kind: 'yesno' } } },
        on: {
          answer: [
            { guard: 'isUnknown', target: 'missing', actions: 'record' },
            { guard: 'withoutOqtfInMayotte', target: 'no-oqtf-mayotte', actions: 'record' },
            { guard: 'isFalse', target: 'no-oqtf', actions: 'record' },
            { target: 'oqtf-notified-on', actions: 'record' },
          ],
        },
      },
      'oqtf-notified-on': {
        meta: { question: { field: 'oqtfNotifiedOn', input: { kind: 'date', notAfter: 'today' } } },
        on: { answer: { target: 'validation-date', actions: 'record' } },
      },
      // OFII's validation is most often a coming appointment: a year-less date or a weekday is read forward.
      'validation-date': {
        meta: {
          question: {
            field: 'validationDate',
            input: { kind: 'date', notBeforeFact: 'oqtfNotifiedOn', suggestToday: true, towards: 'future' },
          },
        },
        on: {
          answer: [
            { guard: 'needsReturnBan', target: 'has-return-ban', actions: 'record' },
            { target: 'three-months-residence', actions: 'record' },
          ],
        },
      },
      'has-return-ban': {
        meta: { question: { field: 'hasReturnBan', input: { kind: 'yesno' } } },
        on: { answer: { target: 'three-months-residence', actions: 'record' } },
      },
      'three-months-residence': {
        meta: {
          question: {
            field: 'threeMonthsResidence',
            input: { kind: 'yesno' },
            params: { months: 'return-aid-minimum-residence-months' },
          },
        },
        on: {
          answer: [
            { guard: 'isFalse', target: 'residence-short', actions: 'record' },
            { guard: 'derogationRelevant', target: 'derogation', actions: 'record' },
            { guard: 'householdNeeded', target: 'adults', actions: 'record' },
            { target: 'has-travel-document', actions: 'record' },
          ],
        },
      },
      derogation: {
        meta: { question: { field: 'derogation', input: { kind: 'choice', options: rules.derogations } } },
        on: { answer: { target: 'adults', actions: 'record' } },
      },
      adults: {
        meta: { question: { field: 'adults', input: { kind: 'number' } } },
        on: { answer: { target: 'minors', actions: 'record' } },
      },
      minors: {
        meta: { question: { field: 'minors', input: { kind: 'number' } } },
        on: { answer: { target: 'has-travel-document', actions: 'record' } },
      },
      'has-travel-document': {
        meta: { question: { field: 'hasTravelDocument', input: { kind: 'yesno' } } },
        on: { answer: { target: 'amounts', actions: 'record' } },
      },
      excluded: { type: 'final', meta: { outcome: { id: 'excluded' } } },
      missing: missingOutcome,
      'already-received': { type: 'final', meta: { outcome: { id: 'already-received' } } },
      'no-oqtf': { type: 'final', meta: { outcome: { id: 'no-oqtf' } } },
      'no-oqtf-mayotte': { type: 'final', meta: { outcome: { id: 'no-oqtf-mayotte' } } },
      'residence-short': { type: 'final', meta: { outcome: { id: 'residence-short' } } },
      amounts: { type: 'final', meta: { outcome: { id: 'amounts' } } },
    },
  });
};
