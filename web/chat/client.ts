import { io, type Socket } from 'socket.io-client';
import type {
  AckResult,
  ClientToServerEvents,
  Language,
  Message,
  ServerToClientEvents,
  SessionKeys,
  UiTexts,
} from './types';

type Result<T> = AckResult<T>;

/** The /chat connection, typed as the server's contract; every call resolves with its acknowledgement. */
export class ChatClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(
    readonly server: string,
    auth: Record<string, string> = {},
  ) {
    this.socket = io(`${server}/chat`, { transports: ['websocket'], auth });
  }

  private call<T>(event: string, ...args: unknown[]): Promise<Result<T>> {
    return (this.socket as unknown as { emitWithAck(e: string, ...a: unknown[]): Promise<Result<T>> }).emitWithAck(
      event,
      ...args,
    );
  }

  start(payload: { procedure?: string; lang?: string; channel?: string }) {
    return this.call<{
      session: SessionKeys & { lang: string; procedure: string; channel: string };
      messages: Message[];
    }>('session:start', payload);
  }
  resume(keys: SessionKeys) {
    return this.call<{ session: { id: string; lang: string; procedure: string }; messages: Message[] }>(
      'session:resume',
      keys,
    );
  }
  answer(payload: ({ value: unknown } | { text: string }) & { node?: string; turn?: number }) {
    return this.call<{ messages: Message[] }>('answer', payload);
  }
  changeAnswer(index: number, payload: { value: unknown } | { text: string }) {
    return this.call<{ messages: Message[] }>('answer:change', { index, ...payload });
  }
  back(turn?: number) {
    return this.call<{ messages: Message[] }>('back', turn === undefined ? {} : { turn });
  }
  restart() {
    return this.call<{ messages: Message[] }>('restart');
  }
  setLanguage(lang: string) {
    return this.call<{ messages: Message[] }>('lang:set', { lang });
  }
  feedback(helpful: boolean) {
    return this.call<object>('feedback', { helpful });
  }
  /** Resolves once connected, or with the server's refusal (a wrong credential, a limit reached). */
  connected(): Promise<{ ok: true } | { ok: false; code: string; message: string }> {
    if (this.socket.connected) return Promise.resolve({ ok: true });
    return new Promise((resolve) => {
      this.socket.once('connect', () => resolve({ ok: true }));
      this.socket.once('connect_error', (err: Error & { data?: { code?: string; message?: string } }) =>
        resolve({ ok: false, code: err.data?.code ?? err.message, message: err.data?.message ?? err.message }),
      );
    });
  }
  close() {
    this.socket.disconnect();
  }
}

/**
 * HTTP helpers the pages share: texts, languages, and the session's files (summary, calendar), with the bearer token.
 */
export const http = {
  async texts(server: string, lang: string): Promise<UiTexts> {
    return (await fetch(`${server}/api/v1/texts/ui?lang=${encodeURIComponent(lang)}`)).json();
  },
  async languages(server: string): Promise<Language[]> {
    return (await fetch(`${server}/api/v1/languages`)).json();
  },
  async sessionFile(server: string, keys: SessionKeys, query: string): Promise<Blob> {
    const res = await fetch(`${server}/api/v1/sessions/${keys.id}/summary?${query}`, {
      headers: { Authorization: `Bearer ${keys.token}` },
    });
    if (!res.ok) throw new Error(String(res.status));
    return res.blob();
  },
  async summaryJson(server: string, keys: SessionKeys) {
    const res = await fetch(`${server}/api/v1/sessions/${keys.id}/summary`, {
      headers: { Authorization: `Bearer ${keys.token}` },
    });
    return res.ok
      ? ((await res.json()) as { answers: { question: string; answer: string; field: string }[] })
      : undefined;
  },
  async erase(server: string, keys: SessionKeys): Promise<void> {
    await fetch(`${server}/api/v1/sessions/${keys.id}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${keys.token}` },
    });
  },
};

/** Offers a blob as a download, or opens it in a new tab (printable summary). */
export function offerBlob(blob: Blob, download?: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  if (download) a.download = download;
  else a.target = '_blank';
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
