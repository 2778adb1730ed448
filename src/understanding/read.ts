import type { QuestionInput } from '../../flows/types';
import type { Communes } from '../content/communes';
import { readChoice, type Option } from './choices';
import { readCommune } from './communes';
import { readCountry } from './countries';
import { readDate, towardsOf } from './dates';
import { tokens } from './fold';
import type { Words } from './lexicon';
import { countIn, readNumber, type NumberUnit } from './numbers';
import { refuse, unsure, type Reading } from './reading';
import { readNeed } from './triage';
import { readYesNo, saysDontKnow, isOneOf } from './yes-no';

/** What a reader needs besides the words: the question's options (labels and words), today, the towns. */
export interface ReadContext {
  words: Words;
  lang: string;
  today: string;
  /** a choice question's options, with their labels in the session's language and their words */
  options?: readonly Option[];
  /** a number question's unit, from its fact's schema */
  unit?: NumberUnit;
  communes: Communes;
}

/**
 * Free text at a question, read in the session's language: "I don't know" first (an answer, for every
 * kind of question), then the reader of the question's kind. Pure: no clock, no store.
 */
export function readText(input: QuestionInput, text: string, ctx: ReadContext): Reading {
  const w = ctx.words;
  if (saysDontKnow(text, w) && !(input.kind === 'choice' && input.procedures)) return { kind: 'unknown' };
  switch (input.kind) {
    case 'choice':
      return input.procedures ? readTriage(text, ctx) : readChoice(text, ctx.options ?? [], w);
    case 'yesno':
      return readYesNo(text, w);
    case 'date':
      return readDate(text, w, { today: ctx.today, towards: towardsOf(input) }, (t) => countIn(t, w));
    case 'number':
      return readNumber(text, w, { ...input, ...(ctx.unit ? { unit: ctx.unit } : {}) });
    case 'numbers':
      return readList(text, input, ctx);
    case 'country':
      return readCountry(text, w, ctx.lang);
    case 'commune':
      return readCommune(text, ctx.communes);
    case 'text': {
      const s = text.trim();
      return s.length > 0 && s.length <= input.maxLength
        ? { kind: 'value', value: s, sure: true }
        : refuse('invalid-text');
    }
  }
}

/** Triage: an option named as such, else the procedure the words point to (a hand-over, always confirmed). */
function readTriage(text: string, ctx: ReadContext): Reading {
  const options = ctx.options ?? [];
  const named = readChoice(
    text,
    options.map((o) => ({ ...o, cues: o.value === 'other' ? o.cues : [] })),
    ctx.words,
  );
  if (named.kind === 'value') return named.value === 'other' ? named : unsure(named.value, 'partial');
  return readNeed(
    text,
    options.filter((o) => o.value !== 'other').map((o) => o.value),
    ctx.words,
  );
}

/** A list of whole numbers (children's ages): "3, 7 et 12", "18 mois et 5 ans", or none at all ("aucun"). */
function readList(text: string, input: Extract<QuestionInput, { kind: 'numbers' }>, ctx: ReadContext): Reading {
  const w = ctx.words;
  if (isOneOf(tokens(text), w.none)) return { kind: 'value', value: [], sure: true };
  const joiners = [...w.numbers.joiners].map((j) => j.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text
    .split(new RegExp(`[,;/+&]|\\s(?:${joiners.join('|') || '\\u0000'})\\s`, 'u'))
    .map((p) => p.trim())
    .filter(Boolean);
  const values: number[] = [];
  let unsureWhy: Reading | undefined;
  for (const part of parts) {
    if (!/\d/.test(part) && countIn(tokens(part), w) === undefined) continue;
    const r = readNumber(part, w, {
      unit: 'years',
      integer: true,
      ...(input.min !== undefined ? { min: input.min } : {}),
      ...(input.max !== undefined ? { max: input.max } : {}),
    });
    if (r.kind !== 'value') return r.kind === 'refuse' ? r : refuse('invalid-numbers');
    values.push(r.value as number);
    if (!r.sure) unsureWhy = r;
  }
  if (values.length === 0) return refuse('invalid-numbers');
  if (input.maxItems !== undefined && values.length > input.maxItems)
    return refuse('number-out-of-range', { min: input.min ?? 0, max: input.max ?? '-' });
  return unsureWhy && unsureWhy.kind === 'value' && !unsureWhy.sure
    ? unsure(values, unsureWhy.why)
    : { kind: 'value', value: values, sure: true };
}
