import type { Content } from '../content/load';
import { numberOn } from '../content/parameters';
import { directionOf, type Translate } from '../i18n';
import { agentOutcomeLines, agentQuestionLines, type AgentLines } from './agent-lines';
import { optionLabelKey } from './answers';
import { decide, type Decision } from './decisions';
import type { Channel } from '../store/types';
import type { FlowEngine, Position, Question } from './engine';

/** What the bot says: the Message of PROTOCOL.md. */
export interface Message {
  type: 'question' | 'info' | 'outcome';
  node: string;
  procedure: string;
  field?: string;
  text: string;
  help?: string;
  input?: {
    kind: string;
    options?: { value: unknown; label: string }[];
    maxItems?: number;
    min?: number;
    max?: number;
    maxDate?: string;
    minDate?: string;
    maxLength?: number;
  };
  decision?: Decision;
  /** agent channel only: everything the agent reads or clicks, in French (./agent-lines) */
  agent?: AgentLines;
  lang: string;
  dir: 'ltr' | 'rtl';
  canGoBack: boolean;
  /** questions and outcomes: the session's turn, which an answer may name (PROTOCOL.md) */
  turn?: number;
}

export interface RenderContext {
  engine: FlowEngine;
  content: Content;
  t: Translate;
  /** French, the reference, for the agent's script */
  tFr: Translate;
  lang: string;
  channel: Channel;
  today: string;
  canGoBack: boolean;
  turn?: number;
}

const questionKey = (procedure: string, node: string) => `${procedure}:questions.${node}`;

export function renderInput(
  q: Question,
  procedure: string,
  node: string,
  ctx: Pick<RenderContext, 't' | 'today'> & { facts?: Record<string, unknown> },
): NonNullable<Message['input']> {
  const i = q.input;
  switch (i.kind) {
    case 'choice':
      return {
        kind: i.kind,
        options: i.options.map((value) => ({ value, label: ctx.t(optionLabelKey(i, procedure, node, value)) })),
      };
    case 'yesno':
      return {
        kind: i.kind,
        options: [
          { value: true, label: ctx.t('common:yes') },
          { value: false, label: ctx.t('common:no') },
        ],
      };
    case 'date': {
      const earliest = i.notBeforeFact ? ctx.facts?.[i.notBeforeFact] : undefined;
      const minDate = i.notBefore === 'today' ? ctx.today : typeof earliest === 'string' ? earliest : undefined;
      return {
        kind: i.kind,
        ...(i.notAfter === 'today' ? { maxDate: ctx.today } : {}),
        ...(minDate ? { minDate } : {}),
        // a one-tap answer for the usual case
        ...(i.suggestToday ? { options: [{ value: ctx.today, label: ctx.t('common:today') }] } : {}),
      };
    }
    case 'number':
      return {
        kind: i.kind,
        ...(i.min !== undefined ? { min: i.min } : {}),
        ...(i.max !== undefined ? { max: i.max } : {}),
      };
    case 'country':
      return { kind: i.kind };
    case 'numbers':
      return {
        kind: i.kind,
        min: i.min,
        max: i.max,
        maxItems: i.maxItems,
        options: [{ value: [], label: ctx.t('common:none') }],
      };
    case 'commune':
      return { kind: i.kind, options: [{ value: 'unknown', label: ctx.t('common:commune-unknown') }] };
    case 'text':
      return { kind: i.kind, maxLength: i.maxLength };
  }
}

/** A question's text, its placeholders filled from the parameters in force today. */
export function questionText(q: Question, key: string, ctx: Pick<RenderContext, 't' | 'content' | 'today'>): string {
  const values = Object.fromEntries(
    Object.entries(q.params ?? {}).map(([k, id]) => [k, numberOn(ctx.content, id, ctx.today)?.value ?? '?']),
  );
  return ctx.t(`${key}.text`, values);
}

/** The message for where the conversation stands: the question to answer, or the outcome with its decision. */
export function renderPosition(pos: Position, ctx: RenderContext): Message {
  const base = {
    node: pos.state.value,
    procedure: pos.procedure,
    lang: ctx.lang,
    dir: directionOf(ctx.lang),
    canGoBack: ctx.canGoBack,
    ...(ctx.turn !== undefined ? { turn: ctx.turn } : {}),
  };
  const q = ctx.engine.question(pos);
  if (q) {
    const key = questionKey(pos.procedure, pos.state.value);
    const help = ctx.t(`${key}.help`, { defaultValue: '' });
    return {
      type: 'question',
      ...base,
      field: q.field,
      text: questionText(q, key, ctx),
      ...(help ? { help } : {}),
      input: renderInput(q, pos.procedure, pos.state.value, { ...ctx, facts: pos.state.context }),
      ...(ctx.channel === 'agent' ? { agent: agentQuestionLines(q, key, pos, ctx) } : {}),
    };
  }
  const outcome = ctx.engine.outcome(pos);
  if (!outcome) throw new Error(`state ${pos.state.value} of ${pos.procedure} is neither a question nor an outcome`);
  return {
    type: 'outcome',
    ...base,
    text: ctx.t(`${pos.procedure}:outcomes.${outcome.id}.text`),
    decision: decisionAt(pos, ctx),
    ...(ctx.channel === 'agent' ? { agent: agentOutcomeLines(pos, outcome.id, ctx) } : {}),
  };
}

/** The decision at a position (an outcome): the procedure's rules on the facts collected, today. */
export const decisionAt = (
  pos: Position,
  ctx: Pick<RenderContext, 'engine' | 'content' | 't' | 'lang' | 'today'>,
): Decision => decide(ctx.engine.procedure(pos.procedure), pos.state.context, { ...ctx, asOf: ctx.today });

/** Said when triage hands over to a procedure, before its first question. */
export function handoverMessage(pos: Position, ctx: RenderContext): Message {
  const said = (t: Translate) => t('common:session.handover', { procedure: t(`${pos.procedure}:title`) });
  return {
    type: 'info',
    node: 'handover',
    procedure: pos.procedure,
    text: said(ctx.t),
    ...(ctx.channel === 'agent' ? { agent: { textFr: said(ctx.tFr), notes: [] } } : {}),
    lang: ctx.lang,
    dir: directionOf(ctx.lang),
    canGoBack: ctx.canGoBack,
  };
}
