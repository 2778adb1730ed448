import type { Conversation } from '../chat/conversation';
import { h } from '../chat/dom';
import { handoverPanel } from '../chat/handover';
import { http } from '../chat/http';
import { icon } from '../chat/icons';
import { privacyNotice } from '../chat/privacy';
import type { Language, UiTexts } from '../chat/types';
import { converse, leaveButton } from '../chat/wiring';
import { home, newClient, root, server } from './home';
import { idleWarning, staffMessage } from './overlays';
import { printInPlace } from './print';

/**
 * One person's conversation at the kiosk. "Finish and clear" is the kiosk's "leave quickly": the session is erased on
 * the server at once and the screen starts over. A conversation handed over to a human lives on as the adviser's copy
 * for the hand-over's time limit; the kiosk itself resets as usual.
 */
export async function begin(language: Language) {
  const [texts, fr] = await Promise.all([http.texts(server, language.code), http.texts(server, 'fr')]);
  document.documentElement.lang = language.code;
  document.documentElement.dir = texts.dir;
  const body = h('div', { className: 'body' });
  const overlay = h('div', { className: 'overlay', hidden: true });
  const client = newClient();
  let handoverCode: string | undefined;
  const conversation: Conversation = converse({
    root: body,
    client,
    texts,
    lang: language.code,
    mode: 'kiosk',
    hooks: { onEnded: () => void home() },
    navExtras: () => [
      humanButton(
        texts,
        () => conversation,
        (code) => (handoverCode = code),
      ),
    ],
    summary: (c) => void print(c),
  });
  const finish = leaveButton(texts, () => end(conversation), texts.ui.kiosk.finish);
  const staff = h(
    'button',
    { type: 'button', className: 'secondary staff', onclick: () => staffMessage(overlay, texts, fr) },
    icon('staff'),
    h('span', {}, texts.ui.kiosk.staff),
  );
  root.replaceChildren(
    h(
      'main',
      { className: 'kiosk-chat' },
      h('div', { className: 'header' }, h('h1', {}, texts.ui.kiosk.title), staff, finish),
      body,
      overlay,
    ),
  );
  const stopIdle = idleWarning(client, overlay, texts, conversation);
  client.socket.on('session:ended', () => {
    stopIdle();
    void home();
  });
  async function print(c: Conversation) {
    if (!c.keys) return;
    const html = await (await http.sessionFile(server, c.keys, 'format=html&bilingual=1')).text();
    const summary = await http.summary(server, c.keys);
    printInPlace(root, html, { deadlines: summary?.decision?.deadlines ?? [], handoverCode, server, texts });
  }
  conversation.view.add(privacyNotice(texts, 'kiosk', texts.ui.kiosk.finish ?? ''), false);
  await conversation.start(undefined, 'kiosk');
}

function humanButton(texts: UiTexts, conversation: () => Conversation, remember: (code: string) => void) {
  const open = () => {
    const c = conversation();
    const panel: HTMLElement = handoverPanel(texts, {
      request: async () => {
        const r = await c.handover();
        if (r.ok) remember(r.handover.code);
        return r;
      },
      qr: true,
      server,
      close: () => panel.remove(),
    });
    c.view.add(panel);
  };
  return h(
    'button',
    { type: 'button', className: 'secondary human', onclick: open },
    icon('headset'),
    h('span', {}, texts.ui.handover.ask),
  );
}

/** Erased on the server at once, and the screen starts over. */
async function end(conversation: Conversation) {
  await conversation.erase();
  await home();
}
