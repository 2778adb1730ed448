import { ChatClient, http, offerBlob } from './client';
import type { AckResult, Message, SessionKeys } from './types';
import { ChatView } from './view';

/**
 * One conversation bound to a view: sends what the person does, shows what the server says,
 * resumes after a dropped connection. The page decides where the keys are kept.
 */
export class Conversation {
  keys?: SessionKeys;
  lang: string;

  constructor(
    readonly client: ChatClient,
    readonly view: ChatView,
    lang: string,
    private readonly hooks: { onKeys?(keys: SessionKeys | undefined): void; onExpired?(): void } = {},
  ) {
    this.lang = lang;
    // A dropped connection: on reconnect, pick the session up again (the session lives in the store).
    client.socket.io.on('reconnect', () => void (this.keys && this.resume(this.keys)));
  }

  private handle<T extends { messages?: Message[] }>(r: AckResult<T>): r is { ok: true } & T {
    if (r.ok) {
      if (r.messages) this.view.show(r.messages);
      return true;
    }
    if (r.error.code === 'SESSION_NOT_FOUND' || r.error.code === 'SESSION_EXPIRED' || r.error.code === 'NO_SESSION') {
      this.keys = undefined;
      this.hooks.onKeys?.(undefined);
      this.hooks.onExpired?.();
      return false;
    }
    this.view.note(r.error.message, 'error');
    if (r.messages) this.view.show(r.messages);
    return false;
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
    this.handle(await this.client.answer(a));
  }

  async back() {
    this.handle(await this.client.back());
  }

  async restart() {
    this.view.clear();
    this.handle(await this.client.restart());
  }

  async setLanguage(lang: string) {
    this.lang = lang;
    if (this.keys) this.handle(await this.client.setLanguage(lang));
  }

  async calendar() {
    if (this.keys) offerBlob(await http.sessionFile(this.client.server, this.keys, 'format=ics'), 'deadlines.ics');
  }

  async summary(bilingual = false) {
    if (this.keys) offerBlob(await http.sessionFile(this.client.server, this.keys, `format=html${bilingual ? '&bilingual=1' : ''}`));
  }
}
