import { fill, h } from './dom';
import { qrSvg } from './qr';
import type { AckResult, UiTexts } from './types';

type Created = AckResult<{ handover: { code: string; expiresAt: string } }>;

/**
 * Asking for a human: the person first reads what is shared and for how long, and agrees; then gets a short code to
 * give an adviser (on the kiosk, with a QR code that opens the agents' console with it). No name or contact is asked.
 */
export function handoverPanel(
  texts: UiTexts,
  o: { request(): Promise<Created>; qr: boolean; server: string; close(): void },
): HTMLElement {
  const t = texts.ui.handover;
  const panel = h('section', { className: 'handover', 'aria-label': t.title });
  const title = h('h3', { tabindex: '-1' }, t.title);
  const accept = h('button', { type: 'button' }, t.accept);
  const cancel = h(
    'button',
    { type: 'button', className: 'secondary', onclick: () => o.close() },
    texts.ui.chat.cancel,
  );
  panel.append(
    title,
    h('p', {}, t.consent),
    h('p', {}, fill(t.limit, { duration: texts.durations.handover })),
    h('div', { className: 'nav' }, accept, cancel),
  );
  accept.addEventListener('click', () => {
    void o.request().then((r) => {
      if (!r.ok) {
        panel.append(h('p', { className: 'note error', role: 'alert' }, r.error.message));
        return;
      }
      const { code, expiresAt } = r.handover;
      // the service's times are France's
      const time = new Date(expiresAt).toLocaleTimeString(texts.lang, {
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'Europe/Paris',
      });
      const shown = `${code.slice(0, 3)} ${code.slice(3)}`;
      const heading = h('h3', { tabindex: '-1' }, t['code-title']);
      panel.replaceChildren(
        heading,
        h('p', { className: 'handover-code', lang: 'en', dir: 'ltr' }, shown),
        h('p', {}, fill(t['code-text'], { time })),
        ...(o.qr ? [qrSvg(`${o.server}/agent#code=${code}`, shown), h('p', { className: 'small' }, t.qr)] : []),
        h('button', { type: 'button', className: 'secondary', onclick: () => o.close() }, texts.ui.kiosk.back ?? 'OK'),
      );
      heading.focus();
    });
  });
  queueMicrotask(() => title.focus());
  return panel;
}
