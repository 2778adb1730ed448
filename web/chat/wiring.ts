import type { ChatClient } from './client';
import { Conversation, type ConversationHooks } from './conversation';
import { h } from './dom';
import { icon } from './icons';
import type { Mode, UiTexts } from './types';
import { ChatView } from './view';

/**
 * One conversation on a page, wired once for the three pages: what each button of the view does. A page says where the
 * conversation goes, what it is (web, kiosk, agent), and what it does differently (the kiosk prints in place).
 */
export function converse(o: {
  root: HTMLElement;
  client: ChatClient;
  texts: UiTexts;
  lang: string;
  mode: Mode;
  hooks?: ConversationHooks;
  /** buttons the page adds beside "back" and "restart" (ask for a human) */
  navExtras?: () => HTMLElement[];
  /** the printable summary, when the page shows it its own way */
  summary?: (c: Conversation) => void;
}): Conversation {
  // the view's buttons act on the conversation, which needs the view: it is set just below
  const holder: { conversation?: Conversation } = {};
  const c = () => holder.conversation!;
  const view = new ChatView(
    o.root,
    o.texts,
    {
      answer: (a, shown) => void c().answer(a, shown),
      back: () => void c().back(),
      restart: () => void c().restart(),
      feedback: (helpful) => void o.client.feedback(helpful),
      calendar: () => void c().calendar(),
      summary: () => (o.summary ? o.summary(c()) : void c().summary()),
    },
    { mode: o.mode, ...(o.navExtras ? { navExtras: o.navExtras } : {}) },
  );
  holder.conversation = new Conversation(o.client, view, o.lang, o.hooks);
  return holder.conversation;
}

/**
 * "Leave quickly", on every page: the conversation is erased on the server (DELETE) and the page blanked at once; the
 * page says what blank means (the widget's frame asks its loader to remove it, the kiosk starts over).
 */
export function leaveButton(
  texts: UiTexts,
  leave: () => void | Promise<void>,
  label = texts.ui.chat.leave,
): HTMLElement {
  return h(
    'button',
    { type: 'button', className: 'leave', title: texts.ui.chat['leave-help'], onclick: () => void leave() },
    icon('leave'),
    h('span', {}, label),
  );
}
