import type { Server, Socket } from 'socket.io';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { Config } from '../config';
import { answerSchema } from '../dialogue/answers';
import { AppError } from '../errors';
import { agentKeyMatches, languageOf, type Services } from '../http/context';
import { errorBody, logServerFailure, toAppError } from '../http/errors';
import { channelSchema } from '../http/schemas';
import type { AckResult, ClientToServerEvents, ServerToClientEvents, SocketData } from './events';

type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const startPayload = z.strictObject({ procedure: z.string().max(64).optional(), lang: z.string().max(35).optional(), channel: channelSchema.optional() });
const resumePayload = z.strictObject({ id: z.string().max(64), token: z.string().max(128) });
const langPayload = z.strictObject({ lang: z.string().max(35) });
const changePayload = z.union([
  z.strictObject({ index: z.number().int().min(0).max(200), value: z.unknown() }),
  z.strictObject({ index: z.number().int().min(0).max(200), text: z.string().max(500) }),
]);
const feedbackPayload = z.strictObject({ helpful: z.boolean(), comment: z.string().max(1000).optional() });

/** The /chat namespace: every event answers through its acknowledgement with the result of the matching HTTP call. */
export function attachChat(io: Server, s: Services, config: Config): void {
  const chat = io.of('/chat');
  const limiter = new RateLimiterMemory({ points: config.SOCKET_EVENTS_PER_10S, duration: 10 });

  chat.on('connection', (rawSocket) => {
    const socket = rawSocket as ChatSocket;
    socket.data.agent = agentKeyMatches((socket.handshake.auth as { agentKey?: unknown } | undefined)?.agentKey, s.agentKey);
    const idle = kioskIdleTimer(socket, s, config);

    /** Wraps a handler: finds the ack, limits the rate, times it, and turns errors into { ok: false }. */
    const on = (event: keyof ClientToServerEvents, handler: (payload: unknown) => Promise<object>) => {
      socket.on(event, async (...args: unknown[]) => {
        const ack = typeof args[args.length - 1] === 'function' ? (args.pop() as (r: AckResult<object>) => void) : undefined;
        if (!ack) return; // the protocol requires an acknowledgement: nothing to answer to
        const stop = s.metrics.turnDuration.startTimer({ transport: 'socket', action: event });
        try {
          await limiter.consume(socket.id).catch(() => {
            throw new AppError('RATE_LIMITED');
          });
          const result = await handler(args[0]);
          idle.touch();
          ack({ ok: true, ...result });
        } catch (err) {
          const e = toAppError(err);
          s.metrics.errors.inc({ code: e.code, transport: 'socket' });
          logServerFailure(s.logger, e, err, 'socket event failed', { event });
          const lang = e.options.lang ?? socket.data.session?.lang ?? 'fr';
          const messages = e.options.messages ?? (e.status === 400 ? await questionAgain(socket, s) : undefined);
          ack({ ok: false, error: errorBody(e, s, lang), ...(messages ? { messages: messages as never } : {}) });
          if (e.code === 'SESSION_EXPIRED') socket.emit('session:ended', { reason: 'expired' });
        } finally {
          stop();
        }
      });
    };

    const bound = () => {
      const session = socket.data.session;
      if (!session) throw new AppError('NO_SESSION');
      return session;
    };

    on('session:start', async (payload) => {
      const body = startPayload.parse(payload ?? {});
      const lang = languageOf(body.lang, s.content.languages);
      if (body.channel === 'agent' && !socket.data.agent) throw new AppError('AGENT_CREDENTIAL_REQUIRED', { lang });
      const result = await s.dialogue.start({ procedure: body.procedure ?? 'triage', lang, channel: body.channel ?? 'web' });
      socket.data.session = { id: result.session.id, token: result.session.token, lang, channel: result.session.channel };
      return result;
    });

    on('session:resume', async (payload) => {
      const body = resumePayload.parse(payload);
      const current = await s.dialogue.current(body.id, body.token);
      socket.data.session = { id: body.id, token: body.token, lang: current.session.lang, channel: current.session.channel };
      return { session: current.session, messages: current.messages };
    });

    on('answer', async (payload) => {
      const { id, token } = bound();
      const parsed = answerSchema.safeParse(payload);
      if (!parsed.success) throw new AppError('INVALID_PAYLOAD', { messages: await s.dialogue.questionAgain(id, token) });
      return s.dialogue.answer(id, token, parsed.data);
    });

    on('answer:change', async (payload) => {
      const { id, token } = bound();
      const parsed = changePayload.safeParse(payload);
      if (!parsed.success) throw new AppError('INVALID_PAYLOAD', { messages: await s.dialogue.questionAgain(id, token) });
      const { index, ...answer } = parsed.data;
      return s.dialogue.changeAnswer(id, token, index, answer as never);
    });

    on('back', async () => {
      const { id, token } = bound();
      return s.dialogue.back(id, token);
    });

    on('restart', async () => {
      const { id, token } = bound();
      return s.dialogue.restart(id, token);
    });

    on('lang:set', async (payload) => {
      const session = bound();
      const body = langPayload.parse(payload);
      const lang = languageOf(body.lang, s.content.languages);
      const result = await s.dialogue.setLanguage(session.id, session.token, lang);
      session.lang = lang;
      return result;
    });

    // Only the yes/no is counted; the comment is not kept (it could hold personal details).
    on('feedback', async (payload) => {
      bound();
      const body = feedbackPayload.parse(payload);
      s.metrics.feedback.inc({ helpful: String(body.helpful) });
      return {};
    });

    socket.on('disconnect', () => idle.stop());
  });
}

async function questionAgain(socket: ChatSocket, s: Services) {
  const session = socket.data.session;
  return session ? s.dialogue.questionAgain(session.id, session.token) : undefined;
}

/** Kiosk inactivity: a warning, then the session is erased and the terminal told to reset. Other channels: nothing. */
function kioskIdleTimer(socket: ChatSocket, s: Services, config: Config) {
  let warn: NodeJS.Timeout | undefined;
  let end: NodeJS.Timeout | undefined;
  const stop = () => {
    clearTimeout(warn);
    clearTimeout(end);
  };
  const touch = () => {
    stop();
    const session = socket.data.session;
    if (session?.channel !== 'kiosk') return;
    const idleMs = config.KIOSK_IDLE_SECONDS * 1000;
    const warningMs = Math.min(config.KIOSK_WARNING_SECONDS, config.KIOSK_IDLE_SECONDS) * 1000;
    warn = setTimeout(() => socket.emit('session:expiring', { secondsLeft: warningMs / 1000 }), idleMs - warningMs);
    end = setTimeout(() => {
      void s.dialogue
        .erase(session.id, session.token)
        .catch(() => undefined)
        .finally(() => {
          socket.data.session = undefined;
          socket.emit('session:ended', { reason: 'inactivity' });
        });
    }, idleMs);
  };
  return { touch, stop };
}
