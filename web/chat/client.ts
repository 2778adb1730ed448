import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, SessionKeys } from './types';

type Events = ClientToServerEvents;
type Payload<E extends keyof Events> = Parameters<Events[E]>[0];

/**
 * The /chat connection, typed by the server's one event contract (src/realtime/events.ts): each call's payload and its
 * acknowledgement's shape come from the contract, so a change on either side fails the typecheck.
 */
export class ChatClient {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;

  constructor(
    readonly server: string,
    auth: Record<string, string> = {},
  ) {
    this.socket = io(`${server}/chat`, { transports: ['websocket'], auth });
  }

  start(payload: Payload<'session:start'>) {
    return this.socket.emitWithAck('session:start', payload);
  }
  resume(keys: SessionKeys) {
    return this.socket.emitWithAck('session:resume', keys);
  }
  answer(payload: Payload<'answer'>) {
    return this.socket.emitWithAck('answer', payload);
  }
  changeAnswer(payload: Payload<'answer:change'>) {
    return this.socket.emitWithAck('answer:change', payload);
  }
  back(turn?: number) {
    return this.socket.emitWithAck('back', turn === undefined ? {} : { turn });
  }
  restart() {
    return this.socket.emitWithAck('restart');
  }
  setLanguage(lang: string) {
    return this.socket.emitWithAck('lang:set', { lang });
  }
  feedback(helpful: boolean) {
    return this.socket.emitWithAck('feedback', { helpful });
  }
  handover() {
    return this.socket.emitWithAck('handover:create');
  }
  openHandover(code: string) {
    return this.socket.emitWithAck('handover:open', { code });
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
