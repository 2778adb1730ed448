import type { QuestionInput } from '../../flows/types';
import type { Communes } from '../content/communes';
import { readAges } from './ages';
import { readChoice, type Option } from './choices';
import { readCommune } from './communes';
import { readCountry } from './countries';
import { readDate, towardsOf } from './dates';
import type { Words } from './lexicon';
import { countIn, readNumber, type NumberUnit } from './numbers';
import { refuse, unsure, type Reading } from './reading';
import { readNeed } from './triage';
import { readYesNo, saysDontKnow } from './yes-no';

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
      return readNumber(text, w, { ...input, ...(ctx.unit ? { unit: ctx.unit } : {}), today: ctx.today });
    case 'numbers':
      return readAges(text, w, input, ctx.today);
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
