import { createHash } from 'node:crypto';
import type { i18n } from 'i18next';
import { todayIn, type Clock } from '../clock';
import { buildScript, type Script } from './script';
import type { Content } from '../content/load';
import { AppError } from '../errors';
import { formatDate, translator } from '../i18n';
import { decide, type Decision } from './decisions';
import { todayFor } from './today';
import type { Channel, LastStep, SessionRecord, SessionStore, StoredAnswer } from '../store/types';
import { parseAnswer, type Answer } from './answers';
import type { FlowEngine, Position, Question } from './engine';
import { countryName } from './countries';
import {
  decisionAt,
  handoverMessage,
  questionText,
  renderInput,
  renderPosition,
  type Message,
  type RenderContext,
} from './messages';
import { hashToken, newSessionId, newToken, tokenMatches } from './tokens';

export interface SessionView {
  id: string;
  procedure: string;
  lang: string;
  channel: Channel;
  expiresAt: string;
}

export interface SummaryAnswer {
  procedure: string;
  node: string;
  field: string;
  question: string;
  value: unknown;
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

export interface DialogueEvents {
  started(procedure: string, channel: Channel): void;
  finished(procedure: string, outcome: string, status: string): void;
}

export interface DialogueOptions {
  store: SessionStore;
  engine: FlowEngine;
  content: Content;
  i18n: i18n;
  clock: Clock;
  /** session lifetime after the last message, per channel, in seconds */
  ttlSeconds: Record<Channel, number>;
  /** the longest a session of a channel may live from its start, however active (kiosks), in seconds */
  maxAgeSeconds?: Partial<Record<Channel, number>>;
  events?: DialogueEvents;
}

const CAS_ATTEMPTS = 3;

/** What a step computes: the record to write and what to answer, or only what to answer (a repeated step). */
type Computed<R> = { record: SessionRecord; result: R } | { unchanged: true; result: R };

/** A digest of an answer as sent, to recognise the same answer sent twice. */
const digestOf = (answer: Answer): string =>
  createHash('sha256')
    .update(JSON.stringify('text' in answer ? { text: answer.text } : { value: answer.value }))
    .digest('base64url')
    .slice(0, 22);

/**
 * Sessions: start, answer, back, restart, change language, current state, summary, erase.
 * One turn = load, check, transition, save (compare-and-set on the version), render.
 */
export class DialogueService {
  private readonly scripts = new Map<string, Script>();

  constructor(private readonly o: DialogueOptions) {}

  get languages(): readonly string[] {
    return this.o.content.languages;
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
      expiresAt: this.expiry(input.channel, now, now),
      version: 1,
      turn: 1,
    };
    await this.o.store.create(record);
    this.o.events?.started(input.procedure, input.channel);
    return { session: { ...view(record), token }, messages: [this.render(record, pos)] };
  }

  /** The session if the token is right; 404 otherwise (existence is not disclosed), 410 once if it has expired. */
  async load(id: string, token: string | undefined): Promise<SessionRecord> {
    const record = await this.o.store.get(id);
    if (!record || !token || !tokenMatches(token, record.tokenHash)) throw new AppError('SESSION_NOT_FOUND');
    if (record.expiresAt <= this.o.clock.now().toISOString()) {
      await this.o.store.delete(id);
      throw new AppError('SESSION_EXPIRED', { lang: record.lang });
    }
    // Sessions written before turns existed count from 1.
    return { ...record, turn: record.turn ?? 1 };
  }

  async current(id: string, token: string | undefined) {
    const record = await this.load(id, token);
    return { session: view(record), facts: record.snapshot.context, messages: [this.render(record, position(record))] };
  }

  /**
   * One answer. An answer that names its question (node, turn) is checked against the current one: the
   * same answer sent again gets the same result, an answer to a question no longer current a conflict.
   * Without them, the turn seen when the answer arrived is the one it answers: if another write changed
   * the question meanwhile, the answer is not recorded against a question nobody saw.
   */
  async answer(id: string, token: string | undefined, answer: Answer): Promise<{ messages: Message[] }> {
    let seen: { turn: number; node: string } | undefined;
    return this.turn(
      id,
      token,
      (record) => {
        const pos = position(record);
        seen ??= { turn: record.turn, node: pos.state.value };
        const expected = {
          turn: answer.turn ?? seen.turn,
          node: answer.node ?? (answer.turn === undefined ? seen.node : undefined),
        };
        if (expected.turn !== record.turn || (expected.node !== undefined && expected.node !== pos.state.value)) {
          return this.repeatedOrStale(record, { kind: 'answer', ...expected, digest: digestOf(answer) });
        }
        const question = this.o.engine.question(pos);
        if (!question)
          throw new AppError('NO_QUESTION_PENDING', { lang: record.lang, messages: [this.render(record, pos)] });
        const today = this.today(record);
        const parsed = this.read(record, pos, question, answer);
        if (!parsed.ok) {
          throw new AppError('INVALID_ANSWER', {
            field: question.field,
            reason: parsed.reason,
            values: parsed.values,
            lang: record.lang,
            messages: [this.render(record, pos)],
          });
        }
        const next = this.o.engine.advance(pos, question.field, parsed.value, today);
        const stored: StoredAnswer = {
          procedure: pos.procedure,
          node: pos.state.value,
          field: question.field,
          value: parsed.value,
        };
        const updated: SessionRecord = {
          ...record,
          procedure: next.procedure,
          snapshot: next.state,
          answers: [...record.answers, stored],
          turn: record.turn + 1,
          lastStep: {
            kind: 'answer',
            turn: record.turn,
            node: pos.state.value,
            procedure: pos.procedure,
            digest: digestOf(answer),
          },
        };
        return { record: updated, result: { messages: this.stepMessages(updated) } };
      },
      (record, result) => this.noteOutcome(record, result.messages),
    );
  }

  /**
   * A step that names a turn or node no longer current: the same step again (a double tap, a retry after a
   * lost acknowledgement) gets the same answer and changes nothing; anything else is a conflict, with the
   * current question.
   */
  private repeatedOrStale(
    record: SessionRecord,
    step: { kind: LastStep['kind']; turn: number; node?: string; digest?: string },
  ): Computed<{ messages: Message[] }> {
    const last = record.lastStep;
    const same =
      last !== undefined &&
      last.kind === step.kind &&
      last.turn === step.turn &&
      last.turn === record.turn - 1 &&
      (step.node === undefined || last.node === step.node) &&
      last.digest === step.digest;
    if (same) return { unchanged: true, result: { messages: this.stepMessages(record) } };
    throw new AppError('STALE_ANSWER', { lang: record.lang, messages: [this.render(record, position(record))] });
  }

  /** What a step says: the hand-over when the step moved to another procedure, then the current question or outcome. */
  private stepMessages(record: SessionRecord): Message[] {
    const pos = position(record);
    const handedOver = record.lastStep?.kind === 'answer' && record.lastStep.procedure !== record.procedure;
    return handedOver
      ? [handoverMessage(pos, this.renderContext(record)), this.render(record, pos)]
      : [this.render(record, pos)];
  }

  /** Changes answer number `index` (0-based, in order given); later answers that still apply are kept. */
  async changeAnswer(
    id: string,
    token: string | undefined,
    index: number,
    answer: Answer,
  ): Promise<{ messages: Message[] }> {
    return this.turn(
      id,
      token,
      (record) => {
        const old = record.answers[index];
        if (!old)
          throw new AppError('INVALID_PAYLOAD', {
            field: 'index',
            lang: record.lang,
            messages: [this.render(record, position(record))],
          });
        const at = this.o.engine.replay(record.startProcedure, record.answers.slice(0, index), this.today(record));
        const question = this.o.engine.question(at)!;
        const parsed = this.read(record, at, question, answer);
        if (!parsed.ok) {
          throw new AppError('INVALID_ANSWER', {
            field: question.field,
            reason: parsed.reason,
            values: parsed.values,
            lang: record.lang,
            messages: [this.render(record, at)],
          });
        }
        const changed: StoredAnswer = {
          procedure: at.procedure,
          node: at.state.value,
          field: question.field,
          value: parsed.value,
        };
        const { pos, answers } = this.o.engine.replayChanged(
          record.startProcedure,
          record.answers,
          index,
          changed,
          this.today(record),
        );
        const updated = {
          ...record,
          procedure: pos.procedure,
          snapshot: pos.state,
          answers,
          turn: record.turn + 1,
          lastStep: undefined,
        };
        return { record: updated, result: { messages: [this.render(updated, pos)] } };
      },
      (record, result) => this.noteOutcome(record, result.messages),
    );
  }

  /** Back one question. Given the turn it was pressed at, pressing it twice goes back once. */
  async back(id: string, token: string | undefined, at?: { turn?: number }): Promise<{ messages: Message[] }> {
    return this.turn(id, token, (record) => {
      const pos = position(record);
      if (at?.turn !== undefined && at.turn !== record.turn)
        return this.repeatedOrStale(record, { kind: 'back', turn: at.turn });
      if (record.answers.length === 0)
        throw new AppError('NOTHING_TO_UNDO', { lang: record.lang, messages: [this.render(record, pos)] });
      const rewound = this.rewind(record, record.answers.slice(0, -1));
      rewound.record.lastStep = { kind: 'back', turn: record.turn, node: pos.state.value, procedure: pos.procedure };
      return rewound;
    });
  }

  async restart(id: string, token: string | undefined): Promise<{ messages: Message[] }> {
    return this.turn(id, token, (record) => this.rewind(record, []));
  }

  async setLanguage(id: string, token: string | undefined, lang: string): Promise<{ messages: Message[] }> {
    return this.turn(id, token, (record) => {
      const updated = { ...record, lang };
      return { record: updated, result: { messages: [this.render(updated, position(updated))] } };
    });
  }

  /**
   * The answers and the decision; in another language than the session's when `lang` is given (the French beside a
   * translation).
   */
  async summary(id: string, token: string | undefined, lang?: string): Promise<Summary> {
    const loaded = await this.load(id, token);
    const record = lang ? { ...loaded, lang } : loaded;
    const t = translator(this.o.i18n, record.lang);
    const pos = position(record);
    const ctx = this.renderContext(record);
    const answers = record.answers.map((a): SummaryAnswer => {
      const key = `${a.procedure}:questions.${a.node}`;
      const q = this.o.engine.question({ procedure: a.procedure, state: { value: a.node, context: {} } });
      return {
        procedure: a.procedure,
        node: a.node,
        field: a.field,
        question: q ? questionText(q, key, ctx) : t(`${key}.text`),
        value: a.value,
        answer: answerLabel(a, key, record.lang, t, q?.input.kind, this.o.content),
        ...(q ? { input: renderInput(q, a.procedure, a.node, ctx) } : {}),
      };
    });
    const finished = this.o.engine.outcome(pos) !== undefined;
    return {
      session: view(record),
      answers,
      ...(finished ? { decision: decisionAt(pos, this.renderContext(record)) } : {}),
      generatedOn: this.today(record),
    };
  }

  async erase(id: string, token: string | undefined): Promise<void> {
    await this.load(id, token);
    await this.o.store.delete(id);
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

  /** Deletes every expired session (called on a timer). */
  async sweep(): Promise<number> {
    return this.o.store.deleteExpired(this.o.clock.now());
  }

  private rewind(record: SessionRecord, answers: StoredAnswer[]) {
    const pos = this.o.engine.replay(record.startProcedure, answers, this.today(record));
    const updated: SessionRecord = {
      ...record,
      procedure: pos.procedure,
      snapshot: pos.state,
      answers,
      turn: record.turn + 1,
      lastStep: undefined,
    };
    return { record: updated, result: { messages: [this.render(updated, pos)] } };
  }

  /** Load, compute, compare-and-set; computed again when another process wrote in between. */
  private async turn<R>(
    id: string,
    token: string | undefined,
    compute: (record: SessionRecord) => Computed<R>,
    after?: (record: SessionRecord, result: R) => void,
  ): Promise<R> {
    for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
      const record = await this.load(id, token);
      const computed = compute(record);
      if ('unchanged' in computed) return computed.result;
      const now = this.o.clock.now();
      const saved = {
        ...computed.record,
        version: record.version + 1,
        updatedAt: now.toISOString(),
        expiresAt: this.expiry(record.channel, now, new Date(record.createdAt)),
      };
      if (await this.o.store.update(saved)) {
        after?.(saved, computed.result);
        return computed.result;
      }
    }
    throw new AppError('CONCURRENT_UPDATE');
  }

  private noteOutcome(record: SessionRecord, messages: Message[]) {
    const last = messages[messages.length - 1];
    if (last?.type === 'outcome' && last.decision)
      this.o.events?.finished(record.procedure, last.node, last.decision.status);
  }

  private today(record: SessionRecord): string {
    return todayFor(this.o.clock, this.o.engine.procedure(record.procedure), record.snapshot.context);
  }

  /**
   * What a procedure's rules decide from facts given directly (POST /evaluate), on `asOf` or today,
   * in a language: the same path as an outcome in a conversation. Invalid facts are INVALID_FACTS.
   */
  evaluate(procedureId: string, facts: unknown, o: { asOf?: string; lang: string }): Decision {
    const procedure = this.o.engine.procedure(procedureId);
    const parsed = procedure.factsSchema.safeParse(facts);
    if (!parsed.success)
      throw new AppError('INVALID_FACTS', { field: parsed.error.issues[0]?.path.join('.') || undefined, lang: o.lang });
    const asOf = o.asOf ?? todayFor(this.o.clock, procedure, parsed.data);
    return decide(procedure, parsed.data, {
      content: this.o.content,
      t: translator(this.o.i18n, o.lang),
      lang: o.lang,
      asOf,
    });
  }

  /** After the last message, the channel's lifetime; never later than the channel's maximum age from the start. */
  private expiry(channel: Channel, now: Date, createdAt: Date): string {
    const sliding = now.getTime() + this.o.ttlSeconds[channel] * 1000;
    const maxAge = this.o.maxAgeSeconds?.[channel];
    return new Date(
      maxAge === undefined ? sliding : Math.min(sliding, createdAt.getTime() + maxAge * 1000),
    ).toISOString();
  }

  private renderContext(record: SessionRecord): RenderContext {
    return {
      engine: this.o.engine,
      content: this.o.content,
      t: translator(this.o.i18n, record.lang),
      tFr: translator(this.o.i18n, 'fr'),
      lang: record.lang,
      channel: record.channel,
      today: this.today(record),
      canGoBack: record.answers.length > 0,
      turn: record.turn,
    };
  }

  /** Re-rendering an existing error's question in the session's language, for transports that failed before a turn. */
  async questionAgain(id: string, token: string | undefined): Promise<Message[] | undefined> {
    const record = await this.o.store.get(id);
    if (!record || !token || !tokenMatches(token, record.tokenHash)) return undefined;
    return [this.render(record, position(record))];
  }

  /** An answer read for the question at a position, in the session's language. */
  private read(record: SessionRecord, pos: Position, question: Question, answer: Answer) {
    return parseAnswer(question.input, answer, {
      t: translator(this.o.i18n, record.lang),
      lang: record.lang,
      today: this.today({ ...record, procedure: pos.procedure, snapshot: pos.state }),
      lexicon: this.o.content.lexicons[record.lang]!,
      procedure: pos.procedure,
      node: pos.state.value,
      facts: pos.state.context,
      communes: this.o.content.communes,
    });
  }

  private render(record: SessionRecord, pos: Position): Message {
    return renderPosition(pos, this.renderContext(record));
  }
}

const position = (record: SessionRecord): Position => ({ procedure: record.procedure, state: record.snapshot });

const view = (r: SessionRecord): SessionView => ({
  id: r.id,
  procedure: r.procedure,
  lang: r.lang,
  channel: r.channel,
  expiresAt: r.expiresAt,
});

function answerLabel(
  a: StoredAnswer,
  key: string,
  lang: string,
  t: ReturnType<typeof translator>,
  kind?: string,
  content?: Content,
): string {
  if (typeof a.value === 'boolean') return t(a.value ? 'common:yes' : 'common:no');
  if (kind === 'country' && typeof a.value === 'string') return countryName(a.value, lang);
  // a town by its name, never its INSEE code
  if (kind === 'commune' && typeof a.value === 'string')
    return a.value === 'unknown' ? t('common:commune-unknown') : (content?.communes.byInsee(a.value)?.name ?? a.value);
  if (Array.isArray(a.value)) return a.value.length ? a.value.join(', ') : t('common:none');
  if (kind === 'date' && typeof a.value === 'string') return formatDate(a.value, lang);
  if (typeof a.value === 'string') return t(`${key}.options.${a.value}`, { defaultValue: a.value });
  return String(a.value);
}
