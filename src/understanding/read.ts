import type { QuestionInput } from '../../flows/types';
import type { Communes } from '../content/communes';
import { readAges } from './ages';
import { namedOption, readChoice, type Option } from './choices';
import { readCommune } from './communes';
import { countriesNamed, readCountry } from './countries';
import { readDate, towardsOf } from './dates';
import type { Words } from './lexicon';
import { countIn, readNumber, type NumberUnit } from './numbers';
import { refuse, sure, unsure, type Reading } from './reading';
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
  /** the other languages' words: an amount whose period or currency is written in one of them is read in it */
  elsewhere?: readonly Words[];
  /** the question's procedure and node: its echoes (yes/no) and the options countries pick, from the lexicon */
  at?: { procedure: string; node: string };
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
      return input.procedures ? readTriage(text, ctx) : readOption(text, ctx);
    case 'yesno':
      return readYesNo(text, w, echoesAt(ctx));
    case 'date':
      return readDate(text, w, { today: ctx.today, towards: towardsOf(input) }, (t) => countIn(t, w));
    case 'number':
      return readNumber(
        text,
        w,
        { ...input, ...(ctx.unit ? { unit: ctx.unit } : {}), today: ctx.today },
        ctx.elsewhere,
      );
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

/** The words of a yes/no question that answer it by echoing it: options "true" and "false" in the lexicon. */
function echoesAt(ctx: ReadContext) {
  const words = ctx.at && ctx.words.procedures[ctx.at.procedure]?.options[ctx.at.node];
  return words ? { true: words['true'] ?? [], false: words['false'] ?? [] } : undefined;
}

/**
 * A choice: its option in words, else the option a country named picks where the lexicon says so ("je suis au
 * Maroc" is abroad: any country but France), confirmed.
 */
function readOption(text: string, ctx: ReadContext): Reading {
  const read = readChoice(text, ctx.options ?? [], ctx.words);
  const byCountry = ctx.at && ctx.words.procedures[ctx.at.procedure]?.countryOptions[ctx.at.node];
  if (read.kind !== 'refuse' || !byCountry) return read;
  const picked = [
    ...new Set(countriesNamed(text, ctx.words, ctx.lang).map((code) => byCountry[code] ?? byCountry['other'])),
  ].filter((o): o is string => o !== undefined);
  if (picked.length === 0) return read;
  return picked.length === 1 ? unsure(picked[0], 'partial') : { kind: 'choose', candidates: picked };
}

/**
 * Triage: an option named as such (a procedure's is a hand-over, confirmed), else the procedure the words point
 * to, else "something else" in words ("je ne sais pas"): procedure cues are read before "I don't know" words, so
 * that "لا اعرف كيف ارجع لبلدي" (I don't know how to go back) is return aid.
 */
function readTriage(text: string, ctx: ReadContext): Reading {
  const options = ctx.options ?? [];
  const named = namedOption(text, options);
  if (named?.kind === 'value') return named.value === 'other' ? sure('other') : unsure(named.value, 'partial');
  if (named) return named;
  const need = readNeed(
    text,
    options.filter((o) => o.value !== 'other').map((o) => o.value),
    ctx.words,
  );
  if (need) return need;
  const other = readChoice(
    text,
    options.filter((o) => o.value === 'other'),
    ctx.words,
  );
  return other.kind === 'refuse' ? refuse('invalid-need') : other;
}
