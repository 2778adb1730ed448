import type { Server } from 'socket.io';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Config } from '../config';
import { errorBody, noteError } from '../edge/errors';
import type { Services } from '../edge/services';
import { AppError } from '../errors';
import type { AckResult, ClientToServerEvents } from './events';
import { handlers } from './handlers';
import { handshake } from './handshake';
import { kioskIdleTimer } from './kiosk-idle';
import type { ChatSocket } from './socket';

/**
 * The events that start a session or run a turn: refused at once while the server is overloaded (edge/load.ts). The
 * others (resume, hand-over, feedback) read or are rare, and never lose what was given.
 */
const SHED: ReadonlySet<keyof ClientToServerEvents> = new Set([
  'session:start',
  'answer',
  'answer:change',
  'back',
  'restart',
  'lang:set',
] as const);

/** The /chat namespace: every event answers through its acknowledgement with the result of the matching HTTP call. */
export function attachChat(io: Server, s: Services, config: Config): void {
  const chat = io.of('/chat');
  const limiter = new RateLimiterMemory({ points: config.SOCKET_EVENTS_PER_10S, duration: 10 });
  chat.use((socket, next) => handshake(s, config)(socket as ChatSocket, next));

  chat.on('connection', (rawSocket) => {
    const socket = rawSocket as ChatSocket;
    const idle = kioskIdleTimer(socket, s, config);
    for (const event of Object.keys(handlers) as (keyof ClientToServerEvents)[]) {
      socket.on(event, (...args: unknown[]) => {
        // The protocol requires an acknowledgement: without one, there is nothing to answer to.
        const ack = typeof args.at(-1) === 'function' ? (args.pop() as (r: AckResult<object>) => void) : undefined;
        if (ack) void handle(event, args[0], ack);
      });
    }
    socket.on('disconnect', () => idle.stop());

    /**
     * One event: admitted, within the rate, timed, its result or its error (with the question again on bad input)
     * acknowledged.
     */
    async function handle(event: keyof ClientToServerEvents, payload: unknown, ack: (r: AckResult<object>) => void) {
      const stop = s.metrics.turnDuration.startTimer({ transport: 'socket', action: event });
      let done: (() => void) | undefined;
      try {
        // first, and before the rate limit: a refusal must cost next to nothing, and not count against the client
        if (SHED.has(event)) done = s.load.admit(socket.data.session?.lang ?? socket.data.client?.preferredLang);
        await limiter.consume(socket.id).catch(() => {
          throw new AppError('RATE_LIMITED');
        });
        const result = await handlers[event](s, socket, payload);
        idle.touch();
        ack({ ok: true, ...result });
      } catch (err) {
        const e = noteError(s, err, 'socket', event);
        const session = socket.data.session;
        const messages =
          e.options.messages ??
          (e.status === 400 && session ? await s.dialogue.questionAgain(session.id, session.token) : undefined);
        ack({
          ok: false,
          error: errorBody(e, s, e.options.lang ?? session?.lang ?? 'fr'),
          ...(messages ? { messages: messages as never } : {}),
        });
        if (e.code === 'SESSION_EXPIRED') socket.emit('session:ended', { reason: 'expired' });
      } finally {
        done?.();
        stop();
      }
    }
  });
}
