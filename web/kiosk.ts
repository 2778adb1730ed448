import kioskCss from './styles/chat.css';
import { ChatClient, http } from './chat/client';
import { Conversation } from './chat/conversation';
import { fill, h } from './chat/dom';
import type { Language } from './chat/types';
import { ChatView } from './chat/view';

/**
 * The kiosk: a touch screen shared by strangers. The language first, big choices, and after
 * inactivity a countdown, then the session is erased on the server and the page starts over.
 * Nothing is kept in the browser: no storage, no history; the keys live in memory only.
 */
const server = location.origin;
const root = document.getElementById('kiosk')!;
/** The terminal's own key, when it has one (/kiosk#key=...): limits then count per terminal, not per address. */
const kioskKey = new URLSearchParams(location.hash.slice(1)).get('key') ?? undefined;
document.head.append(h('style', {}, kioskCss));

let client: ChatClient | undefined;
let conversation: Conversation | undefined;

async function home() {
  client?.close();
  client = undefined;
  conversation = undefined;
  const languages: Language[] = await http.languages(server);
  const fr = await http.texts(server, 'fr');
  document.documentElement.lang = 'fr';
  document.documentElement.dir = 'ltr';
  root.replaceChildren(
    h(
      'main',
      { className: 'kiosk-home' },
      h('h1', {}, fr.ui.kiosk['choose-language'] ?? ''),
      h(
        'div',
        { className: 'languages', role: 'group' },
        ...languages.map((l) =>
          h(
            'button',
            { type: 'button', className: 'option big', lang: l.code, dir: l.dir, onclick: () => void begin(l) },
            l.name,
          ),
        ),
      ),
    ),
  );
  (root.querySelector('button') as HTMLElement | null)?.focus();
}

async function begin(language: Language) {
  const texts = await http.texts(server, language.code);
  document.documentElement.lang = language.code;
  document.documentElement.dir = texts.dir;
  const body = h('div', { className: 'body' });
  const warning = h('div', {
    className: 'warning-overlay',
    role: 'alertdialog',
    'aria-live': 'assertive',
    hidden: true,
  });
  const finish = h(
    'button',
    { type: 'button', className: 'finish', onclick: () => void end() },
    texts.ui.kiosk.finish ?? '',
  );
  const print = h(
    'button',
    { type: 'button', className: 'secondary', onclick: () => void conversation?.summary(true) },
    texts.ui.kiosk.print ?? '',
  );
  root.replaceChildren(
    h(
      'main',
      { className: 'kiosk-chat' },
      h('div', { className: 'header' }, h('h1', {}, texts.ui.kiosk.title ?? ''), print, finish),
      body,
      warning,
    ),
  );

  client = new ChatClient(server, kioskKey ? { kioskKey } : {});
  const c = client;
  const view = new ChatView(
    body,
    texts,
    {
      answer: (a, shown) => void conversation?.answer(a, shown),
      back: () => void conversation?.back(),
      restart: () => void conversation?.restart(),
      feedback: (helpful) => void c.feedback(helpful),
      calendar: () => void conversation?.calendar(),
      summary: () => void conversation?.summary(true),
    },
    { large: true },
  );
  conversation = new Conversation(c, view, language.code, { onEnded: () => void home() });

  let ticking: ReturnType<typeof setInterval> | undefined;
  c.socket.on('session:expiring', ({ secondsLeft }) => {
    let left = secondsLeft;
    const still = h(
      'button',
      { type: 'button', className: 'big', onclick: () => void stillHere() },
      texts.ui.kiosk['still-here'] ?? '',
    );
    const line = h('p', {}, fill(texts.ui.kiosk.warning ?? '', { seconds: left }));
    warning.replaceChildren(line, still);
    warning.hidden = false;
    still.focus();
    clearInterval(ticking);
    ticking = setInterval(() => {
      left = Math.max(0, left - 1);
      line.textContent = fill(texts.ui.kiosk.warning ?? '', { seconds: left });
    }, 1000);
  });
  c.socket.on('session:ended', () => {
    clearInterval(ticking);
    void home();
  });
  async function stillHere() {
    clearInterval(ticking);
    warning.hidden = true;
    // Any event resets the server's inactivity timer; resuming shows the same question again.
    if (conversation?.keys) await c.resume(conversation.keys);
  }
  await conversation.start(undefined, 'kiosk');
}

/** "Finish": the session is erased on the server at once and the screen starts over. */
async function end() {
  const keys = conversation?.keys;
  if (keys) await http.erase(server, keys);
  await home();
}

void home();
