import { languageOf } from '../edge/language';
import * as input from '../edge/schemas';
import type { Services } from '../edge/services';
import { createHandover, openHandover } from '../edge/handover';
import { startSession } from '../edge/start-session';
import { AppError } from '../errors';
import type { ClientToServerEvents } from './events';
import type { ChatSocket } from './socket';

/** What an event does with its payload: the result its acknowledgement carries, as the matching HTTP call's. */
type Handler = (s: Services, socket: ChatSocket, payload: unknown) => Promise<object>;

/** The session this connection started or resumed; events before that get NO_SESSION. */
const bound = (socket: ChatSocket) => {
  const session = socket.data.session;
  if (!session) throw new AppError('NO_SESSION');
  return session;
};

/** A payload of the wrong shape on a session's event: INVALID_PAYLOAD with the question again. */
async function parseFor<T>(
  s: Services,
  socket: ChatSocket,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  payload: unknown,
): Promise<T> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const { id, token } = bound(socket);
  throw new AppError('INVALID_PAYLOAD', { messages: await s.dialogue.questionAgain(id, token) });
}

export const handlers: Record<keyof ClientToServerEvents, Handler> = {
  'session:start': async (s, socket, payload) => {
    const result = await startSession(s, input.startSession.parse(payload ?? {}), socket.data.client!);
    const { id, token, lang, channel } = result.session;
    socket.data.session = { id, token, lang, channel };
    return result;
  },
  'session:resume': async (s, socket, payload) => {
    const { id, token } = input.resumeSession.parse(payload);
    const current = await s.dialogue.current(id, token);
    socket.data.session = { id, token, lang: current.session.lang, channel: current.session.channel };
    return { session: current.session, messages: current.messages };
  },
  answer: async (s, socket, payload) => {
    const answer = await parseFor(s, socket, input.answer, payload);
    const { id, token } = bound(socket);
    return s.dialogue.answer(id, token, answer);
  },
  'answer:change': async (s, socket, payload) => {
    const { index, ...answer } = await parseFor(s, socket, input.changeAnswer, payload);
    const { id, token } = bound(socket);
    return s.dialogue.changeAnswer(id, token, index, answer);
  },
  back: async (s, socket, payload) => {
    const { id, token } = bound(socket);
    return s.dialogue.back(id, token, input.back.parse(payload ?? {}));
  },
  restart: async (s, socket) => {
    const { id, token } = bound(socket);
    return s.dialogue.restart(id, token);
  },
  'lang:set': async (s, socket, payload) => {
    const session = bound(socket);
    const lang = languageOf(input.setLanguage.parse(payload).lang, s.content, bound(socket).lang);
    const result = await s.dialogue.setLanguage(session.id, session.token, lang);
    session.lang = lang;
    return result;
  },
  'handover:create': async (s, socket) => {
    const { id, token } = bound(socket);
    return createHandover(s, id, token, socket.data.client!);
  },
  'handover:open': async (s, socket, payload) => {
    const { code } = input.handoverCode.parse(payload);
    const result = await openHandover(s, code, socket.data.client!);
    const { id, token, lang, channel } = result.session;
    socket.data.session = { id, token, lang, channel };
    return result;
  },
  // Only the yes/no is counted; the comment is not kept (it could hold personal details).
  feedback: async (s, socket, payload) => {
    bound(socket);
    s.metrics.feedback.inc({ helpful: String(input.feedback.parse(payload).helpful) });
    return {};
  },
};
