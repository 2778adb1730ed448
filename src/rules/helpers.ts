import type { ConditionStatus, RawStep, Text } from './decision';

/** The sentences of one procedure: a text key in its namespace, and a step (or notice) with its reference. */
export function textsOf(ns: string) {
  const t = (key: string, values?: Text['values']): Text => ({ key: `${ns}:${key}`, ...(values ? { values } : {}) });
  const step = (id: string, reference?: string, values?: Text['values']): RawStep => ({
    id,
    text: t(`steps.${id}`, values),
    ...(reference ? { reference } : {}),
  });
  /** A step that sends the person to a body (an id of common:bodies), whose text says how to reach it. */
  const goTo = (body: string, id: string, reference?: string, values?: Text['values']): RawStep => ({
    ...step(id, reference, values),
    body,
  });
  return { t, step, goTo };
}

/** A three-valued condition as the key of its sentence: unknown is never not-met. */
export const statusKey = (v: boolean | undefined): ConditionStatus =>
  v === undefined ? 'unknown' : v ? 'met' : 'not-met';
