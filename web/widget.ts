import chatCss from './styles/chat.css';
import { ChatClient, http } from './chat/client';
import { Conversation } from './chat/conversation';
import { h } from './chat/dom';
import type { Language, SessionKeys } from './chat/types';
import { ChatView } from './chat/view';

/**
 * The chat widget: one <script src=".../widget.js"> on any page adds a button and a panel.
 * It talks to the server it was loaded from. The session's id and token are kept for this tab
 * only (sessionStorage), so a reload resumes the conversation and closing the tab forgets it.
 */
const KEY = 'guidance-session';
const script = document.currentScript as HTMLScriptElement | null;
const server = script?.dataset.server ?? (script ? new URL(script.src).origin : location.origin);
const procedure = script?.dataset.procedure;

const stored = (): SessionKeys | undefined => {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
};
const store = (keys: SessionKeys | undefined) =>
  keys ? sessionStorage.setItem(KEY, JSON.stringify(keys)) : sessionStorage.removeItem(KEY);

async function mount() {
  const languages: Language[] = await http.languages(server);
  const wanted = (document.documentElement.lang || navigator.language || 'fr').slice(0, 2);
  let lang = languages.find((l) => l.code === wanted)?.code ?? 'fr';
  let texts = await http.texts(server, lang);

  const host = h('div', { id: 'guidance-widget' });
  document.body.append(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = h('style', {}, chatCss);
  const toggle = h(
    'button',
    { type: 'button', className: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'guidance-panel' },
    texts.ui.widget.open ?? '',
  );
  const select = h(
    'select',
    { id: 'guidance-lang' },
    ...languages.map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === lang }, l.name)),
  );
  const title = h('h2', { id: 'guidance-title' }, texts.ui.widget.title ?? '');
  const langLabel = h('label', { for: 'guidance-lang', className: 'visually-hidden' }, texts.ui.chat.language ?? '');
  const close = h('button', { type: 'button', className: 'close', 'aria-label': texts.ui.widget.close ?? '' }, '×');
  const body = h('div', { className: 'body' });
  const panel = h(
    'div',
    {
      id: 'guidance-panel',
      className: 'panel',
      role: 'dialog',
      'aria-labelledby': 'guidance-title',
      hidden: true,
      lang,
      dir: texts.dir,
    },
    h('div', { className: 'header' }, title, langLabel, select, close),
    body,
  );
  shadow.append(style, panel, toggle);

  const client = new ChatClient(server);
  let conversation: Conversation;
  const view = new ChatView(body, texts, {
    answer: (a, shown) => void conversation.answer(a, shown),
    back: () => void conversation.back(),
    restart: () => void conversation.restart(),
    feedback: (helpful) => void client.feedback(helpful),
    calendar: () => void conversation.calendar(),
    summary: () => void conversation.summary(),
  });
  conversation = new Conversation(client, view, lang, {
    onKeys: store,
    onEnded: (message) => {
      view.clear();
      view.note(message);
      view.controls.replaceChildren(
        h('button', { type: 'button', onclick: () => void begin() }, texts.ui.chat['start-new'] ?? ''),
      );
    },
  });
  client.socket.on('disconnect', () => view.note(texts.ui.chat.reconnecting ?? ''));

  async function begin() {
    view.clear();
    await conversation.start(procedure, 'web');
  }

  let started = false;
  async function open() {
    panel.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    toggle.hidden = true;
    if (!started) {
      started = true;
      const keys = stored();
      if (keys && (await conversation.resume(keys))) view.note(texts.ui.chat.resumed ?? '');
      else if (!keys) await begin();
    }
    (
      view.controls.querySelector<HTMLElement>('button.option') ??
      view.controls.querySelector<HTMLElement>('input, button')
    )?.focus();
  }
  function hide() {
    panel.hidden = true;
    toggle.hidden = false;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.focus();
  }
  toggle.addEventListener('click', () => void open());
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', (e) => e.key === 'Escape' && hide());
  select.addEventListener('change', async () => {
    lang = select.value;
    texts = await http.texts(server, lang);
    view.setTexts(texts);
    panel.lang = lang;
    panel.dir = texts.dir;
    title.textContent = texts.ui.widget.title ?? '';
    await conversation.setLanguage(lang);
  });
  // A reload while a conversation was open: open it again where it was.
  if (stored()) void open();
}

void mount();
