import { escapeHtml as escape } from '../../src/format';
import type { Decision, UiTexts } from '../chat/types';
import { calendarEvent, qrSvg } from '../chat/qr';

/**
 * The kiosk's printout, printed from the page itself (a hidden frame holding the summary), never a download or a new
 * window: the bilingual summary, the dates as QR codes holding the events, and the hand-over code with its QR code when
 * the person asked for an adviser. The frame is part of the screen, so the reset removes it with everything else.
 */
export function printInPlace(
  root: HTMLElement,
  html: string,
  o: { deadlines: Decision['deadlines']; handoverCode?: string; server: string; texts: UiTexts },
) {
  const serialize = (el: Element) => new XMLSerializer().serializeToString(el);
  const blocks: string[] = [];
  for (const d of o.deadlines)
    blocks.push(
      `<figure>${serialize(qrSvg(calendarEvent(d), d.title))}<figcaption>${escape(d.title)}</figcaption></figure>`,
    );
  if (o.handoverCode) {
    const url = `${o.server}/agent#code=${o.handoverCode}`;
    blocks.push(
      `<section><h2>${escape(o.texts.ui.handover['code-title'] ?? '')}</h2><p class="code">${escape(o.handoverCode)}</p>` +
        `${serialize(qrSvg(url, o.handoverCode))}</section>`,
    );
  }
  const style = '<style>.qr{width:5cm;height:5cm}.code{font:700 1.6rem monospace;letter-spacing:.15em}</style>';
  const page = html.replace('</body>', `${style}${blocks.join('')}</body>`);
  root.querySelector('iframe.printout')?.remove();
  const frame = document.createElement('iframe');
  frame.className = 'printout';
  frame.title = o.texts.ui.kiosk.print ?? '';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.addEventListener('load', () => frame.contentWindow?.print());
  frame.srcdoc = page;
  root.append(frame);
}
