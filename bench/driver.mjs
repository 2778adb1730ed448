// The conversation driver: one virtual person on one connection, talking until the outcome and then
// starting again, either as fast as the server answers (closed loop) or at a fixed pace. What it
// answers is read from the server's own messages (conversations.mjs), so it follows the flows as
// they change. A turn is one acknowledged `answer` event.
import { performance } from 'node:perf_hooks';
import { answerTo, fallbackTo } from './conversations.mjs';
import { ChatConnection } from './wire.mjs';

/** A conversation that has not reached its outcome after this many answers is stuck: counted, and started again. */
const MAX_ANSWERS = 80;

/**
 * What a run counts. Turns and latencies only inside the measured window; errors over the whole run, warm-up included.
 */
export class Recorder {
  constructor() {
    this.windowStart = Infinity;
    this.windowEnd = Infinity;
    this.latencies = [];
    this.turns = 0;
    this.turnsTotal = 0;
    this.conversations = 0;
    this.outcomesTotal = 0;
    this.ackBytes = 0;
    this.errors = {};
    this.late = 0;
    this.refused = 0;
    this.refusedInWindow = 0;
  }

  inWindow(t) {
    return t >= this.windowStart && t < this.windowEnd;
  }

  /** An answer acknowledged with ok: true. */
  turn(sentAt, at, bytes) {
    this.turnsTotal++;
    if (!this.inWindow(at)) return;
    this.turns++;
    this.ackBytes += bytes;
    this.latencies.push(at - sentAt);
  }

  outcome(at) {
    this.outcomesTotal++;
    if (this.inWindow(at)) this.conversations++;
  }

  /** A call refused with SERVER_BUSY (sent again later): the server shedding load, not an error. */
  refusal(at) {
    this.refused++;
    if (this.inWindow(at)) this.refusedInWindow++;
  }

  error(kind) {
    this.errors[kind] = (this.errors[kind] ?? 0) + 1;
  }
}

export class VirtualClient {
  /**
   * @param {object} o
   * @param {number} o.port the server's port
   * @param {string[]} o.procedures the procedures its conversations go through, in turn
   * @param {number} o.offset where in that list it begins (clients spread over the procedures)
   * @param {Recorder} o.recorder
   * @param {number} [o.periodMs] paced: one answer every periodMs; absent: closed loop
   * @param {number} [o.phaseMs] paced: when in the period this person speaks
   */
  constructor({ port, procedures, offset, recorder, periodMs, phaseMs = 0 }) {
    this.port = port;
    this.procedures = procedures;
    this.conversation = offset;
    this.recorder = recorder;
    this.periodMs = periodMs;
    this.phaseMs = phaseMs;
    this.stopped = false;
    this.waiting = undefined;
  }

  async connect() {
    this.conn = await new ChatConnection(this.port, {
      onDisconnect: () => {
        if (!this.stopped) this.recorder.error('disconnect');
        this.settle({ lost: true });
      },
    }).open();
  }

  /** Resolves the pending event, whichever comes first: its ack, a disconnect or a timeout. */
  settle(outcome) {
    const w = this.waiting;
    if (!w) return;
    this.waiting = undefined;
    w.resolve(outcome);
  }

  /** Sends one event and waits for its acknowledgement: { result, bytes, sentAt, at } or { lost } or { timedOut }. */
  send(event, payload) {
    return new Promise((resolve) => {
      const sentAt = performance.now();
      const id = this.conn.emit(event, payload, (result, bytes) => {
        if (this.waiting?.id === id) this.settle({ result, bytes, sentAt, at: performance.now() });
      });
      this.waiting = { id, sentAt, resolve };
    });
  }

  /**
   * Sends, and while the server answers SERVER_BUSY, waits what it says (`retryAfter` seconds, plus up to half as
   * much again at random, so that clients refused together do not come back together) and sends the same again, as a
   * well-behaved client does (docs/protocol-additions.md). Latencies run from the last sending.
   */
  async sendAdmitted(event, payload) {
    for (;;) {
      const reply = await this.send(event, payload);
      const error = reply.result?.ok === false ? reply.result.error : undefined;
      if (error?.code !== 'SERVER_BUSY') return reply;
      this.recorder.refusal(reply.at);
      const waitMs = (error.retryAfter ?? 1) * 1000 * (1 + Math.random() / 2);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
      if (this.stopped || !this.conn?.connected) return { lost: true };
    }
  }

  /** Called by the load generator's sweeper: gives up on an acknowledgement older than timeoutMs. */
  checkTimeout(now, timeoutMs) {
    if (this.waiting && now - this.waiting.sentAt > timeoutMs) {
      this.recorder.error('timeout');
      this.conn.abandon(this.waiting.id);
      this.settle({ timedOut: true });
    }
  }

  /** Paced: waits for this person's next moment to speak (at once if the last answer came late). */
  async pace() {
    if (!this.periodMs) return;
    const now = performance.now();
    this.nextAt = this.nextAt === undefined ? now : this.nextAt + this.periodMs;
    if (this.nextAt < now) {
      this.recorder.late++;
      this.nextAt = now;
    }
    const wait = this.nextAt - now;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /** Conversations one after another until stop(); reconnects after a lost connection. */
  async run() {
    // Paced people do not all begin at once: each waits for its moment in the period.
    if (this.periodMs) await new Promise((resolve) => setTimeout(resolve, this.phaseMs));
    while (!this.stopped) {
      if (!this.conn?.connected) {
        try {
          await this.connect();
        } catch (err) {
          if (this.stopped) return;
          this.recorder.error(`connect: ${err.code ?? err.message}`);
          await new Promise((resolve) => setTimeout(resolve, 1000));
          continue;
        }
      }
      await this.converse();
    }
  }

  /** One conversation: start a session, answer its questions until the outcome. */
  async converse() {
    const procedure = this.procedures[this.conversation % this.procedures.length];
    const variant = Math.floor(this.conversation / this.procedures.length);
    this.conversation++;
    const started = await this.sendAdmitted('session:start', { procedure, lang: 'fr' });
    if (!this.usable(started)) return;
    let reply = started;
    for (let answers = 0; answers < MAX_ANSWERS; answers++) {
      const last = reply.result.messages?.at(-1);
      if (!last) return; // a refusal without the question again (rate limit, session gone): start over
      if (last.type === 'outcome') {
        this.recorder.outcome(reply.at);
        return;
      }
      // After a refusal, answer the question it carries with a typed value, which cannot be misread.
      const answer = reply.result.ok ? answerTo(last, variant) : fallbackTo(last);
      await this.pace();
      if (this.stopped) return;
      reply = await this.sendAdmitted('answer', answer);
      if (!this.usable(reply)) return;
      if (reply.result.ok) this.recorder.turn(reply.sentAt, reply.at, reply.bytes);
    }
    this.recorder.error('no outcome');
  }

  /** Whether a reply can be read; counts what went wrong (a refusal is counted but still read). */
  usable(reply) {
    if (reply.lost || reply.timedOut) return false;
    if (!reply.result || typeof reply.result !== 'object') {
      this.recorder.error('malformed ack');
      return false;
    }
    if (!reply.result.ok) this.recorder.error(reply.result.error?.code ?? 'refused');
    return true;
  }

  stop() {
    this.stopped = true;
  }

  close() {
    this.stopped = true;
    this.conn?.close();
    this.settle({ lost: true });
  }
}

/** The p-th percentile (0-100) of a list of numbers, nearest rank. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return undefined;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
