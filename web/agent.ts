import { ChatClient, http } from './chat/client';
import { Conversation } from './chat/conversation';
import { fill, h } from './chat/dom';
import type { Language, UiTexts } from './chat/types';
import { ChatView } from './chat/view';

/**
 * The helpdesk console: behind the agents' credential (kept for this tab only), one panel per
 * caller, the question to read in French and in the caller's language with notes, the answers
 * given with a button to change any of them, and the case summary to copy.
 */
const server = location.origin;
const root = document.getElementById('agent')!;
const CREDENTIAL = 'guidance-agent-key';
let texts: UiTexts;
let languages: Language[];
let procedures: { id: string; title: string }[];
let callers = 0;

async function init() {
  [texts, languages, procedures] = await Promise.all([
    http.texts(server, 'fr'),
    http.languages(server),
    fetch(`${server}/api/v1/procedures?lang=fr`).then((r) => r.json()),
  ]);
  const key = sessionStorage.getItem(CREDENTIAL);
  key ? workspace(key) : signIn();
}

/** The key is checked at sign-in: the server accepts or refuses the connection it opens. */
async function keyAccepted(key: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const probe = new ChatClient(server, { agentKey: key });
  const r = await probe.connected();
  probe.close();
  return r.ok
    ? r
    : {
        ok: false,
        message: r.code === 'AGENT_CREDENTIAL_REQUIRED' ? (texts.ui.agent['signed-out'] ?? r.message) : r.message,
      };
}

function signIn(refusal?: string) {
  const t = texts.ui.agent;
  const field = h('input', { id: 'credential', type: 'password', autocomplete: 'current-password', required: true });
  root.replaceChildren(
    h(
      'main',
      { className: 'agent-signin' },
      h('h1', {}, t.title ?? ''),
      refusal ? h('p', { role: 'alert', className: 'note error' }, refusal) : undefined,
      h(
        'form',
        {
          onsubmit: async (e: Event) => {
            e.preventDefault();
            const checked = await keyAccepted(field.value);
            if (!checked.ok) return signIn(checked.message);
            sessionStorage.setItem(CREDENTIAL, field.value);
            workspace(field.value);
          },
        },
        h('label', { for: 'credential' }, t.credential ?? ''),
        field,
        h('button', { type: 'submit' }, t['sign-in'] ?? ''),
      ),
    ),
  );
  field.focus();
}

function workspace(key: string) {
  const t = texts.ui.agent;
  const tabs = h('div', { className: 'tabs', role: 'tablist', 'aria-label': t.title ?? '' });
  const panels = h('div', { className: 'panels' });
  const add = h(
    'button',
    { type: 'button', className: 'new-caller', onclick: () => newCaller(key, tabs, panels) },
    t['new-caller'] ?? '',
  );
  root.replaceChildren(
    h(
      'main',
      { className: 'agent-workspace' },
      h('div', { className: 'agent-header' }, h('h1', {}, t.title ?? ''), add),
      tabs,
      panels,
    ),
  );
  newCaller(key, tabs, panels);
}

function select(tabs: HTMLElement, panels: HTMLElement, n: number) {
  for (const tab of tabs.querySelectorAll('[role=tab]'))
    tab.setAttribute('aria-selected', String(tab.id === `tab-${n}`));
  for (const panel of panels.children) (panel as HTMLElement).hidden = panel.id !== `panel-${n}`;
}

function newCaller(key: string, tabs: HTMLElement, panels: HTMLElement) {
  const t = texts.ui.agent;
  const n = ++callers;
  const tab = h(
    'button',
    {
      type: 'button',
      role: 'tab',
      id: `tab-${n}`,
      'aria-controls': `panel-${n}`,
      onclick: () => select(tabs, panels, n),
    },
    fill(t.caller ?? '', { n }),
  );
  const panel = h('section', {
    id: `panel-${n}`,
    role: 'tabpanel',
    'aria-labelledby': `tab-${n}`,
    className: 'caller',
  });
  tabs.append(tab);
  panels.append(panel);
  select(tabs, panels, n);

  const procedureId = `procedure-${n}`;
  const langId = `lang-${n}`;
  const procedure = h('select', { id: procedureId }, ...procedures.map((p) => h('option', { value: p.id }, p.title)));
  const lang = h(
    'select',
    { id: langId },
    ...languages.map((l) => h('option', { value: l.code, lang: l.code }, l.name)),
  );
  panel.append(
    h(
      'form',
      { className: 'caller-setup', onsubmit: (e: Event) => (e.preventDefault(), void start()) },
      h('label', { for: procedureId }, t.procedure ?? ''),
      procedure,
      h('label', { for: langId }, t['caller-language'] ?? ''),
      lang,
      h('button', { type: 'submit' }, t.start ?? ''),
    ),
  );

  async function start() {
    const client = new ChatClient(server, { agentKey: key });
    const conversationBox = h('div', { className: 'conversation' });
    const answersBox = h('div', { className: 'answers' });
    const summaryBox = h('div', { className: 'case-summary' });
    panel.replaceChildren(
      h(
        'div',
        { className: 'caller-grid' },
        conversationBox,
        h('aside', {}, h('h2', {}, t.answers ?? ''), answersBox, summaryBox),
      ),
      h(
        'p',
        {},
        h(
          'a',
          {
            href: `${server}/api/v1/procedures/${procedure.value}/script?format=html&lang=fr`,
            target: '_blank',
            rel: 'noopener',
          },
          t.script ?? '',
        ),
      ),
    );
    const view = new ChatView(
      conversationBox,
      texts,
      {
        answer: (a, shown) => void conversation.answer(a, shown).then(refresh),
        back: () => void conversation.back().then(refresh),
        restart: () => void conversation.restart().then(refresh),
        feedback: (helpful) => void client.feedback(helpful),
        calendar: () => void conversation.calendar(),
        summary: () => void conversation.summary(),
      },
      { agent: true },
    );
    const conversation: Conversation = new Conversation(client, view, lang.value);
    const ok = await conversation.start(procedure.value, 'agent');
    if (!ok) {
      client.close();
      sessionStorage.removeItem(CREDENTIAL);
      signIn(t['signed-out'] ?? '');
      return;
    }

    /** The answers given so far, each with "Change"; and, at the end, the case summary to copy. */
    async function refresh() {
      if (!conversation.keys) return;
      const summary = await http.summaryJson(server, conversation.keys);
      answersBox.replaceChildren(
        h(
          'ol',
          {},
          ...(summary?.answers ?? []).map((a, index) => {
            const id = `change-${n}-${index}`;
            const field = h('input', { id, type: 'text', value: a.answer, maxlength: 500 });
            return h(
              'li',
              {},
              h('span', { className: 'q' }, a.question),
              h(
                'form',
                {
                  className: 'change',
                  onsubmit: async (e: Event) => {
                    e.preventDefault();
                    await conversation.changeAnswer(index, field.value);
                    await refresh();
                  },
                },
                h('label', { for: id, className: 'visually-hidden' }, a.question),
                field,
                h('button', { type: 'submit', className: 'secondary' }, t.change ?? ''),
              ),
            );
          }),
        ),
      );
      const text = await (await http.sessionFile(server, conversation.keys, 'format=text')).text();
      const areaId = `summary-${n}`;
      const area = h('textarea', { id: areaId, readonly: true, rows: 8 });
      area.value = text;
      summaryBox.replaceChildren(
        h('label', { for: areaId }, t['copy-summary'] ?? ''),
        area,
        h(
          'button',
          {
            type: 'button',
            className: 'secondary',
            onclick: async () => {
              area.select();
              await navigator.clipboard?.writeText(text).catch(() => undefined);
              summaryBox.append(h('p', { role: 'status' }, t.copied ?? ''));
            },
          },
          t['copy-summary'] ?? '',
        ),
      );
    }
    await refresh();
  }
}

void init();
