import type { i18n } from 'i18next';
import type { Clock } from '../clock';
import type { Content } from '../content/load';
import { translator } from '../i18n';
import type { SessionRecord } from '../store/types';
import type { FlowEngine, Position } from './engine';
import { handoverMessage, renderPosition, type Message, type RenderContext } from './messages';
import { understoodMessage } from './said';
import { position } from './sessions';
import { todayFor } from './today';

/** Turns a session record into what the bot says, in the session's language and channel, on the server's today. */
export class Renderer {
  constructor(
    readonly engine: FlowEngine,
    readonly content: Content,
    private readonly i18n: i18n,
    private readonly clock: Clock,
  ) {}

  /** The person's today: in the calendar of the facts of the procedure they are in. */
  today(record: Pick<SessionRecord, 'procedure' | 'snapshot'>): string {
    return todayFor(this.clock, this.engine.procedure(record.procedure), record.snapshot.context);
  }

  context(record: SessionRecord): RenderContext {
    return {
      engine: this.engine,
      content: this.content,
      t: translator(this.i18n, record.lang),
      tFr: translator(this.i18n, 'fr'),
      lang: record.lang,
      channel: record.channel,
      today: this.today(record),
      canGoBack: record.answers.length > 0,
      turn: record.turn,
      ...(record.pending ? { pending: record.pending } : {}),
    };
  }

  /** Where the conversation stands: the question (or the reading to confirm), or the outcome. */
  render(record: SessionRecord, pos: Position = position(record)): Message {
    return renderPosition(pos, this.context(record));
  }

  /**
   * What the last step says, the same each time it is asked (a repeat is answered with it): what was
   * understood of free text, the hand-over when it moved to another procedure, then where it stands.
   */
  stepMessages(record: SessionRecord): Message[] {
    const pos = position(record);
    const ctx = this.context(record);
    const last = record.lastStep;
    const out: Message[] = [];
    const answered = last?.kind === 'answer' ? record.answers.at(-1) : undefined;
    if (last?.said && answered) {
      out.push(
        understoodMessage(
          { procedure: last.procedure, state: { value: last.node, context: {} } },
          answered.field,
          answered.value ?? null,
          last.said,
          ctx,
        ),
      );
    }
    if (last?.kind === 'answer' && last.procedure !== record.procedure) out.push(handoverMessage(pos, ctx));
    out.push(renderPosition(pos, ctx));
    return out;
  }
}
