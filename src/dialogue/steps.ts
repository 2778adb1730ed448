import type { Content } from '../content/load';
import { AppError } from '../errors';
import type { i18n } from 'i18next';
import { translator } from '../i18n';
import type { LastStep, SessionRecord, StoredAnswer } from '../store/types';
import { readYesNo } from '../understanding/yes-no';
import { wordsOf } from '../understanding/lexicon';
import type { Answer } from './answers';
import type { FlowEngine, Position, Question } from './engine';
import type { Message } from './messages';
import type { Renderer } from './renderer';
import { sayBack } from './say-back';
import { notPlacedMessage, switchLanguageMessage, urgentMessage } from './said';
import { languageOfText } from '../understanding/language';
import { digestOf, position, type Computed, type Sessions } from './sessions';
import { understand, type Understanding } from './understand';

type Result = { messages: Message[] };
/** Triage asks again once after words it cannot place; the second time, it refers and says what it can help with. */
const TRIAGE_MISSES = 2;

/**
 * The steps of a conversation: an answer (with its confirmation, "I don't know", urgent situations),
 * changing an earlier answer, back, restart. Each is computed on the loaded record and written with
 * compare-and-set (src/dialogue/sessions.ts).
 */
export class Steps {
  constructor(
    private readonly o: { engine: FlowEngine; content: Content; i18n: i18n; sessions: Sessions; renderer: Renderer },
  ) {}

  /**
   * One answer. An answer that names its question (node, turn) is checked against the current one: the
   * same answer sent again gets the same result, an answer to a question no longer current a conflict.
   * Without them, the turn seen when the answer arrived is the one it answers.
   */
  answerIn(record: SessionRecord, answer: Answer, seen: { turn: number; node: string }): Computed<Result> {
    const pos = position(record);
    const expected = {
      turn: answer.turn ?? seen.turn,
      node: answer.node ?? (answer.turn === undefined ? seen.node : undefined),
    };
    if (expected.turn !== record.turn || (expected.node !== undefined && expected.node !== pos.state.value)) {
      return this.repeatedOrStale(record, { kind: 'answer', ...expected, digest: digestOf(answer) });
    }
    const q = this.o.engine.question(pos);
    if (!q)
      throw new AppError('NO_QUESTION_PENDING', { lang: record.lang, messages: [this.o.renderer.render(record)] });
    const step: LastStep = {
      kind: 'answer',
      turn: record.turn,
      node: pos.state.value,
      procedure: pos.procedure,
      digest: digestOf(answer),
    };
    const pending = record.pending;
    if (pending?.kind === 'confirm') {
      const verdict = this.verdict(record, answer);
      if (verdict === true) return this.record(record, pos, q, pending.value, step, pending.text);
      const cleared = { ...record, pending: undefined };
      if (verdict === false) return this.written(cleared, { lastStep: step }, undefined);
      return this.answerAt(cleared, pos, q, answer, step, true);
    }
    return this.answerAt({ ...record, pending: undefined }, pos, q, answer, step, pending !== undefined);
  }

  /** A yes or no to "Did you mean …?": a button, or yes or no in words; anything else is a new answer. */
  private verdict(record: SessionRecord, answer: Answer): boolean | undefined {
    if ('value' in answer) return typeof answer.value === 'boolean' ? answer.value : undefined;
    const r = readYesNo(answer.text, wordsOf(this.o.content.lexicons[record.lang]!));
    return r.kind === 'value' && r.sure ? (r.value as boolean) : undefined;
  }

  private answerAt(
    record: SessionRecord,
    pos: Position,
    q: Question,
    answer: Answer,
    step: LastStep,
    changed: boolean,
  ): Computed<Result> {
    const u = understand(answer, q, pos, this.understandContext(record, pos));
    const render = this.o.renderer;
    switch (u.kind) {
      case 'urgent': {
        // Said at once; nothing is recorded, and the same question stays (its turn does not change).
        const messages = [
          ...u.situations.map((s) => urgentMessage(pos, s, render.context(record))),
          render.render(record),
        ];
        return changed ? { record, result: { messages } } : { unchanged: true, result: { messages } };
      }
      case 'refuse':
        return this.refused(record, pos, q, u, step, changed, answer);
      case 'unknown':
        return this.record(
          record,
          pos,
          q,
          undefined,
          step,
          'text' in answer ? this.say(record, pos, q, null) : undefined,
        );
      case 'choose':
      case 'confirm':
        return this.written({ ...record, pending: this.pendingOf(record, pos, q, u) }, { lastStep: step }, undefined);
      case 'record':
        return this.record(
          record,
          pos,
          q,
          u.value,
          step,
          u.said ? this.say(record, pos, q, u.value) : undefined,
          u.next,
        );
    }
  }

  private pendingOf(
    record: SessionRecord,
    pos: Position,
    q: Question,
    u: Extract<Understanding, { kind: 'choose' | 'confirm' }>,
  ) {
    if (u.kind === 'choose') return { kind: 'choose' as const, candidates: u.candidates };
    return { kind: 'confirm' as const, value: u.value, text: this.say(record, pos, q, u.value, u.given) };
  }

  /**
   * Not understood: the question again, with why. At triage, the second time, the referral and what the service
   * can help with (not when the words were in another language: the offer to switch comes first).
   */
  private refused(
    record: SessionRecord,
    pos: Position,
    q: Question,
    u: Extract<Understanding, { kind: 'refuse' }>,
    step: LastStep,
    changed: boolean,
    answer: Answer,
  ): Computed<Result> {
    const lang = record.lang;
    // written in another language the service speaks: the offer to switch to it, before the question again
    const other = 'text' in answer ? languageOfText(answer.text, this.o.content.languages) : undefined;
    const ctx = this.o.renderer.context(record);
    const offer = other && other !== lang ? [switchLanguageMessage(pos, other, ctx, this.o.content, this.o.i18n)] : [];
    const again = [...offer, this.o.renderer.render(record)];
    const error = new AppError('INVALID_ANSWER', {
      field: q.field,
      reason: u.reason,
      ...(u.values ? { values: u.values } : {}),
      lang,
      messages: again,
    });
    if (!(q.input.kind === 'choice' && q.input.procedures) || offer.length > 0) {
      if (changed) return { record, result: { messages: again }, fail: error };
      throw error;
    }
    const misses = (record.misses ?? 0) + 1;
    if (misses < TRIAGE_MISSES) return { record: { ...record, misses }, result: { messages: again }, fail: error };
    const referred = this.record(record, pos, q, 'other', step, undefined);
    if ('unchanged' in referred) return referred;
    const guided = this.o.engine.procedures.guided.map((p) => p.id);
    return {
      ...referred,
      result: {
        messages: [notPlacedMessage(pos, guided, this.o.renderer.context(record)), ...referred.result.messages],
      },
    };
  }

  /**
   * Records an answer (undefined: "I don't know", the fact stays absent) and moves on; `next`, where it leads, when
   * understanding it already computed that (on the same position and today).
   */
  private record(
    record: SessionRecord,
    pos: Position,
    q: Question,
    value: unknown,
    step: LastStep,
    said: string | undefined,
    next = this.o.engine.advance(
      pos,
      q.field,
      value,
      this.o.renderer.today({ procedure: pos.procedure, snapshot: pos.state }),
    ),
  ): Computed<Result> {
    const stored: StoredAnswer = {
      procedure: pos.procedure,
      node: pos.state.value,
      field: q.field,
      ...(value === undefined ? { unknown: true } : { value }),
    };
    const updated: SessionRecord = {
      ...record,
      procedure: next.procedure,
      snapshot: next.state,
      answers: [...record.answers, stored],
      turn: record.turn + 1,
      lastStep: { ...step, ...(said ? { said } : {}) },
      pending: undefined,
      misses: undefined,
    };
    return { record: updated, result: { messages: this.o.renderer.stepMessages(updated) } };
  }

  /** A write that keeps the position: a new turn, and what to say (by default, the question as it now stands). */
  private written(
    record: SessionRecord,
    extra: Partial<SessionRecord>,
    messages: Message[] | undefined,
  ): Computed<Result> {
    const updated = { ...record, ...extra, turn: record.turn + 1 };
    return { record: updated, result: { messages: messages ?? [this.o.renderer.render(updated)] } };
  }

  private say(
    record: SessionRecord,
    pos: Position,
    q: Question,
    value: unknown,
    given?: { value: number; unit: string },
  ) {
    const ctx = {
      t: translator(this.o.i18n, record.lang),
      lang: record.lang,
      procedure: pos.procedure,
      node: pos.state.value,
      content: this.o.content,
    };
    return sayBack(q, value, ctx, given);
  }

  understandContext(record: SessionRecord, pos: Position) {
    return {
      engine: this.o.engine,
      lexicon: this.o.content.lexicons[record.lang]!,
      otherLexicons: Object.entries(this.o.content.lexicons)
        .filter(([lang]) => lang !== record.lang)
        .map(([, lexicon]) => lexicon),
      lang: record.lang,
      t: translator(this.o.i18n, record.lang),
      today: this.o.renderer.today({ procedure: pos.procedure, snapshot: pos.state }),
      facts: pos.state.context,
      communes: this.o.content.communes,
    };
  }

  /**
   * A step that names a turn or node no longer current: the same step again (a double tap, a retry after a
   * lost acknowledgement) gets the same answer and changes nothing; anything else is a conflict, with the
   * current question.
   */
  repeatedOrStale(
    record: SessionRecord,
    step: { kind: LastStep['kind']; turn: number; node?: string; digest?: string },
  ): Computed<Result> {
    const last = record.lastStep;
    const same =
      last !== undefined &&
      last.kind === step.kind &&
      last.turn === step.turn &&
      last.turn === record.turn - 1 &&
      (step.node === undefined || last.node === step.node) &&
      last.digest === step.digest;
    if (same) return { unchanged: true, result: { messages: this.o.renderer.stepMessages(record) } };
    throw new AppError('STALE_ANSWER', { lang: record.lang, messages: [this.o.renderer.render(record)] });
  }
}
