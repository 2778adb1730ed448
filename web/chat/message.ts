import { h } from './dom';
import type { Mode, Shown, UiTexts, Urgent } from './types';

/**
 * One message of the bot in the log. On the agent's console, everything the agent reads is in French, with the
 * caller's language beside it for the lines to read out. Outcomes are drawn by ./decision.
 */
export function renderMessage(m: Shown, texts: UiTexts, mode: Mode): HTMLElement {
  const box = h('div', { className: `bubble bot ${m.type}`, lang: m.lang, dir: m.dir, tabindex: '-1' });
  if (m.type === 'understood') {
    box.append(h('p', {}, h('span', { className: 'understood-label' }, `${texts.ui.chat.understood} `), m.text));
    return box;
  }
  if (mode === 'agent' && m.agent) {
    const a = texts.ui.agent;
    box.lang = 'fr';
    box.dir = 'ltr';
    box.append(h('p', { className: 'agent-label' }, a['read-fr']), h('p', { className: 'agent-fr' }, m.agent.textFr));
    if (m.agent.helpFr) box.append(h('p', { className: 'help' }, m.agent.helpFr));
    if (m.lang !== 'fr')
      box.append(
        h('p', { className: 'agent-label' }, a['read-caller']),
        h(
          'div',
          { lang: m.lang, dir: m.dir, className: 'caller-line' },
          h('p', {}, m.text),
          m.help ? h('p', { className: 'help' }, m.help) : undefined,
        ),
      );
    if (m.agent.notes.length)
      box.append(
        h('p', { className: 'agent-label' }, a.notes),
        h('ul', { className: 'agent-notes' }, ...m.agent.notes.map((n) => h('li', {}, n))),
      );
    return box;
  }
  box.append(h('p', {}, m.text));
  if (m.help) box.append(h('p', { className: 'help' }, m.help));
  if (m.urgent) box.append(renderUrgent(m.urgent, mode));
  return box;
}

function renderUrgent(u: Urgent, mode: Mode): HTMLElement {
  return h(
    'ul',
    { className: 'urgent' },
    ...u.contacts.map((c) =>
      h(
        'li',
        {},
        h('strong', {}, c.name),
        c.number
          ? mode === 'web'
            ? h('a', { href: `tel:${c.number.replace(/\s/g, '')}`, className: 'tel' }, ` ${c.number}`)
            : h('span', { className: 'tel' }, ` ${c.number}`)
          : undefined,
        ` — ${c.text}`,
      ),
    ),
  );
}

/** An earlier question and its answer, re-drawn from the stored answers after a reload (free text is not kept). */
export function renderPastAnswer(question: string, answer: string, texts: UiTexts, dir: string): HTMLElement[] {
  return [
    h('div', { className: 'bubble bot past', dir }, h('p', {}, question)),
    h(
      'p',
      { className: 'bubble user past', dir },
      h('span', { className: 'visually-hidden' }, `${texts.ui.chat.you}: `),
      answer,
    ),
  ];
}
