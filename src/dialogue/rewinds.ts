import { AppError } from '../errors';
import type { SessionRecord, StoredAnswer } from '../store/types';
import type { Answer } from './answers';
import type { FlowEngine } from './engine';
import type { Message } from './messages';
import type { Renderer } from './renderer';
import { position, type Computed } from './sessions';
import type { Steps } from './steps';
import { understand } from './understand';

type Result = { messages: Message[] };

/** Going back in a conversation: one question back, to the start, or an earlier answer changed. */
export class Rewinds {
  constructor(private readonly o: { engine: FlowEngine; renderer: Renderer; steps: Steps }) {}

  /**
   * Back one question; a reading waiting to be confirmed is dropped first (back to the question it
   * answered, nothing undone). Given the turn it was pressed at, pressing it twice goes back once.
   */
  backIn(record: SessionRecord, at: { turn?: number }): Computed<Result> {
    const pos = position(record);
    if (at.turn !== undefined && at.turn !== record.turn)
      return this.o.steps.repeatedOrStale(record, { kind: 'back', turn: at.turn });
    const lastStep = { kind: 'back' as const, turn: record.turn, node: pos.state.value, procedure: pos.procedure };
    if (record.pending) {
      const updated = { ...record, pending: undefined, turn: record.turn + 1, lastStep };
      return { record: updated, result: { messages: [this.o.renderer.render(updated)] } };
    }
    if (record.answers.length === 0) {
      throw new AppError('NOTHING_TO_UNDO', { lang: record.lang, messages: [this.o.renderer.render(record)] });
    }
    const rewound = this.rewind(record, record.answers.slice(0, -1));
    return { record: { ...rewound.record, lastStep }, result: rewound.result };
  }

  restartIn(record: SessionRecord): Computed<Result> {
    return this.rewind(record, []);
  }

  /**
   * Changes answer number `index` (0-based, in order given); later answers that still apply are kept.
   * Free text must be read surely here: there is no confirmation in the middle of a change.
   */
  changeIn(record: SessionRecord, index: number, answer: Answer): Computed<Result> {
    const render = this.o.renderer;
    if (!record.answers[index]) {
      throw new AppError('INVALID_PAYLOAD', { field: 'index', lang: record.lang, messages: [render.render(record)] });
    }
    const at = this.o.engine.replay(record.startProcedure, record.answers.slice(0, index), render.today(record));
    const q = this.o.engine.question(at)!;
    const u = understand(answer, q, at, this.o.steps.understandContext(record, at));
    const again = { field: q.field, lang: record.lang, messages: [render.render(record, at)] };
    if (u.kind === 'refuse')
      throw new AppError('INVALID_ANSWER', { ...again, reason: u.reason, ...(u.values ? { values: u.values } : {}) });
    if (u.kind !== 'record' && u.kind !== 'unknown')
      throw new AppError('INVALID_ANSWER', { ...again, reason: 'common:answer.retype-clearly' });
    const changed: StoredAnswer = {
      procedure: at.procedure,
      node: at.state.value,
      field: q.field,
      ...(u.kind === 'unknown' ? { unknown: true } : { value: u.value }),
    };
    const { pos, answers } = this.o.engine.replayChanged(
      record.startProcedure,
      record.answers,
      index,
      changed,
      render.today(record),
    );
    const updated = {
      ...record,
      procedure: pos.procedure,
      snapshot: pos.state,
      answers,
      turn: record.turn + 1,
      lastStep: undefined,
      pending: undefined,
    };
    return { record: updated, result: { messages: [render.render(updated)] } };
  }

  private rewind(record: SessionRecord, answers: StoredAnswer[]): { record: SessionRecord; result: Result } {
    const pos = this.o.engine.replay(record.startProcedure, answers, this.o.renderer.today(record));
    const updated: SessionRecord = {
      ...record,
      procedure: pos.procedure,
      snapshot: pos.state,
      answers,
      turn: record.turn + 1,
      lastStep: undefined,
      pending: undefined,
      misses: undefined,
    };
    return { record: updated, result: { messages: [this.o.renderer.render(updated)] } };
  }
}
