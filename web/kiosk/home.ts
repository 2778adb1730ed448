import { ChatClient } from '../chat/client';
import { h } from '../chat/dom';
import { http } from '../chat/http';
import type { Language } from '../chat/types';
import { begin } from './session';

export const server = location.origin;
export const root = document.getElementById('kiosk')!;
/** The terminal's own key, when it has one (/kiosk#key=...): limits then count per terminal, not per address. */
const kioskKey = new URLSearchParams(location.hash.slice(1)).get('key') ?? undefined;

let client: ChatClient | undefined;

/** A new connection for each person: the last one's is closed, with everything it held. */
export function newClient(): ChatClient {
  client?.close();
  client = new ChatClient(server, kioskKey ? { kioskKey } : {});
  return client;
}

/**
 * The first screen: each language named in its own script, with one line in it saying what the terminal is for.
 * Whatever the last person left is gone.
 */
export async function home() {
  client?.close();
  client = undefined;
  const [languages, fr] = await Promise.all([http.languages(server), http.texts(server, 'fr')]);
  document.documentElement.lang = 'fr';
  document.documentElement.dir = 'ltr';
  root.replaceChildren(
    h(
      'main',
      { className: 'kiosk-home' },
      h('h1', {}, fr.ui.kiosk['choose-language']),
      h(
        'div',
        { className: 'languages', role: 'group' },
        ...languages.map((l: Language) =>
          h(
            'button',
            {
              type: 'button',
              className: 'option big language',
              lang: l.code,
              dir: l.dir,
              onclick: () => void begin(l),
            },
            h('span', { className: 'name' }, l.name),
            h('span', { className: 'purpose' }, l.purpose),
          ),
        ),
      ),
    ),
  );
  root.querySelector<HTMLElement>('button')?.focus();
}
