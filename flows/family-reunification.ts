import { assign, setup } from 'xstate';
import * as rules from '../src/rules/family-reunification';
import { factsAfter, yesNoGuards, type AnswerEvent, type FlowEnv, type FlowInput } from './types';

type Other = rules.OtherProcedure;

/** Routing only; every decision is in src/rules/family-reunification. */
export const createFamilyReunificationFlow = ({ content }: FlowEnv) => {
  const ctx = (event: AnswerEvent) => ({ asOf: event.asOf, content });
  const facts = (context: rules.FamilyFacts, event: AnswerEvent) => factsAfter(context, event);
  const other = (which: Other) => ({ type: 'isOther' as const, params: { which } });
  const afterPermit = [
    { guard: other('family-reunion'), target: 'family-reunion', actions: 'record' as const },
    { guard: other('accompanying-family'), target: 'accompanying-family', actions: 'record' as const },
    { guard: other('excluded-permit'), target: 'excluded-permit', actions: 'record' as const },
    { guard: 'permitIsOther' as const, target: 'permit-unclear', actions: 'record' as const },
    { target: 'commune', actions: 'record' as const },
  ];
  const toResources = [
    { guard: 'isAlgerian' as const, target: 'monthly-resources-algeria', actions: 'record' as const },
    { target: 'monthly-resources', actions: 'record' as const },
  ];
  const afterResources = [
    { guard: 'resourcesMet' as const, target: 'checklist', actions: 'record' as const },
    { target: 'receives-aah-asi', actions: 'record' as const },
  ];
  return setup({
    types: { context: {} as rules.FamilyFacts, events: {} as AnswerEvent, input: {} as FlowInput },
    guards: {
      ...yesNoGuards,
      isOther: ({ context, event }, params: { which: Other }) =>
        rules.isOtherProcedure(facts(context, event), ctx(event), params.which),
      permitIsOther: ({ event }) => event.value === 'other',
      needsPermitValidity: ({ context, event }) => rules.needsPermitValidity(facts(context, event)),
      nobodyEligible: ({ context, event }) => rules.nobodyEligible(facts(context, event), ctx(event)),
      resourcesMet: ({ context, event }) => rules.resourcesMet(facts(context, event), ctx(event)) === true,
      exemptionByAgePossible: ({ context, event }) => rules.exemptionByAgePossible(facts(context, event), ctx(event)),
      marriageYearsNeeded: ({ context, event }) => rules.marriageYearsNeeded(facts(context, event), ctx(event)),
      isAlgerian: ({ context, event }) => rules.isAlgerian(facts(context, event)),
      applicationDateMatters: ({ context, event }) => rules.applicationDateMatters(facts(context, event), ctx(event)),
    },
    actions: { record: assign(({ context, event }) => facts(context, event)) },
  }).createMachine({
    id: rules.procedureId,
    context: ({ input }) => ({ ...(input?.facts ?? {}) }) as rules.FamilyFacts,
    initial: 'nationality',
    states: {
      nationality: {
        meta: { question: { field: 'nationality', input: { kind: 'country' } } },
        on: {
          answer: [
            { guard: other('eu-citizen'), target: 'eu-citizen', actions: 'record' },
            { target: 'regular-stay', actions: 'record' },
          ],
        },
      },
      'regular-stay': {
        meta: { question: { field: 'regularStay', input: { kind: 'yesno' } } },
        on: {
          answer: [
            { guard: 'isFalse', target: 'irregular', actions: 'record' },
            { guard: 'isAlgerian', target: 'permit-algeria', actions: 'record' },
            { target: 'permit', actions: 'record' },
          ],
        },
      },
      permit: {
        meta: { question: { field: 'permit', input: { kind: 'choice', options: rules.permitsAsked } } },
        on: { answer: afterPermit },
      },
      // Algerians hold a certificat de résidence (1968 agreement): it is offered to them first.
      'permit-algeria': {
        meta: { question: { field: 'permit', input: { kind: 'choice', options: rules.permitsAskedOfAlgerians } } },
        on: { answer: afterPermit },
      },
      commune: {
        meta: { question: { field: 'commune', input: { kind: 'commune' } } },
        on: {
          answer: [
            { guard: 'needsPermitValidity', target: 'permit-validity-months', actions: 'record' },
            { target: 'residence-months', actions: 'record' },
          ],
        },
      },
      'permit-validity-months': {
        meta: { question: { field: 'permitValidityMonths', input: { kind: 'number' } } },
        on: { answer: { target: 'residence-months', actions: 'record' } },
      },
      'residence-months': {
        meta: { question: { field: 'residenceMonths', input: { kind: 'number' } } },
        on: { answer: { target: 'family-abroad', actions: 'record' } },
      },
      'family-abroad': {
        meta: { question: { field: 'familyAbroad', input: { kind: 'yesno' } } },
        on: {
          answer: [
            { guard: 'isFalse', target: 'family-in-france', actions: 'record' },
            { target: 'spouse-joining', actions: 'record' },
          ],
        },
      },
      'spouse-joining': {
        meta: { question: { field: 'spouseJoining', input: { kind: 'yesno' } } },
        on: {
          answer: [
            { guard: 'isTrue', target: 'spouse-age', actions: 'record' },
            { target: 'children-ages', actions: 'record' },
          ],
        },
      },
      'spouse-age': {
        meta: { question: { field: 'spouseAge', input: { kind: 'number' } } },
        on: { answer: { target: 'children-ages', actions: 'record' } },
      },
      'children-ages': {
        meta: { question: { field: 'childrenAges', input: { kind: 'numbers' } } },
        on: {
          answer: [
            { guard: 'nobodyEligible', target: 'nobody-eligible', actions: 'record' },
            { target: 'household-size', actions: 'record' },
          ],
        },
      },
      'household-size': {
        meta: { question: { field: 'householdSize', input: { kind: 'number' } } },
        on: { answer: { target: 'housing-surface', actions: 'record' } },
      },
      'housing-surface': {
        meta: { question: { field: 'housingSurfaceM2', input: { kind: 'number' } } },
        on: {
          answer: [{ guard: 'applicationDateMatters', target: 'application-date', actions: 'record' }, ...toResources],
        },
      },
      // Asked only when the month of the application changes the SMIC average.
      'application-date': {
        meta: {
          question: { field: 'applicationDate', input: { kind: 'date', notBefore: 'today', suggestToday: true } },
        },
        on: { answer: toResources },
      },
      'monthly-resources': {
        meta: { question: { field: 'monthlyResources', input: { kind: 'number' } } },
        on: { answer: afterResources },
      },
      // Under the 1968 agreement only family benefits are left out of the resources: its own help text.
      'monthly-resources-algeria': {
        meta: { question: { field: 'monthlyResources', input: { kind: 'number' } } },
        on: { answer: afterResources },
      },
      'receives-aah-asi': {
        meta: { question: { field: 'receivesAahOrAsi', input: { kind: 'yesno' } } },
        on: {
          answer: [
            { guard: 'isTrue', target: 'checklist', actions: 'record' },
            { guard: 'exemptionByAgePossible', target: 'applicant-age', actions: 'record' },
            { target: 'checklist', actions: 'record' },
          ],
        },
      },
      'applicant-age': {
        meta: { question: { field: 'applicantAge', input: { kind: 'number' } } },
        on: {
          answer: [
            { guard: 'marriageYearsNeeded', target: 'marriage-years', actions: 'record' },
            { target: 'checklist', actions: 'record' },
          ],
        },
      },
      'marriage-years': {
        meta: { question: { field: 'marriageYears', input: { kind: 'number' } } },
        on: { answer: { target: 'checklist', actions: 'record' } },
      },
      'eu-citizen': { type: 'final', meta: { outcome: { id: 'eu-citizen' } } },
      irregular: { type: 'final', meta: { outcome: { id: 'irregular' } } },
      'family-reunion': { type: 'final', meta: { outcome: { id: 'family-reunion' } } },
      'accompanying-family': { type: 'final', meta: { outcome: { id: 'accompanying-family' } } },
      'excluded-permit': { type: 'final', meta: { outcome: { id: 'excluded-permit' } } },
      'permit-unclear': { type: 'final', meta: { outcome: { id: 'permit-unclear' } } },
      'family-in-france': { type: 'final', meta: { outcome: { id: 'family-in-france' } } },
      'nobody-eligible': { type: 'final', meta: { outcome: { id: 'nobody-eligible' } } },
      checklist: { type: 'final', meta: { outcome: { id: 'checklist' } } },
    },
  });
};
