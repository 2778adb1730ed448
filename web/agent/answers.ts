import type { Conversation } from '../chat/conversation';
import { h } from '../chat/dom';
import { inputParts } from '../chat/controls';
import { http } from '../chat/http';
import type { Console } from './workspace';

/**
 * Beside the conversation: the answers given so far, in French, each with "Modifier" (the question's choices in French,
 * or its field), and the case summary to copy, in French, or in the caller's language when asked. Returns what
 * refreshes them after each step.
 */
export function answersPanel(aside: HTMLElement, app: Console, n: number, conversation: () => Conversation) {
  const t = app.texts.ui.agent;
  const list = h('ol', { className: 'answers' });
  const summary = h('div', { className: 'case-summary' });
  const callerLanguage = h('input', { id: `summary-caller-${n}`, type: 'checkbox' });
  aside.replaceChildren(h('h2', {}, t.answers), list, summary);
  callerLanguage.addEventListener('change', () => void refresh());

  async function refresh() {
    const c = conversation();
    if (!c.keys) return;
    const keys = c.keys;
    const given = await http.summary(app.server, keys, 'fr');
    list.replaceChildren(
      ...(given?.answers ?? []).map((a, index) => {
        const value = h('span', { className: 'a', lang: 'fr' }, a.answer);
        const change = h('button', { type: 'button', className: 'secondary' }, t.change);
        change.addEventListener('click', () => {
          const parts = a.input
            ? inputParts(a.input, {
                texts: app.texts,
                mode: 'agent',
                label: a.question,
                answer: (answer, shown) => void c.changeAnswer(index, answer, shown),
              })
            : [];
          value.replaceChildren(h('div', { className: 'editor' }, ...parts));
          value.querySelector<HTMLElement>('button, input')?.focus();
        });
        return h('li', {}, h('span', { className: 'q' }, a.question), value, change);
      }),
    );
    const query = `format=text${callerLanguage.checked ? '' : '&lang=fr'}`;
    const text = await (await http.sessionFile(app.server, keys, query)).text();
    const areaId = `summary-${n}`;
    const area = h('textarea', { id: areaId, readonly: true, rows: 8 });
    area.value = text;
    const copy = async () => {
      area.select();
      await navigator.clipboard?.writeText(text).catch(() => undefined);
      summary.append(h('p', { role: 'status' }, t.copied));
    };
    summary.replaceChildren(
      h('label', { for: areaId }, t['copy-summary']),
      area,
      h('p', {}, callerLanguage, ' ', h('label', { for: callerLanguage.id }, t['summary-caller'])),
      h('button', { type: 'button', className: 'secondary', onclick: () => void copy() }, t['copy-summary']),
    );
  }
  return refresh;
}
