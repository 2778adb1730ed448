// The shapes the server sends, as the pages use them (PROTOCOL.md: Message, Decision).
export type { Message } from '../../src/dialogue/messages';
export type { Decision } from '../../src/dialogue/decisions';
export type { AckResult, ClientToServerEvents, ServerToClientEvents } from '../../src/realtime/events';

export interface UiTexts {
  lang: string;
  dir: 'ltr' | 'rtl';
  ui: {
    widget: Record<string, string>;
    chat: Record<string, string>;
    outcome: Record<string, string>;
    kiosk: Record<string, string>;
    agent: Record<string, string>;
    demo: Record<string, string>;
  };
  status: Record<string, string>;
  translationNotice?: string;
}

export interface Language {
  code: string;
  name: string;
  dir: 'ltr' | 'rtl';
}

export interface SessionKeys {
  id: string;
  token: string;
}
