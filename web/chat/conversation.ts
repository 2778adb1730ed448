import { ChatClient, http, offerBlob } from './client';
import type { AckResult, Message, SessionKeys } from './types';
import { ChatView } from './view';

/**
 * One conversation bound to a view: sends what the person does, shows what the server says,
 * resumes after a dropped connection. The page decides where the keys are kept.
 *
 * After a dropped connection, the session is resumed before anything else is sent: an answer given
 * while the connection was down waits for the resume, so it reaches the session it belongs to.
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
    /** onEnded: the server said the session is over (expired, or no longer there), with its own words */
    private readonly hooks: { onKeys?(keys: SessionKeys | undefined): void; onEnded?(message: string): void } = {},
  ) {
    this.lang = lang;
    client.socket.on('disconnect', () => {
      if (this.open) return;
      this.ready = new Promise((resolve) => (this.open = resolve));
    });
    client.socket.io.on('reconnect', () => void this.reconnected());
  }

  private async reconnected() {
    if (this.keys) await this.resume(this.keys);
    const open = this.open;
    this.open = undefined;
    open?.();
  }

  private handle<T extends { messages?: Message[] }>(r: AckResult<T>): r is { ok: true } & T {
    if (r.ok) {
      if (r.messages) this.show(r.messages);
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
    if (r.messages) this.show(r.messages);
    return false;
  }

  private show(messages: Message[]) {
    const last = messages[messages.length - 1];
    if (last?.type === 'question')
      this.current = { node: last.node, ...(last.turn !== undefined ? { turn: last.turn } : {}) };
    this.view.show(messages);
  }

  /**
   * Sends an event once the session is resumed after a dropped connection. A connection that lost its
   * session binding (NO_SESSION: a server restarted, another process took over) resumes and tries once more.
   */
  private async send<T extends { messages?: Message[] }>(call: () => Promise<AckResult<T>>): Promise<AckResult<T>> {
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
    this.handle(r);
    return r.ok;
  }

  async resume(keys: SessionKeys) {
    const r = await this.client.resume(keys);
    if (r.ok) {
      this.keys = keys;
      this.lang = r.session.lang;
      this.view.clear();
    }
    return this.handle(r);
  }

  async answer(a: { value: unknown } | { text: string }, shown: string) {
    this.view.said(shown);
    const named = { ...a, ...this.current };
    this.handle(await this.send(() => this.client.answer(named)));
  }

  /** Changes answer number `index` (an agent correcting an earlier step). */
  async changeAnswer(index: number, text: string) {
    this.view.said(text);
    return this.handle(await this.send(() => this.client.changeAnswer(index, { text })));
  }

  async back() {
    this.handle(await this.send(() => this.client.back(this.current?.turn)));
  }

  async restart() {
    this.view.clear();
    this.handle(await this.send(() => this.client.restart()));
  }

  async setLanguage(lang: string) {
    this.lang = lang;
    if (this.keys) this.handle(await this.send(() => this.client.setLanguage(lang)));
  }

  async calendar() {
    if (this.keys) offerBlob(await http.sessionFile(this.client.server, this.keys, 'format=ics'), 'deadlines.ics');
  }

  async summary(bilingual = false) {
    if (this.keys)
      offerBlob(await http.sessionFile(this.client.server, this.keys, `format=html${bilingual ? '&bilingual=1' : ''}`));
  }
}
