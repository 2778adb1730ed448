import type { i18n } from 'i18next';
import { todayIn, type Clock } from '../clock';
import type { Content } from '../content/load';
import { AppError } from '../errors';
import { translator } from '../i18n';
import type { Channel, SessionRecord, SessionStore } from '../store/types';
import type { Answer } from './answers';
import { decide, type Decision } from './decisions';
import type { FlowEngine } from './engine';
import type { Message } from './messages';
import { Renderer } from './renderer';
import { Rewinds } from './rewinds';
import { buildScript, type Script } from './script';
import { position, Sessions, type Computed, type Lifetimes } from './sessions';
import { Steps } from './steps';
import { summaryOf, view, type SessionView, type Summary } from './summary';
import { todayFor } from './today';
import { hashToken, newSessionId, newToken } from './tokens';

export type { SessionView, Summary } from './summary';

interface DialogueEvents {
  started(procedure: string, channel: Channel): void;
  finished(procedure: string, outcome: string, status: string): void;
}

export interface DialogueOptions extends Lifetimes {
  store: SessionStore;
  engine: FlowEngine;
  content: Content;
  i18n: i18n;
  clock: Clock;
  events?: DialogueEvents;
}

type Result = { messages: Message[] };

/**
 * Sessions: start, answer, back, restart, change an answer or the language, current state, summary,
 * erase; and decisions and scripts without a session. One step = load, compute, compare-and-set, say.
 */
export class DialogueService {
  private readonly scripts = new Map<string, Script>();
  private readonly sessions: Sessions;
  private readonly renderer: Renderer;
  private readonly steps: Steps;
  private readonly rewinds: Rewinds;

  constructor(private readonly o: DialogueOptions) {
    this.sessions = new Sessions(o.store, o.clock, o);
    this.renderer = new Renderer(o.engine, o.content, o.i18n, o.clock);
    this.steps = new Steps({
      engine: o.engine,
      content: o.content,
      i18n: o.i18n,
      sessions: this.sessions,
      renderer: this.renderer,
    });
    this.rewinds = new Rewinds({ engine: o.engine, renderer: this.renderer, steps: this.steps });
  }

  hasProcedure(procedure: string): boolean {
    return this.o.engine.has(procedure);
  }

  async start(input: {
    procedure: string;
    lang: string;
    channel: Channel;
  }): Promise<{ session: SessionView & { token: string }; messages: Message[] }> {
    if (!this.o.engine.has(input.procedure)) throw new AppError('UNKNOWN_PROCEDURE', { lang: input.lang });
    const token = newToken();
    const now = this.o.clock.now();
    const pos = this.o.engine.start(input.procedure);
    const record: SessionRecord = {
      id: newSessionId(),
      tokenHash: hashToken(token),
      startProcedure: input.procedure,
      procedure: pos.procedure,
      lang: input.lang,
      channel: input.channel,
      snapshot: pos.state,
      answers: [],
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      expiresAt: this.sessions.expiry(input.channel, now, now),
      version: 1,
      turn: 1,
    };
    await this.sessions.create(record);
    this.o.events?.started(input.procedure, input.channel);
    return { session: { ...view(record), token }, messages: [this.renderer.render(record)] };
  }

  /** The session if the token is right; 404 otherwise (existence is not disclosed), 410 once if it has expired. */
  load(id: string, token: string | undefined): Promise<SessionRecord> {
    return this.sessions.load(id, token);
  }

  async current(id: string, token: string | undefined) {
    const record = await this.sessions.load(id, token);
    return { session: view(record), facts: record.snapshot.context, messages: [this.renderer.render(record)] };
  }

  /** One answer (src/dialogue/steps.ts): recorded, confirmed first, "I don't know", or urgent help first. */
  answer(id: string, token: string | undefined, answer: Answer): Promise<Result> {
    let seen: { turn: number; node: string } | undefined;
    return this.step(id, token, (record) => {
      seen ??= { turn: record.turn, node: record.snapshot.value };
      return this.steps.answerIn(record, answer, seen);
    });
  }

  /** Changes answer number `index` (0-based, in order given); later answers that still apply are kept. */
  changeAnswer(id: string, token: string | undefined, index: number, answer: Answer): Promise<Result> {
    return this.step(id, token, (record) => this.rewinds.changeIn(record, index, answer));
  }

  back(id: string, token: string | undefined, at: { turn?: number } = {}): Promise<Result> {
    return this.step(id, token, (record) => this.rewinds.backIn(record, at));
  }

  restart(id: string, token: string | undefined): Promise<Result> {
    return this.step(id, token, (record) => this.rewinds.restartIn(record));
  }

  setLanguage(id: string, token: string | undefined, lang: string): Promise<Result> {
    return this.step(id, token, (record) => {
      const updated = { ...record, lang };
      return { record: updated, result: { messages: [this.renderer.render(updated)] } };
    });
  }

  /**
   * The answers and the decision; in another language than the session's when `lang` is given (the French beside a
   * translation).
   */
  async summary(id: string, token: string | undefined, lang?: string): Promise<Summary> {
    const loaded = await this.sessions.load(id, token);
    return summaryOf(lang ? { ...loaded, lang } : loaded, this.renderer);
  }

  erase(id: string, token: string | undefined): Promise<void> {
    return this.sessions.erase(id, token);
  }

  /** Deletes every expired session (called on a timer). */
  sweep(): Promise<number> {
    return this.sessions.sweep();
  }

  /** The question again, for a transport that refused the input before a step (bad JSON, wrong types). */
  async questionAgain(id: string, token: string | undefined): Promise<Message[] | undefined> {
    const record = await this.sessions.peek(id, token);
    return record ? [this.renderer.render(record, position(record))] : undefined;
  }

  /**
   * What a procedure's rules decide from facts given directly (POST /evaluate), on `asOf` or today,
   * in a language: the same path as an outcome in a conversation. Invalid facts are INVALID_FACTS.
   */
  evaluate(procedureId: string, facts: unknown, o: { asOf?: string; lang: string }): Decision {
    const procedure = this.o.engine.procedure(procedureId);
    const parsed = procedure.factsSchema.safeParse(facts);
    if (!parsed.success) {
      throw new AppError('INVALID_FACTS', { field: parsed.error.issues[0]?.path.join('.') || undefined, lang: o.lang });
    }
    const asOf = o.asOf ?? todayFor(this.o.clock, procedure, parsed.data);
    return decide(procedure, parsed.data, {
      content: this.o.content,
      t: translator(this.o.i18n, o.lang),
      lang: o.lang,
      asOf,
    });
  }

  /** The whole flow as a script for agents; walking a flow takes a moment, so one per procedure, language and day. */
  script(procedureId: string, lang: string): Script {
    const today = todayIn(this.o.clock);
    const key = `${procedureId}|${lang}|${today}`;
    let script = this.scripts.get(key);
    if (!script) {
      if (this.scripts.size > 50) this.scripts.clear();
      script = buildScript(this.o.engine, this.o.content, procedureId, translator(this.o.i18n, lang), lang, today);
      this.scripts.set(key, script);
    }
    return script;
  }

  private step(
    id: string,
    token: string | undefined,
    compute: (record: SessionRecord) => Computed<Result>,
  ): Promise<Result> {
    return this.sessions.step(id, token, compute, (record, result) => this.noteOutcome(record, result.messages));
  }

  private noteOutcome(record: SessionRecord, messages: Message[]) {
    const last = messages[messages.length - 1];
    if (last?.type === 'outcome' && last.decision)
      this.o.events?.finished(record.procedure, last.node, last.decision.status);
  }
}
