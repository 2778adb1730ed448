import type { QuestionInput } from '../../flows/types';
import type { Communes } from '../content/communes';
import { isIsoDate } from '../dates/calendar';
import { isCountryCode } from '../understanding/country-names';

/**
 * An answer as a client sends it (checked at the edge, src/edge/schemas.ts): a typed value (`null` is
 * "I don't know"), or free text to read in the session's language; optionally the node and turn of the
 * question it answers.
 */
export type Answer = ({ value: unknown } | { text: string }) & { node?: string; turn?: number };

export type Checked =
  { ok: true; value: unknown } | { ok: false; reason: string; values?: Record<string, string | number> };

const fail = (reason: string, values?: Record<string, string | number>): Checked => ({
  ok: false,
  reason: `common:answer.${reason}`,
  ...(values ? { values } : {}),
});
const ok = (value: unknown): Checked => ({ ok: true, value });

export interface CheckContext {
  today: string;
  /** the facts given so far, for answers that depend on them (a date not before another) */
  facts: Record<string, unknown>;
  communes: Communes;
}

/**
 * Whether a value fits the question: a typed value as sent, or a value read from free text. The
 * question's own limits apply to both (a date not in the future, a number within the fact's bounds).
 */
export function checkValue(input: QuestionInput, value: unknown, ctx: CheckContext): Checked {
  switch (input.kind) {
    case 'choice':
      return typeof value === 'string' && input.options.includes(value) ? ok(value) : fail('invalid-choice');
    case 'yesno':
      return typeof value === 'boolean' ? ok(value) : fail('invalid-yesno');
    case 'date':
      return checkDate(input, value, ctx);
    case 'number':
      return checkNumber(input, value);
    case 'numbers': {
      const { min = 0, max = Infinity, maxItems = Infinity } = input;
      if (!Array.isArray(value) || !value.every((n) => typeof n === 'number' && Number.isInteger(n)))
        return fail('invalid-numbers');
      const list = value as number[];
      return list.length > maxItems || list.some((n) => n < min || n > max)
        ? fail('number-out-of-range', { min, max })
        : ok(list);
    }
    case 'country':
      return typeof value === 'string' && isCountryCode(value) ? ok(value) : fail('invalid-country');
    case 'commune':
      if (value === 'unknown') return ok(value);
      return typeof value === 'string' && ctx.communes.byInsee(value)
        ? ok(value.toUpperCase())
        : fail('invalid-commune');
    case 'text':
      return typeof value === 'string' && value.trim().length > 0 && value.length <= input.maxLength
        ? ok(value.trim())
        : fail('invalid-text');
  }
}

function checkDate(input: Extract<QuestionInput, { kind: 'date' }>, value: unknown, ctx: CheckContext): Checked {
  if (typeof value !== 'string' || !isIsoDate(value)) return fail('invalid-date');
  if (input.notAfter === 'today' && value > ctx.today) return fail('date-in-future');
  if (input.notBefore === 'today' && value < ctx.today) return fail('date-in-past');
  const earliest = input.notBeforeFact ? ctx.facts[input.notBeforeFact] : undefined;
  if (typeof earliest === 'string' && value < earliest) return fail('date-before-fact');
  return ok(value);
}

function checkNumber(input: Extract<QuestionInput, { kind: 'number' }>, value: unknown): Checked {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fail('invalid-number');
  if (input.integer && !Number.isInteger(value)) return fail('not-integer');
  if (value < (input.min ?? -Infinity) || value > (input.max ?? Infinity)) {
    return fail('number-out-of-range', { min: input.min ?? '-', max: input.max ?? '-' });
  }
  return ok(value);
}

/**
 * The text key of an option's label: its own question's, or, when the options are procedures (triage), each
 * procedure's.
 */
export const optionLabelKey = (
  input: Extract<QuestionInput, { kind: 'choice' }>,
  procedure: string,
  node: string,
  option: string,
): string =>
  input.procedures && option !== 'other'
    ? `${option}:triage.option`
    : `${procedure}:questions.${node}.options.${option}`;
