import { create } from 'qrcode';

/**
 * QR codes drawn in the page (the `qrcode` library, bundled: no network call), as SVG: what a kiosk offers instead of a
 * file or a link, so nothing leaves the terminal but what a phone's camera reads off the screen or the printout.
 */
const NS = 'http://www.w3.org/2000/svg';

export function qrSvg(text: string, label: string): SVGSVGElement {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const margin = 4;
  let d = '';
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) if (modules.get(y, x)) d += `M${x + margin} ${y + margin}h1v1h-1z`;
  const svg = document.createElementNS(NS, 'svg');
  const total = size + 2 * margin;
  for (const [k, v] of Object.entries({
    viewBox: `0 0 ${total} ${total}`,
    class: 'qr',
    role: 'img',
    'aria-label': label,
  }))
    svg.setAttribute(k, v);
  const background = document.createElementNS(NS, 'rect');
  for (const [k, v] of Object.entries({ width: total, height: total, fill: '#fff' }))
    background.setAttribute(k, String(v));
  const path = document.createElementNS(NS, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(background, path);
  return svg;
}

const icsText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/([;,])/g, '\\$1')
    .replace(/\r?\n/g, '\\n');
const icsDate = (iso: string) => iso.replace(/-/g, '');
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * A calendar event as a phone's camera reads it from a QR code (a VEVENT, the event itself, not a link): on the day to
 * act by, which is the legal last day unless that day is not a working day.
 */
export function calendarEvent(d: { title: string; date: string; actBefore?: string; warning?: string }): string {
  const day = d.actBefore ?? d.date;
  return [
    'BEGIN:VEVENT',
    `SUMMARY:${icsText(d.title)}`,
    `DTSTART;VALUE=DATE:${icsDate(day)}`,
    `DTEND;VALUE=DATE:${icsDate(nextDay(day))}`,
    ...(d.warning ? [`DESCRIPTION:${icsText(d.warning)}`] : []),
    'END:VEVENT',
  ].join('\r\n');
}
