import type { ChatClient } from './client';
import { http, offerBlob } from './http';
import type { AckResult, Answer, Message, SessionKeys, Shown } from './types';
import type { ChatView } from './view';

export interface ConversationHooks {
  onKeys?(keys: SessionKeys | undefined): void;
  /** the server said the session is over (expired, or no longer there), with its own words */
  onEnded?(message: string): void;
  /** after every step that changed the conversation (the agent's answers panel refreshes) */
  onStep?(): void;
}

/**
 * One conversation bound to a view: sends what the person does, shows what the server says, resumes after a dropped
 * connection, re-draws the earlier answers after a reload, and shows the answers to check before an outcome. The page
 * decides where the keys are kept.
 *
 * After a dropped connection, the session is resumed before anything else is sent: an answer given while the
 * connection was down waits for the resume, so it reaches the session it belongs to.
 */
export class Conversation {
  keys?: SessionKeys;
  lang: string;
  /** the question being answered: sent with each answer, so a repeat or a stale answer is recognised */
  private current?: { node: string; turn?: number };
  private ready: Promise<void> = Promise.resolve();
  private open?: () => void;

  constructor(
    readonly client: ChatClient,
    readonly view: ChatView,
    lang: string,
    private readonly hooks: ConversationHooks = {},
    /** check the answers before an outcome (the person's pages; the agent has the answers beside the conversation) */
    private readonly reviewFirst = view.mode !== 'agent',
  ) {
    this.lang = lang;
    client.socket.on('disconnect', () => {
      if (this.open) return;
      this.ready = new Promise((resolve) => (this.open = resolve));
    });
    client.socket.io.on('reconnect', () => void this.reconnected());
  }

  get server() {
    return this.client.server;
  }

  private async reconnected() {
    if (this.keys) await this.client.resume(this.keys);
    const open = this.open;
    this.open = undefined;
    open?.();
  }

  /** What the server answered: shown (an outcome after the answers to check), or its error said. */
  private async handle(r: AckResult<{ messages?: Message[] }>, review = false): Promise<boolean> {
    if (r.ok) {
      if (r.messages) await this.show(r.messages, review);
      this.hooks.onStep?.();
      return true;
    }
    // Only the server says a session is over: expired, or unknown (erased, or expired earlier).
    if (r.error.code === 'SESSION_NOT_FOUND' || r.error.code === 'SESSION_EXPIRED') {
      this.keys = undefined;
      this.hooks.onKeys?.(undefined);
      this.hooks.onEnded?.(r.error.message);
      return false;
    }
    this.view.note(r.error.message, 'error');
    if (r.messages) await this.show(r.messages);
    return false;
  }

  private async show(messages: Shown[], review = false) {
    const last = messages[messages.length - 1];
    if (last?.type === 'question')
      this.current = { node: last.node, ...(last.turn !== undefined ? { turn: last.turn } : {}) };
    const answers = review && last?.type === 'outcome' && this.keys ? await this.answers() : undefined;
    if (!answers?.length) return this.view.show(messages);
    const before = messages.slice(0, -1);
    if (before.length) this.view.show(before);
    this.view.review(answers, {
      change: (index, a, shown) => void this.changeAnswer(index, a, shown),
      proceed: () => this.view.show([last!]),
    });
  }

  private async answers() {
    return this.keys ? (await http.summary(this.server, this.keys))?.answers : undefined;
  }

  /**
   * Sends an event once the session is resumed after a dropped connection. A connection that lost its session binding
   * (NO_SESSION: a server restarted, another process took over) resumes and tries once more.
   */
  private async send<T extends object>(call: () => Promise<AckResult<T>>): Promise<AckResult<T>> {
    await this.ready;
    const r = await call();
    if (!r.ok && r.error.code === 'NO_SESSION' && this.keys) {
      const resumed = await this.client.resume(this.keys);
      if (resumed.ok) return call();
    }
    return r;
  }

  async start(procedure: string | undefined, channel: 'web' | 'kiosk' | 'agent') {
    const r = await this.client.start({ ...(procedure ? { procedure } : {}), lang: this.lang, channel });
    if (r.ok) {
      this.keys = { id: r.session.id, token: r.session.token };
      this.hooks.onKeys?.(this.keys);
    }
    return this.handle(r);
  }

  /** Resumes a session: its earlier answers re-drawn, then where it stands. */
  async resume(keys: SessionKeys) {
    const r = await this.client.resume(keys);
    if (r.ok) {
      this.keys = keys;
      this.lang = r.session.lang;
      await this.redraw();
    }
    return this.handle(r);
  }

  /** A session opened by other means (an agent's hand-over code): bound to this connection already. */
  async adopt(keys: SessionKeys, lang: string, messages: Message[]) {
    this.keys = keys;
    this.lang = lang;
    await this.redraw();
    return this.handle({ ok: true, messages });
  }

  private async redraw() {
    this.view.clear();
    this.view.past((await this.answers()) ?? []);
  }

  async answer(a: Answer, shown: string) {
    this.view.said(shown);
    const named = { ...a, ...this.current };
    return this.handle(await this.send(() => this.client.answer(named)), this.reviewFirst);
  }

  /** Changes answer number `index` (from the answers to check, or the agent's answers panel). */
  async changeAnswer(index: number, a: Answer, shown: string) {
    this.view.said(shown);
    return this.handle(await this.send(() => this.client.changeAnswer({ index, ...a })), this.reviewFirst);
  }

  async back() {
    return this.handle(await this.send(() => this.client.back(this.current?.turn)));
  }

  async restart() {
    this.view.clear();
    return this.handle(await this.send(() => this.client.restart()));
  }

  async setLanguage(lang: string) {
    this.lang = lang;
    if (!this.keys) return;
    const r = await this.send(() => this.client.setLanguage(lang));
    if (r.ok) await this.redraw();
    await this.handle(r);
  }

  async handover() {
    return this.send(() => this.client.handover());
  }

  async erase() {
    if (this.keys) await http.erase(this.server, this.keys);
    this.keys = undefined;
    this.hooks.onKeys?.(undefined);
  }

  async calendar() {
    if (this.keys) offerBlob(await http.sessionFile(this.server, this.keys, 'format=ics'), 'deadlines.ics');
  }

  async summary(bilingual = false) {
    if (this.keys)
      offerBlob(await http.sessionFile(this.server, this.keys, `format=html${bilingual ? '&bilingual=1' : ''}`));
  }
}
