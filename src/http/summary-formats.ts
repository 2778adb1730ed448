import { createEvents, type EventAttributes } from 'ics';
import type { Summary } from '../dialogue/service';
import { plusDays } from '../dates/calendar';
import { directionOf, formatDate, type Translate } from '../i18n';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A printable page: the answers, the decision, the dates and the references. Everything escaped; no script. */
export function summaryHtml(s: Summary, t: Translate): string {
  const lang = s.session.lang;
  const e = escapeHtml;
  const list = (items: string[]) => (items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '');
  const d = s.decision;
  const sections = [
    `<h2>${e(t('common:summary.answers'))}</h2>`,
    `<dl>${s.answers.map((a) => `<dt>${e(a.question)}</dt><dd>${e(a.answer)}</dd>`).join('')}</dl>`,
  ];
  if (d) {
    sections.push(
      `<h2>${e(t('common:summary.decision'))}</h2><p><strong>${e(t(`common:status.${d.status}`))}</strong></p>`,
      `<h3>${e(t('common:summary.conditions'))}</h3>`,
      list(d.conditions.map((c) => `${e(c.explanation)} <small>[${e(c.reference)}]</small>`)),
    );
    if (d.deadlines.length)
      sections.push(
        `<h2>${e(t('common:summary.deadlines'))}</h2>`,
        list(d.deadlines.map((x) => `<strong>${e(x.title)}: ${e(formatDate(x.date, lang))}</strong>. ${e(x.explanation)}${x.warning ? ` <em>${e(x.warning)}</em>` : ''}`)),
      );
    if (d.referral) sections.push(`<h2>${e(t('common:summary.referral'))}</h2><p>${e(d.referral.name)}: ${e(d.referral.reason)} ${e(d.referral.contact)}</p>`);
    sections.push(`<h2>${e(t('common:summary.steps'))}</h2>`, list(d.nextSteps.map((n) => e(n.text))));
    if (d.notices.length) sections.push(`<h2>${e(t('common:summary.notices'))}</h2>`, list(d.notices.map((n) => e(n.text))));
    sections.push(`<h2>${e(t('common:summary.references'))}</h2>`, list(d.references.map((r) => `${e(r.title)} — ${e(r.url)}`)));
    if (d.translationNotice) sections.push(`<p><em>${e(d.translationNotice)}</em></p>`);
  } else {
    sections.push(`<p>${e(t('common:summary.no-decision'))}</p>`);
  }
  sections.push(`<p><small>${e(t('common:summary.generated', { date: formatDate(s.generatedOn, lang) }))}</small></p>`);
  return `<!doctype html><html lang="${e(lang)}" dir="${directionOf(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(t('common:summary.title'))}</title><style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.5}dt{font-weight:600}small{color:#444}</style></head><body><h1>${e(t('common:summary.title'))}</h1>${sections.join('')}</body></html>`;
}

const dateArray = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/** The deadlines as all-day calendar events (RFC 5545), made with the ics library. */
export function summaryIcs(s: Summary, t: Translate): string {
  const events: EventAttributes[] = (s.decision?.deadlines ?? []).map((d) => {
    return {
      start: dateArray(d.date),
      end: dateArray(plusDays(d.date, 1)),
      title: d.title,
      description: [d.explanation, d.warning, d.reference].filter(Boolean).join('\n'),
      uid: `${s.session.id}-${d.id}@guidance`,
      productId: 'guidance-bot',
      // two days before, so there is time to act before the last day
      alarms: [{ action: 'display', description: d.title, trigger: { hours: 48, before: true } }],
    };
  });
  if (events.length === 0) return 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:guidance-bot\r\nEND:VCALENDAR\r\n';
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error('calendar not built');
  return value;
}
