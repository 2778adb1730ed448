import type { Content } from '../content/load';
import { intlLocale } from '../languages';
import { numberOn } from '../content/parameters';
import { formatNumber } from '../format';
import type { Translate } from '../i18n';
import type { Decision } from './decisions';
import type { Position, Question } from './engine';
import { decisionAt, questionText, renderInput, type RenderContext } from './messages';

/**
 * What the agent channel adds to a message, all in French (the agent's language and the reference text), whatever the
 * caller's language: the line to read, the options as the agent clicks them, notes in words (never a fact's code name),
 * and for an outcome the decision in French beside the caller's.
 */
export interface AgentLines {
  textFr: string;
  helpFr?: string;
  notes: string[];
  /** the question's options in French, in the same order and with the same values as `input.options` */
  options?: { value: unknown; label: string }[];
  /** an outcome: the decision in French */
  decision?: Decision;
}

/** For a question: the French line, the options in French, and notes (what to read out, the thresholds in force). */
export function agentQuestionLines(q: Question, key: string, pos: Position, ctx: RenderContext): AgentLines {
  const fr = { ...ctx, t: ctx.tFr, lang: 'fr' };
  const helpFr = ctx.tFr(`${key}.help`, { defaultValue: '' });
  const input = renderInput(q, pos.procedure, pos.state.value, { ...fr, facts: pos.state.context });
  const options = input.options ?? [];
  return {
    textFr: questionText(q, key, fr),
    ...(helpFr ? { helpFr } : {}),
    notes: questionNotes(
      q,
      options.map((o) => o.label),
      fr,
    ),
    ...(options.length ? { options } : {}),
  };
}

/** For an outcome: its sentence (the text key) and its decision in French. */
export function agentOutcomeLines(pos: Position, textKey: string, ctx: RenderContext): AgentLines {
  return {
    textFr: ctx.tFr(textKey),
    notes: [],
    decision: decisionAt(pos, { ...ctx, t: ctx.tFr, lang: 'fr' }),
  };
}

/**
 * Notes on a question for whoever reads it out (the agent's console, the printable script), in `t`'s language: the
 * choices to read, what kind of answer is expected, the thresholds in force today with their texts. No fact names.
 */
export function questionNotes(
  q: Question,
  optionLabels: string[],
  ctx: { t: Translate; lang: string; content: Content; today: string },
): string[] {
  const { t } = ctx;
  const notes = [
    q.input.kind === 'choice'
      ? t('common:agent.read-options', { options: optionLabels.join(' ; ') })
      : t(`common:agent.kind.${q.input.kind}`),
  ];
  for (const id of q.thresholds ?? []) {
    const v = numberOn(ctx.content, id, ctx.today);
    if (!v) continue;
    const reference = ctx.content.references.get(v.period.reference);
    notes.push(
      t('common:agent.threshold', {
        value: formatNumber(v.value, intlLocale(ctx.content, ctx.lang)),
        reference: reference ? (reference.title[ctx.lang] ?? reference.title.fr) : '',
      }),
    );
  }
  return notes;
}
