import type { Message } from '../dialogue/messages';
import type { SessionView } from '../dialogue/service';
import type { ErrorBody } from '../errors';
import type { Handover } from '../store/types';
import type { Client } from '../edge/limits';

/** The one typed event contract of the /chat namespace, shared by the server, the pages and the tests. */

export type AckResult<T> = ({ ok: true } & T) | { ok: false; error: ErrorBody; messages?: Message[] };
type Ack<T> = (result: AckResult<T>) => void;

interface StartPayload {
  procedure?: string;
  lang?: string;
  channel?: 'web' | 'kiosk' | 'agent';
}

export interface ClientToServerEvents {
  'session:start': (
    payload: StartPayload,
    ack: Ack<{ session: SessionView & { token: string }; messages: Message[] }>,
  ) => void;
  'session:resume': (
    payload: { id: string; token: string },
    ack: Ack<{ session: SessionView; messages: Message[] }>,
  ) => void;
  /**
   * `node` and `turn` (optional) name the question answered: a repeat gets the same result, a stale one STALE_ANSWER
   */
  answer: (
    payload: ({ value: unknown } | { text: string }) & { node?: string; turn?: number },
    ack: Ack<{ messages: Message[] }>,
  ) => void;
  /** change answer number `index` (0-based); later answers that still apply are kept */
  'answer:change': (
    payload: { index: number; value: unknown } | { index: number; text: string },
    ack: Ack<{ messages: Message[] }>,
  ) => void;
  /** `turn` (optional): the turn it was pressed at, so a double press goes back once; the payload may be left out */
  back: (payload: { turn?: number }, ack: Ack<{ messages: Message[] }>) => void;
  restart: (ack: Ack<{ messages: Message[] }>) => void;
  'lang:set': (payload: { lang: string }, ack: Ack<{ messages: Message[] }>) => void;
  feedback: (payload: { helpful: boolean; comment?: string }, ack: Ack<object>) => void;
  /** the person agreed to hand the conversation over to a human: a short code, for a limited time */
  'handover:create': (ack: Ack<{ handover: { code: string; expiresAt: string } }>) => void;
  /** an agent's connection opens a conversation handed over, by its code; the connection is then bound to it */
  'handover:open': (
    payload: { code: string },
    ack: Ack<{ session: SessionView & { token: string }; messages: Message[]; handover: Handover }>,
  ) => void;
}

export interface ServerToClientEvents {
  /** kiosk inactivity: the session will be erased in secondsLeft unless something happens */
  'session:expiring': (payload: { secondsLeft: number }) => void;
  /** the session was erased (kiosk inactivity) or has expired */
  'session:ended': (payload: { reason: 'inactivity' | 'expired' | 'erased' }) => void;
}

export interface SocketData {
  session?: { id: string; token: string; lang: string; channel: string };
  /** who connected: the address, and the kiosk terminal or agent when it presented its key */
  client?: Client;
}
