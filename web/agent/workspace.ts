import { h } from '../chat/dom';
import type { Language, UiTexts } from '../chat/types';
import { newCaller } from './caller';

/** What the console's parts share: the server, the French texts, the languages and procedures, signing out. */
export interface Console {
  server: string;
  root: HTMLElement;
  texts: UiTexts;
  languages: Language[];
  procedures: { id: string; title: string }[];
  signOut(): void;
}

/** Tabs and their panels: one per caller. */
export interface Tabs {
  tabs: HTMLElement;
  panels: HTMLElement;
  count: number;
}

/**
 * The signed-in console: a new caller, or a conversation handed over by a person (the code they give; a kiosk's QR code
 * opens /agent#code=...). The code in the address is read once and removed from it.
 */
export function workspace(app: Console, key: string) {
  const t = app.texts.ui.agent;
  const tabs: Tabs = {
    tabs: h('div', { className: 'tabs', role: 'tablist', 'aria-label': t.title }),
    panels: h('div', { className: 'panels' }),
    count: 0,
  };
  const fromAddress = new URLSearchParams(location.hash.slice(1)).get('code') ?? '';
  if (fromAddress) history.replaceState(null, '', location.pathname);
  const code = h('input', {
    id: 'handover-code',
    type: 'text',
    autocomplete: 'off',
    maxlength: 32,
    value: fromAddress,
  });
  const open = (e: Event) => {
    e.preventDefault();
    if (code.value.trim()) newCaller(app, key, tabs, { code: code.value.trim() });
    code.value = '';
  };
  app.root.replaceChildren(
    h(
      'main',
      { className: 'agent-workspace' },
      h(
        'div',
        { className: 'agent-header' },
        h('h1', {}, t.title),
        h(
          'form',
          { className: 'open-code', onsubmit: open, 'aria-label': t['open-code'] },
          h('label', { for: 'handover-code' }, t['code-label']),
          code,
          h('button', { type: 'submit', className: 'secondary' }, t.open),
        ),
        h(
          'button',
          { type: 'button', className: 'new-caller', onclick: () => newCaller(app, key, tabs) },
          t['new-caller'],
        ),
      ),
      tabs.tabs,
      tabs.panels,
    ),
  );
  newCaller(app, key, tabs);
}

export function select(tabs: Tabs, n: number) {
  for (const tab of tabs.tabs.querySelectorAll('[role=tab]'))
    tab.setAttribute('aria-selected', String(tab.id === `tab-${n}`));
  for (const panel of tabs.panels.children) (panel as HTMLElement).hidden = panel.id !== `panel-${n}`;
}
