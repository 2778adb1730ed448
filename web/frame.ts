import { ChatClient } from './chat/client';
import type { Conversation } from './chat/conversation';
import { h } from './chat/dom';
import { handoverPanel } from './chat/handover';
import { http } from './chat/http';
import { icon } from './chat/icons';
import { privacyNotice } from './chat/privacy';
import type { Language, SessionKeys, UiTexts } from './chat/types';
import { converse, leaveButton } from './chat/wiring';

/**
 * The widget's conversation, in a frame served from this server's own origin (/widget/frame): the host page's
 * scripts, analytics and session-replay tools can read nothing of it. The session's id and token are kept in this
 * frame's storage for the tab only, never the host's; a reload resumes the conversation. The frame talks to its
 * loader (/widget.js on the host page) only to be shown, hidden or removed.
 */
const KEY = 'guidance-session';
const server = location.origin;
const params = new URLSearchParams(location.search);
const procedure = params.get('procedure') ?? undefined;
const root = document.getElementById('frame')!;

/**
 * The frame's own storage for this tab. A browser that refuses storage to frames of another site than the page's
 * (third-party storage blocked) gets the keys in memory only: the conversation works, a reload starts a new one.
 */
let inMemory: SessionKeys | undefined;
function stored(): SessionKeys | undefined {
  try {
    return (JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as SessionKeys | null) ?? undefined;
  } catch {
    return inMemory;
  }
}
function store(keys: SessionKeys | undefined) {
  inMemory = keys;
  try {
    if (keys) sessionStorage.setItem(KEY, JSON.stringify(keys));
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage refused to this frame: the keys stay in memory
  }
}

/** To the loader on the host page: nothing but what to do with the frame. */
const toLoader = (type: 'close' | 'leave' | 'resumed' | 'ready') =>
  window.parent !== window && window.parent.postMessage({ type: `guidance:${type}` }, '*');

/** What the frame's parts share: the language and its texts (they change), the conversation. */
interface State {
  lang: string;
  texts: UiTexts;
  client: ChatClient;
  conversation: Conversation;
}

async function mount() {
  const languages: Language[] = await http.languages(server);
  // the loader's choice; else the browser's first language the service speaks (the server reads Accept-Language)
  const texts = await http.texts(server, languages.find((l) => l.code === params.get('lang'))?.code);
  const lang = texts.lang;
  const frame = layout(texts, languages, lang);
  const client = new ChatClient(server);
  const state = { lang, texts, client } as State;
  state.conversation = converse({
    root: frame.body,
    client,
    texts,
    lang,
    mode: 'web',
    hooks: { onKeys: store, onEnded: (message) => ended(state, message) },
    navExtras: () => [humanButton(state)],
  });
  client.socket.on('disconnect', () => state.conversation.view.note(state.texts.ui.chat.reconnecting ?? ''));
  frame.actions.append(leaveButton(texts, () => leave(state)));
  frame.close.addEventListener('click', () => toLoader('close'));
  root.addEventListener('keydown', (e) => e.key === 'Escape' && toLoader('close'));
  frame.select.addEventListener('change', () => void changeLanguage(state, frame.select.value, frame.retitle));
  listenToLoader(state);
}

/** The loader opens the frame: the conversation starts, or resumes where it was (a reload). */
function listenToLoader(state: State) {
  let started = false;
  const open = async () => {
    const view = state.conversation.view;
    if (started) return view.controls.querySelector<HTMLElement>('button, input')?.focus();
    started = true;
    const keys = stored();
    if (keys && (await state.conversation.resume(keys))) view.note(state.texts.ui.chat.resumed ?? '');
    else if (!keys) await begin(state);
  };
  window.addEventListener('message', (e) => {
    if (e.source === window.parent && (e.data as { type?: string })?.type === 'guidance:open') void open();
  });
  // A reload while a conversation was open: the loader opens the frame again where it was.
  if (stored()) toLoader('resumed');
  if (window.parent === window) void open();
  toLoader('ready');
}

/** A new conversation: the privacy lines first, then the first question. */
async function begin(state: State) {
  const view = state.conversation.view;
  view.clear();
  view.add(privacyNotice(state.texts, 'web', state.texts.ui.chat.leave ?? ''), false);
  await state.conversation.start(procedure, 'web');
}

function ended(state: State, message: string) {
  const view = state.conversation.view;
  view.clear();
  view.note(message);
  view.controls.replaceChildren(
    h('button', { type: 'button', onclick: () => void begin(state) }, state.texts.ui.chat['start-new']),
  );
}

async function changeLanguage(state: State, lang: string, retitle: (t: UiTexts) => void) {
  state.lang = lang;
  state.texts = await http.texts(server, lang);
  state.conversation.view.texts = state.texts;
  retitle(state.texts);
  await state.conversation.setLanguage(lang);
}

/** "Talk to an adviser": the consent, then a code. */
function humanButton(state: State) {
  const open = () => {
    const panel: HTMLElement = handoverPanel(state.texts, {
      request: () => state.conversation.handover(),
      qr: false,
      server,
      close: () => panel.remove(),
    });
    state.conversation.view.add(panel);
  };
  return h(
    'button',
    { type: 'button', className: 'secondary human', onclick: open },
    icon('headset'),
    h('span', {}, state.texts.ui.handover.ask),
  );
}

/** "Leave quickly": erased on the server, the frame blanked, and the loader asked to remove it from the host page. */
async function leave(state: State) {
  await state.conversation.erase();
  state.client.close();
  document.body.replaceChildren();
  toLoader('leave');
}

/** The frame's header (title, language, leave quickly, close) and body, in the language's direction. */
function layout(texts: UiTexts, languages: Language[], lang: string) {
  const title = h('h1', { id: 'guidance-title' }, texts.ui.widget.title);
  const select = h(
    'select',
    { id: 'guidance-lang' },
    ...languages.map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === lang }, l.name)),
  );
  const langLabel = h('label', { for: 'guidance-lang', className: 'visually-hidden' }, texts.ui.chat.language);
  const close = h('button', { type: 'button', className: 'close', 'aria-label': texts.ui.widget.close }, '×');
  const actions = h('span', { className: 'actions' });
  const header = h('div', { className: 'header' }, title, langLabel, select, actions, close);
  const body = h('main', { className: 'body', 'aria-labelledby': 'guidance-title' });
  root.replaceChildren(h('div', { className: 'panel' }, header, body));
  const retitle = (t: UiTexts) => {
    document.documentElement.lang = t.lang;
    document.documentElement.dir = t.dir;
    title.textContent = t.ui.widget.title ?? '';
    langLabel.textContent = t.ui.chat.language ?? '';
    close.setAttribute('aria-label', t.ui.widget.close ?? '');
    const leave = actions.querySelector('.leave span');
    if (leave) leave.textContent = t.ui.chat.leave ?? '';
  };
  retitle(texts);
  return { actions, body, select, close, retitle };
}

void mount();
