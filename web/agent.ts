import { ChatClient } from './chat/client';
import { h } from './chat/dom';
import { http } from './chat/http';
import { workspace, type Console } from './agent/workspace';

/**
 * The helpdesk console: behind an agent's own key (checked at sign-in, kept for this tab only), one tab per caller.
 * Everything the agent reads or clicks is in French, with the caller's language beside the lines to read out.
 */
const server = location.origin;
const root = document.getElementById('agent')!;
const CREDENTIAL = 'guidance-agent-key';

async function init() {
  const [texts, languages, procedures] = await Promise.all([
    http.texts(server, 'fr'),
    http.languages(server),
    fetch(`${server}/api/v1/procedures?lang=fr`).then((r) => r.json() as Promise<{ id: string; title: string }[]>),
  ]);
  const app: Console = {
    server,
    root,
    texts,
    languages,
    procedures,
    signOut: () => signIn(app, texts.ui.agent['signed-out']),
  };
  const key = sessionStorage.getItem(CREDENTIAL);
  if (key) workspace(app, key);
  else signIn(app);
}

/** The key is checked at sign-in: the server accepts or refuses the connection it opens. */
async function keyAccepted(app: Console, key: string): Promise<{ ok: true } | { ok: false; message: string }> {
  const probe = new ChatClient(server, { agentKey: key });
  const r = await probe.connected();
  probe.close();
  if (r.ok) return r;
  return {
    ok: false,
    message: r.code === 'AGENT_CREDENTIAL_REQUIRED' ? (app.texts.ui.agent['signed-out'] ?? r.message) : r.message,
  };
}

function signIn(app: Console, refusal?: string) {
  sessionStorage.removeItem(CREDENTIAL);
  const t = app.texts.ui.agent;
  const field = h('input', { id: 'credential', type: 'password', autocomplete: 'current-password', required: true });
  const submit = async (e: Event) => {
    e.preventDefault();
    const checked = await keyAccepted(app, field.value);
    if (!checked.ok) return signIn(app, checked.message);
    sessionStorage.setItem(CREDENTIAL, field.value);
    workspace(app, field.value);
  };
  root.replaceChildren(
    h(
      'main',
      { className: 'agent-signin' },
      h('h1', {}, t.title),
      refusal ? h('p', { role: 'alert', className: 'note error' }, refusal) : undefined,
      h(
        'form',
        { onsubmit: (e: Event) => void submit(e) },
        h('label', { for: 'credential' }, t.credential),
        field,
        h('button', { type: 'submit' }, t['sign-in']),
      ),
    ),
  );
  field.focus();
}

void init();
