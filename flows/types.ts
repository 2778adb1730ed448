import type { Content } from '../src/content/load';
import type { NumberUnit } from '../src/understanding/numbers';

/** What a question asks for. Labels and words live in content/locales; values here are what the facts hold. */
export type QuestionInput =
  /**
   * `procedures`: the options are procedure ids (and 'other'): labelled and recognised by each procedure's own content
   */
  | { kind: 'choice'; options: readonly string[]; procedures?: boolean }
  | { kind: 'yesno' }
  /**
   * `towards`: the side of today the question asks about, where a year-less date or a weekday is placed
   * ("le 30 novembre" at a question about a coming appointment is the next one); the past when absent,
   * the future when no past day is allowed (src/understanding/dates.ts)
   */
  | {
      kind: 'date';
      notAfter?: 'today';
      notBefore?: 'today';
      notBeforeFact?: string;
      suggestToday?: boolean;
      towards?: 'past' | 'future';
    }
  // Bounds are not written here: the engine reads them from the procedure's facts schema (one source).
  | { kind: 'number'; min?: number; max?: number; integer?: boolean; unit?: NumberUnit }
  | { kind: 'numbers'; min?: number; max?: number; maxItems?: number }
  | { kind: 'country' }
  | { kind: 'commune' }
  | { kind: 'text'; maxLength: number };

export interface QuestionMeta {
  /**
   * `params`: placeholders in the question's text filled from dated parameters (placeholder -> parameter id).
   * `thresholds`: parameters the answer is compared with (a number question); the flow walk tries each side.
   */
  question: { field: string; input: QuestionInput; params?: Record<string, string>; thresholds?: string[] };
}

/**
 * A final state: an outcome of this procedure, or a hand-over to another procedure. `shared`: its text is
 * the common one (common:outcomes.<id>), as for "missing" (an answer the flow cannot go on without is not known).
 */
export interface OutcomeMeta {
  outcome: { id: string; handover?: string; shared?: boolean };
}

/** The final state a flow goes to when a person does not know an answer it cannot go on without. */
export const missingOutcome = { type: 'final' as const, meta: { outcome: { id: 'missing', shared: true } } };

export type Facts = Record<string, unknown>;

/** The only event a flow takes: one answer, already checked, with the date whose rules apply. */
export interface AnswerEvent {
  type: 'answer';
  field: string;
  value: unknown;
  asOf: string;
}

export interface FlowInput {
  facts?: Facts;
}

/** What a flow factory may read: the dated parameters and lists in content/. */
export interface FlowEnv {
  content: Content;
}

/** The facts as they will be once this answer is recorded: guards decide on these. */
export const factsAfter = <F extends Facts>(context: F, event: AnswerEvent): F => ({
  ...context,
  [event.field]: event.value,
});

/** Guards on the answer itself, shared by the flows: yes, no, and "I don't know" (no value: the fact stays absent). */
export const yesNoGuards = {
  isTrue: ({ event }: { event: AnswerEvent }) => event.value === true,
  isFalse: ({ event }: { event: AnswerEvent }) => event.value === false,
  isUnknown: ({ event }: { event: AnswerEvent }) => event.value === undefined,
};
