import { ChatClient } from '../chat/client';
import type { Conversation } from '../chat/conversation';
import { fill, h } from '../chat/dom';
import { http } from '../chat/http';
import { privacyLines } from '../chat/privacy';
import type { Handover } from '../chat/types';
import { converse } from '../chat/wiring';
import { answersPanel } from './answers';
import { select, type Console, type Tabs } from './workspace';

/** A caller's tab: how to start (a procedure and the caller's language, or a hand-over code), then the conversation. */
export function newCaller(app: Console, key: string, tabs: Tabs, from?: { code: string }) {
  const t = app.texts.ui.agent;
  const n = ++tabs.count;
  const tab = h(
    'button',
    { type: 'button', role: 'tab', id: `tab-${n}`, 'aria-controls': `panel-${n}`, onclick: () => select(tabs, n) },
    fill(t.caller, { n }),
  );
  const panel = h('section', {
    id: `panel-${n}`,
    role: 'tabpanel',
    'aria-labelledby': `tab-${n}`,
    className: 'caller',
  });
  tabs.tabs.append(tab);
  tabs.panels.append(panel);
  select(tabs, n);
  const caller = { app, key, panel, n };
  if (from) return void openByCode(caller, from.code);
  const procedure = h(
    'select',
    { id: `procedure-${n}` },
    ...app.procedures.map((p) => h('option', { value: p.id }, p.title)),
  );
  const lang = h(
    'select',
    { id: `lang-${n}` },
    ...app.languages.map((l) => h('option', { value: l.code, lang: l.code, selected: l.code === 'fr' }, l.name)),
  );
  const start = async () => {
    const { client, conversation } = await setUp(caller, lang.value, procedure.value);
    const ok = await conversation.start(procedure.value, 'agent');
    if (!ok) {
      client.close();
      app.signOut();
    }
  };
  panel.append(
    h(
      'form',
      { className: 'caller-setup', onsubmit: (e: Event) => (e.preventDefault(), void start()) },
      h('label', { for: `procedure-${n}` }, t.procedure),
      procedure,
      h('label', { for: `lang-${n}` }, t['caller-language']),
      lang,
      h('button', { type: 'submit' }, t.start),
    ),
  );
}

type Caller = { app: Console; key: string; panel: HTMLElement; n: number };

/** A conversation a person handed over: opened with their code, their consent shown first. */
async function openByCode(caller: Caller, code: string) {
  const client = new ChatClient(caller.app.server, { agentKey: caller.key });
  const r = await client.openHandover(code);
  if (!r.ok) {
    client.close();
    caller.panel.replaceChildren(h('p', { className: 'note error', role: 'alert' }, r.error.message));
    return;
  }
  const { conversation } = await setUp(caller, r.session.lang, r.session.procedure, client, r.handover);
  await conversation.adopt({ id: r.session.id, token: r.session.token }, r.session.lang, r.messages);
}

/** The caller's screen: the lines to read first, the conversation, and beside it the answers and the case summary. */
async function setUp(caller: Caller, lang: string, procedure: string, given?: ChatClient, handover?: Handover) {
  const { app, panel, n } = caller;
  const t = app.texts.ui.agent;
  const client = given ?? new ChatClient(app.server, { agentKey: caller.key });
  const conversationBox = h('div', { className: 'conversation' });
  const aside = h('aside', { 'aria-label': t.answers });
  const callerTexts = lang === 'fr' ? app.texts : await http.texts(app.server, lang);
  const holder: { conversation?: Conversation } = {};
  const refresh = answersPanel(aside, app, n, () => holder.conversation!);
  const c = (holder.conversation = converse({
    root: conversationBox,
    client,
    texts: app.texts,
    lang,
    mode: 'agent',
    hooks: { onStep: () => void refresh() },
  }));
  const erase = h('button', { type: 'button', className: 'leave' }, t.erase);
  erase.addEventListener('click', () => {
    void c.erase().then(() => {
      client.close();
      panel.replaceChildren(h('p', { role: 'status' }, t.erased));
    });
  });
  panel.replaceChildren(
    ...(handover ? [consentLine(app, handover)] : []),
    readFirst(app, callerTexts),
    h('div', { className: 'caller-grid' }, conversationBox, aside),
    h(
      'p',
      { className: 'caller-actions' },
      h(
        'a',
        {
          href: `${app.server}/api/v1/procedures/${procedure}/script?format=html&lang=fr`,
          target: '_blank',
          rel: 'noopener',
        },
        t.script,
      ),
      erase,
    ),
  );
  return { client, conversation: c };
}

/** What the person agreed to, and when: shown before their answers. */
function consentLine(app: Console, handover: Handover): HTMLElement {
  const t = app.texts.ui.agent;
  const date = new Date(handover.consentedAt).toLocaleString('fr', { dateStyle: 'long', timeStyle: 'short' });
  return h(
    'p',
    { className: 'consent', role: 'status' },
    fill(t.consent, { from: t[`from-${handover.from}`] ?? '', date }),
  );
}

/** The privacy lines to read out at the start of the call: in French, and in the caller's language beside. */
function readFirst(app: Console, callerTexts: typeof app.texts): HTMLElement {
  const t = app.texts.ui.agent;
  const block = (texts: typeof app.texts) =>
    h('ul', { lang: texts.lang, dir: texts.dir }, ...privacyLines(texts, 'agent', '').map((l) => h('li', {}, l)));
  return h(
    'details',
    { className: 'privacy read-first', open: true },
    h('summary', {}, t['privacy-read']),
    block(app.texts),
    callerTexts.lang === 'fr' ? undefined : block(callerTexts),
  );
}
