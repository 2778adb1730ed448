import type { Content } from '../content/load';
import { numberOn } from '../content/parameters';
import type { Translate } from '../i18n';
import { directionOf, isMachineTranslated } from '../languages';
import { agentOutcomeLines, agentQuestionLines, type AgentLines } from './agent-lines';
import { optionLabelKey } from './answers';
import { decide, type Decision } from './decisions';
import type { Channel, Pending } from '../store/types';
import { sayBack } from './say-back';
import type { FlowEngine, Position, Question } from './engine';

/** What the bot says: the Message of PROTOCOL.md, with the additions of docs/protocol-additions.md. */
export interface Message {
  type: 'question' | 'info' | 'outcome' | 'understood';
  node: string;
  procedure: string;
  field?: string;
  /** understood: the value recorded from free text */
  value?: unknown;
  text: string;
  help?: string;
  input?: {
    kind: string;
    /** `unknown`: the "I don't know" answer (value null) */
    options?: { value: unknown; label: string; unknown?: boolean }[];
    maxItems?: number;
    min?: number;
    max?: number;
    maxDate?: string;
    minDate?: string;
    maxLength?: number;
  };
  decision?: Decision;
  /** a confirm question: the reading it asks about */
  understood?: { field: string; value: unknown; text: string };
  /** free text in another language the service speaks: the offer to switch to it (PATCH /sessions/:id, lang:set) */
  switchLanguage?: { lang: string; name: string };
  /** an urgent situation recognised in the person's words, with whom to call, before anything else */
  urgent?: {
    situation: string;
    contacts: { id: string; name: string; number?: string; text: string }[];
    leaveQuickly: boolean;
  };
  /** an outcome in a language whose translation is not reviewed: the French reference beside it */
  french?: { text: string; decision: Decision };
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
  /** a reading waiting to be confirmed, or candidates to choose from, at the current question */
  pending?: Pending;
}

const questionKey = (procedure: string, node: string) => `${procedure}:questions.${node}`;

export function renderInput(
  q: Question,
  procedure: string,
  node: string,
  ctx: Pick<RenderContext, 't' | 'today'> & { facts?: Record<string, unknown> },
): NonNullable<Message['input']> {
  const input = baseInput(q, procedure, node, ctx);
  // "I don't know" is an answer at every question (triage has its own "something else, or I don't know").
  const ownUnknown =
    (q.input.kind === 'choice' && q.input.procedures) || q.input.kind === 'commune' || q.input.kind === 'text';
  if (ownUnknown) return input;
  return {
    ...input,
    options: [...(input.options ?? []), { value: null, label: ctx.t('common:dont-know'), unknown: true }],
  };
}

function baseInput(
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
  // without placeholders, the text of the key alone, which the translator keeps
  if (!q.params) return ctx.t(`${key}.text`);
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
    dir: directionOf(ctx.content, ctx.lang),
    canGoBack: ctx.canGoBack,
    ...(ctx.turn !== undefined ? { turn: ctx.turn } : {}),
  };
  const q = ctx.engine.question(pos);
  if (q) {
    const key = questionKey(pos.procedure, pos.state.value);
    const help = ctx.t(`${key}.help`, { defaultValue: '' });
    const question: Message = {
      type: 'question',
      ...base,
      field: q.field,
      text: questionText(q, key, ctx),
      ...(help ? { help } : {}),
      input: renderInput(q, pos.procedure, pos.state.value, { ...ctx, facts: pos.state.context }),
      ...(ctx.channel === 'agent' ? { agent: agentQuestionLines(q, key, pos, ctx) } : {}),
    };
    return ctx.pending ? pendingQuestion(question, q, pos, ctx) : question;
  }
  const outcome = ctx.engine.outcome(pos);
  if (!outcome) throw new Error(`state ${pos.state.value} of ${pos.procedure} is neither a question nor an outcome`);
  const outcomeKey = `${outcome.shared ? 'common' : pos.procedure}:outcomes.${outcome.id}.text`;
  return {
    type: 'outcome',
    ...base,
    text: ctx.t(outcomeKey),
    decision: decisionAt(pos, ctx),
    ...(ctx.channel === 'agent' ? { agent: agentOutcomeLines(pos, outcomeKey, ctx) } : {}),
    ...(ctx.channel !== 'agent' && isMachineTranslated(ctx.content, ctx.lang)
      ? { french: { text: ctx.tFr(outcomeKey), decision: decisionAt(pos, { ...ctx, t: ctx.tFr, lang: 'fr' }) } }
      : {}),
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
    dir: directionOf(ctx.content, ctx.lang),
    canGoBack: ctx.canGoBack,
  };
}

/**
 * The question while a reading waits: "Did you mean …?" with yes and no, or the same question with the
 * candidates to choose from (a name that fits several countries, several towns, several choices).
 */
function pendingQuestion(question: Message, q: Question, pos: Position, ctx: RenderContext): Message {
  const pending = ctx.pending!;
  const say = { t: ctx.t, lang: ctx.lang, procedure: pos.procedure, node: pos.state.value, content: ctx.content };
  if (pending.kind === 'choose') {
    const options = pending.candidates.map((value) => ({ value, label: sayBack(q, value, say) }));
    return {
      ...question,
      text: `${ctx.t('common:choose.which')} ${question.text}`,
      input: { ...question.input!, options },
    };
  }
  const yesNo = [
    { value: true, label: ctx.t('common:yes') },
    { value: false, label: ctx.t('common:no') },
  ];
  const { help: _help, ...rest } = question;
  return {
    ...rest,
    text: ctx.t('common:confirm.question', { text: pending.text }),
    input: { kind: 'confirm', options: yesNo },
    understood: { field: q.field, value: pending.value, text: pending.text },
  };
}
