import type { Decision } from './decisions';
import { decisionAt, questionText, renderInput, type Message } from './messages';
import type { Renderer } from './renderer';
import { sayBack } from './say-back';
import { position } from './sessions';
import type { SessionRecord, Channel } from '../store/types';

export interface SessionView {
  id: string;
  procedure: string;
  lang: string;
  channel: Channel;
  expiresAt: string;
}

interface SummaryAnswer {
  procedure: string;
  node: string;
  field: string;
  question: string;
  /** absent when the answer was "I don't know" */
  value?: unknown;
  answer: string;
  /** the question's input in the summary's language, so a page can offer to change the answer */
  input?: Message['input'];
}

export interface Summary {
  session: SessionView;
  answers: SummaryAnswer[];
  decision?: Decision;
  generatedOn: string;
}

export const view = (r: SessionRecord): SessionView => ({
  id: r.id,
  procedure: r.procedure,
  lang: r.lang,
  channel: r.channel,
  expiresAt: r.expiresAt,
});

/** The answers as asked and said back, and the decision when the conversation has reached one. */
export function summaryOf(record: SessionRecord, renderer: Renderer): Summary {
  const ctx = renderer.context(record);
  const pos = position(record);
  const answers = record.answers.map((a): SummaryAnswer => {
    const q = renderer.engine.question({ procedure: a.procedure, state: { value: a.node, context: {} } });
    const key = `${a.procedure}:questions.${a.node}`;
    const say = { t: ctx.t, lang: ctx.lang, procedure: a.procedure, node: a.node, content: renderer.content };
    return {
      procedure: a.procedure,
      node: a.node,
      field: a.field,
      question: q ? questionText(q, key, ctx) : ctx.t(`${key}.text`),
      ...(a.unknown ? {} : { value: a.value }),
      answer: q ? sayBack(q, a.unknown ? null : a.value, say) : String(a.value),
      ...(q ? { input: renderInput(q, a.procedure, a.node, ctx) } : {}),
    };
  });
  const finished = renderer.engine.outcome(pos) !== undefined;
  return {
    session: view(record),
    answers,
    ...(finished ? { decision: decisionAt(pos, ctx) } : {}),
    generatedOn: ctx.today,
  };
}
