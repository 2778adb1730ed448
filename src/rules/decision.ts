import type { DeadlineFacts } from '../dates/deadlines';
import type { IsoDate } from '../dates/calendar';

/** Shapes of the rules engine's answer. The rules produce text keys; src/dialogue/decisions.ts says them in words. */

export type ConditionStatus = 'met' | 'not-met' | 'unknown';
export type DecisionStatus = 'eligible' | 'partly-eligible' | 'ineligible' | 'refer' | 'incomplete';

/** A sentence: an i18next key (namespace:key) and its values; `{ date }` and `{ eur }` are formatted per language. */
export interface Text {
  key: string;
  values?: Record<string, string | number | { date: IsoDate } | { eur: number }>;
}

/** The figure a condition requires and the person's own, when it is a threshold: "54 m² required, 50 m² given". */
export interface Figures {
  required: number;
  actual?: number;
  unit: 'months' | 'years' | 'm2' | 'eur';
  /** how far short the person is (required - actual) when not met */
  gap?: number;
}

export interface RawCondition {
  id: string;
  status: ConditionStatus;
  reference: string;
  explain: Text;
  figures?: Figures;
}

export interface RawAmount {
  id: string;
  maxEur: number;
  per: 'person' | 'household' | 'month' | 'year';
  reference: string;
  explain: Text;
  /**
   * A maximum that holds only if a condition the rules cannot settle is met (the condition's id in
   * `conditions`): said as "if ...", and never added into a total.
   */
  conditional?: true;
  condition?: string;
}

export interface RawDeadline extends DeadlineFacts {
  id: string;
  reference: string;
  explain: Text;
}

export interface RawStep {
  id: string;
  text: Text;
  reference?: string;
  /** the body (an id of common:bodies) this step sends the person to, when it sends them somewhere */
  body?: string;
}

/** Whom a person must see when the rules cannot decide, and why. `to` is a body id in common:bodies. */
interface RawReferral {
  to: string;
  reason: Text;
}

export interface RawDecision {
  procedure: string;
  status: DecisionStatus;
  asOf: IsoDate;
  conditions: RawCondition[];
  amounts: RawAmount[];
  deadlines: RawDeadline[];
  nextSteps: RawStep[];
  notices: RawStep[];
  referral?: RawReferral;
  /** references cited besides those of conditions, amounts and deadlines */
  extraReferences: string[];
}

/** A condition is three-valued: a missing fact gives `unknown`, never `not-met`. */
export function condition(id: string, met: boolean | undefined, reference: string, explain: Text): RawCondition {
  return { id, status: met === undefined ? 'unknown' : met ? 'met' : 'not-met', reference, explain };
}

export function emptyDecision(procedure: string, asOf: IsoDate, status: DecisionStatus): RawDecision {
  return {
    procedure,
    status,
    asOf,
    conditions: [],
    amounts: [],
    deadlines: [],
    nextSteps: [],
    notices: [],
    extraReferences: [],
  };
}
