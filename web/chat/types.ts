// The shapes the server sends, as the pages use them (PROTOCOL.md: Message, Decision).
import type { Message } from '../../src/dialogue/messages';
import type { Summary } from '../../src/dialogue/service';
export type { Message, Summary };
export type { Decision } from '../../src/dialogue/decisions';
export type { AckResult, ClientToServerEvents, ServerToClientEvents } from '../../src/realtime/events';
export type { Handover } from '../../src/store/types';

export type SummaryAnswer = Summary['answers'][number];

/** An urgent situation (docs/protocol-additions.md, the understanding issue): whom to contact, at once. */
export interface Urgent {
  situation: string;
  contacts: { name: string; number?: string; text: string }[];
  leaveQuickly?: boolean;
}

/**
 * A message as the pages take it: the Message of the protocol, and the shapes the understanding issue adds
 * (docs/protocol-additions.md), which the server does not send yet: `understood` said back, a `confirm` question with
 * what was understood, an `info` with an urgent situation.
 */
export type Shown = Omit<Message, 'type'> & {
  type: Message['type'] | 'understood';
  understood?: { field: string; value: unknown; text: string };
  urgent?: Urgent;
};
export type Answer = { value: unknown } | { text: string };

/** The interface texts of a language (GET /api/v1/texts/ui), grouped by where they are used. */
export interface UiTexts {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** the Intl locale the language's dates and numbers are written with */
  locale: string;
  ui: Record<
    'widget' | 'chat' | 'outcome' | 'kiosk' | 'agent' | 'demo' | 'privacy' | 'review' | 'handover',
    Record<string, string>
  >;
  status: Record<string, string>;
  /** the settings people are told, in words: how long a conversation is kept, how long a hand-over code works */
  durations: { web: string; kiosk: string; agent: string; handover: string };
  translationNotice?: string;
}

export interface Language {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
  /** what the service is for, in one line in this language */
  purpose: string;
  translation: { status: 'reference' | 'machine' | 'reviewed'; by?: string; on?: string };
}

export interface SessionKeys {
  id: string;
  token: string;
}

/** Which page shows the conversation: what it may do (downloads, links out) and what it adds (the agent's lines). */
export type Mode = 'web' | 'kiosk' | 'agent';
