import type { Lexicon } from '../content/load';
import type { UrgentSituation } from '../content/schemas';
import type { Translate } from '../i18n';
import type { Option } from '../understanding/choices';
import type { Uncertainty } from '../understanding/reading';
import { readText } from '../understanding/read';
import { urgentSituationsIn } from '../understanding/urgent';
import { wordsOf } from '../understanding/lexicon';
import { checkValue, optionLabelKey, type Answer, type CheckContext } from './answers';
import type { FlowEngine, Position, Question } from './engine';

/** What the dialogue does with an answer: record it, confirm it first, ask which, or say the urgent help first. */
export type Understanding =
  | { kind: 'urgent'; situations: UrgentSituation[] }
  /**
   * `said`: read from free text, so said back before the next question. `next`: where recording it leads, when
   * it had to be computed to know whether the value is decisive (the step then does not compute it again)
   */
  | { kind: 'record'; value: unknown; said: boolean; next?: Position & { handedOverFrom?: string } }
  | { kind: 'unknown' }
  | { kind: 'confirm'; value: unknown; why: Uncertainty | 'decisive'; given?: { value: number; unit: string } }
  | { kind: 'choose'; candidates: unknown[] }
  | { kind: 'refuse'; reason: string; values?: Record<string, string | number> };

export interface UnderstandContext extends CheckContext {
  engine: FlowEngine;
  lexicon: Lexicon;
  lang: string;
  t: Translate;
  /** the other languages' lexicons, in which an amount's period or currency may be written */
  otherLexicons?: readonly Lexicon[];
}

/**
 * An answer at the question of a position. A typed value is checked and taken as it is (`null`: "I don't
 * know"). Free text is first searched for an urgent situation, then read; a reading that is uncertain, or
 * decisive (it ends the procedure adversely), is confirmed before it is recorded: a wrong silent reading
 * is worse than a question.
 */
export function understand(answer: Answer, q: Question, pos: Position, ctx: UnderstandContext): Understanding {
  // a town not known yet has its own value: the rules then give the surface for every zone
  const unknown: Understanding =
    q.input.kind === 'commune' ? { kind: 'record', value: 'unknown', said: 'text' in answer } : { kind: 'unknown' };
  if ('value' in answer) {
    if (answer.value === null) return unknown;
    const checked = checkValue(q.input, answer.value, ctx);
    return checked.ok
      ? { kind: 'record', value: checked.value, said: false }
      : { kind: 'refuse', reason: checked.reason, ...(checked.values ? { values: checked.values } : {}) };
  }
  const words = wordsOf(ctx.lexicon);
  const situations = urgentSituationsIn(answer.text, words);
  if (situations.length > 0) return { kind: 'urgent', situations };
  const unit = q.input.kind === 'number' ? q.input.unit : undefined;
  const reading = readText(q.input, answer.text, {
    words,
    lang: ctx.lang,
    today: ctx.today,
    communes: ctx.communes,
    ...(ctx.otherLexicons ? { elsewhere: ctx.otherLexicons.map(wordsOf) } : {}),
    at: { procedure: pos.procedure, node: pos.state.value },
    ...(q.input.kind === 'choice' ? { options: optionsOf(q, pos, ctx) } : {}),
    ...(unit ? { unit } : {}),
  });
  switch (reading.kind) {
    case 'unknown':
      return unknown;
    case 'refuse':
      return { kind: 'refuse', reason: reading.reason, ...(reading.values ? { values: reading.values } : {}) };
    case 'choose': {
      const candidates = reading.candidates.filter((c) => checkValue(q.input, c, ctx).ok);
      return candidates.length > 0
        ? { kind: 'choose', candidates }
        : { kind: 'refuse', reason: 'common:answer.invalid-choice' };
    }
    case 'value': {
      const checked = checkValue(q.input, reading.value, ctx);
      if (!checked.ok)
        return { kind: 'refuse', reason: checked.reason, ...(checked.values ? { values: checked.values } : {}) };
      if (!reading.sure)
        return {
          kind: 'confirm',
          value: checked.value,
          why: reading.why,
          ...(reading.given ? { given: reading.given } : {}),
        };
      const next = ctx.engine.advance(pos, q.field, checked.value, ctx.today);
      if (decisive(next, ctx)) return { kind: 'confirm', value: checked.value, why: 'decisive' };
      return { kind: 'record', value: checked.value, said: true, next };
    }
  }
}

/** A choice question's options as the reader sees them: labels in the session's language, words from the lexicon. */
function optionsOf(q: Question, pos: Position, ctx: UnderstandContext): Option[] {
  if (q.input.kind !== 'choice') return [];
  const input = q.input;
  const words = wordsOf(ctx.lexicon).procedures[pos.procedure]?.options[pos.state.value] ?? {};
  return input.options.map((value) => ({
    value,
    label: ctx.t(optionLabelKey(input, pos.procedure, pos.state.value, value)),
    cues: words[value] ?? [],
  }));
}

/**
 * Whether recording a value, which leads there, would end the procedure at once, ineligible or referred: then it is
 * confirmed first.
 */
function decisive(next: Position & { handedOverFrom?: string }, ctx: UnderstandContext): boolean {
  if (next.handedOverFrom || !ctx.engine.outcome(next)) return false;
  const status = ctx.engine
    .procedure(next.procedure)
    .evaluate(next.state.context, { asOf: ctx.today, content: ctx.engine.content }).status;
  return status === 'ineligible' || status === 'refer';
}
