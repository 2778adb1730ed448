import type { ConditionStatus, RawStep, Text } from './decision';

/** The sentences of one procedure: a text key in its namespace, and a step (or notice) with its reference. */
export function textsOf(ns: string) {
  const t = (key: string, values?: Text['values']): Text => ({ key: `${ns}:${key}`, ...(values ? { values } : {}) });
  const step = (id: string, reference?: string, values?: Text['values']): RawStep => ({
    id,
    text: t(`steps.${id}`, values),
    ...(reference ? { reference } : {}),
  });
  return { t, step };
}

/** A three-valued condition as the key of its sentence: unknown is never not-met. */
export const statusKey = (v: boolean | undefined): ConditionStatus =>
  v === undefined ? 'unknown' : v ? 'met' : 'not-met';
