/**
 * What the bot understood of a person's words at a question. A reading is never silently a guess:
 * `sure: false` says why it must be confirmed before it is recorded.
 */
export type Uncertainty =
  /** a near spelling ("Marok", "registred") */
  | 'fuzzy'
  /** "1.500": one thousand five hundred, or one and a half */
  | 'separator'
  /** "il y a 10 jours", "avant-hier", "last Monday": a date computed from today */
  | 'relative-date'
  /** "le 3 mars": the year is the most recent that fits */
  | 'yearless-date'
  /** "18 mois" at a question in years: converted */
  | 'unit'
  /** "800 par mois" at a yearly question: converted */
  | 'period'
  /** worked out from what was written: a sum ("600 + 300"), a product ("700 x 12"), people counted, a half */
  | 'arithmetic'
  /** "DZ" typed as a country: a code, not a name */
  | 'code'
  /** a country or an answer found inside a longer sentence */
  | 'partial'
  /** a date written in a language whose month names another calendar shares (`dates.json` → `sharedCalendar`) */
  | 'calendar';

export type Reading =
  | { kind: 'value'; value: unknown; sure: true }
  | { kind: 'value'; value: unknown; sure: false; why: Uncertainty; given?: { value: number; unit: string } }
  /** "I don't know": an answer; the fact stays absent */
  | { kind: 'unknown' }
  /** the words fit several answers: ask which */
  | { kind: 'choose'; candidates: unknown[] }
  /** not understood: the question again, with why */
  | { kind: 'refuse'; reason: string; values?: Record<string, string | number> };

export const sure = (value: unknown): Reading => ({ kind: 'value', value, sure: true });
export const unsure = (value: unknown, why: Uncertainty, given?: { value: number; unit: string }): Reading => ({
  kind: 'value',
  value,
  sure: false,
  why,
  ...(given ? { given } : {}),
});
export const refuse = (reason: string, values?: Record<string, string | number>): Reading => ({
  kind: 'refuse',
  reason: `common:answer.${reason}`,
  ...(values ? { values } : {}),
});
