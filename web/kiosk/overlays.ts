import type { ChatClient } from '../chat/client';
import type { Conversation } from '../chat/conversation';
import { fill, h } from '../chat/dom';
import { icon } from '../chat/icons';
import type { UiTexts } from '../chat/types';

/**
 * Inactivity: the server warns before it erases the session; the countdown is shown over everything, with "I'm still
 * here" (which resumes the session: any event resets the server's timer). Returns what stops the countdown.
 */
export function idleWarning(client: ChatClient, overlay: HTMLElement, texts: UiTexts, conversation: Conversation) {
  let ticking: ReturnType<typeof setInterval> | undefined;
  const stop = () => clearInterval(ticking);
  client.socket.on('session:expiring', ({ secondsLeft }) => {
    let left = secondsLeft;
    const line = h('p', {}, fill(texts.ui.kiosk.warning, { seconds: left }));
    const still = h(
      'button',
      {
        type: 'button',
        className: 'big',
        onclick: () => {
          stop();
          overlay.hidden = true;
          if (conversation.keys) void client.resume(conversation.keys);
        },
      },
      texts.ui.kiosk['still-here'],
    );
    show(overlay, 'alertdialog', texts.ui.kiosk['still-here'] ?? '', line, still);
    still.focus();
    stop();
    ticking = setInterval(() => {
      left = Math.max(0, left - 1);
      line.textContent = fill(texts.ui.kiosk.warning, { seconds: left });
    }, 1000);
  });
  return stop;
}

/** "Call a member of staff": a message to show at the desk, in the person's language and in French. */
export function staffMessage(overlay: HTMLElement, texts: UiTexts, fr: UiTexts) {
  const k = texts.ui.kiosk;
  const back = h('button', { type: 'button', className: 'big', onclick: () => (overlay.hidden = true) }, k.back);
  show(
    overlay,
    'dialog',
    k.staff ?? '',
    icon('staff'),
    h('p', {}, k['staff-message']),
    h('p', { className: 'staff-request' }, k['staff-request']),
    texts.lang === 'fr'
      ? undefined
      : h('p', { className: 'staff-request', lang: 'fr', dir: 'ltr' }, fr.ui.kiosk['staff-request']),
    back,
  );
  back.focus();
}

function show(overlay: HTMLElement, role: string, name: string, ...children: (Node | undefined)[]) {
  overlay.replaceChildren(...children.filter((c): c is Node => c !== undefined));
  overlay.setAttribute('role', role);
  overlay.setAttribute('aria-label', name);
  overlay.setAttribute('aria-modal', 'true');
  overlay.setAttribute('aria-live', role === 'alertdialog' ? 'assertive' : 'polite');
  overlay.hidden = false;
}
