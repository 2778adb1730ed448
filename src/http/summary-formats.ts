import { createEvents, type EventAttributes } from 'ics';
import type { Summary } from '../dialogue/service';
import { plusDays } from '../dates/calendar';
import { escapeHtml, formatDate, formatEuros } from '../format';
import type { Voice } from '../languages';

/** The sections of a summary in one language, as HTML (everything escaped). */
function summarySections(s: Summary, v: Voice): string {
  const { t, locale } = v;
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
    if (d.amounts.length)
      sections.push(
        `<h3>${e(t('common:summary.amounts'))}</h3>`,
        list(d.amounts.map((a) => `<strong>${e(formatEuros(a.maxEur, locale))} €</strong> — ${e(a.explanation)}`)),
      );
    if (d.deadlines.length)
      sections.push(
        `<h2>${e(t('common:summary.deadlines'))}</h2>`,
        list(
          d.deadlines.map(
            (x) =>
              `<strong>${e(x.title)}: ${e(formatDate(x.date, locale))}</strong>. ${e(x.explanation)}${x.warning ? ` <em>${e(x.warning)}</em>` : ''}`,
          ),
        ),
      );
    if (d.referral)
      sections.push(
        `<h2>${e(t('common:summary.referral'))}</h2><p>${e(d.referral.name)}: ${e(d.referral.reason)} ${e(d.referral.contact)}</p>`,
      );
    sections.push(`<h2>${e(t('common:summary.steps'))}</h2>`, list(d.nextSteps.map((n) => e(n.text))));
    if (d.notices.length)
      sections.push(`<h2>${e(t('common:summary.notices'))}</h2>`, list(d.notices.map((n) => e(n.text))));
    sections.push(
      `<h2>${e(t('common:summary.references'))}</h2>`,
      list(d.references.map((r) => `${e(r.title)} — ${e(r.url)}`)),
    );
    if (d.translationNotice) sections.push(`<p><em>${e(d.translationNotice)}</em></p>`);
  } else {
    sections.push(`<p>${e(t('common:summary.no-decision'))}</p>`);
  }
  sections.push(
    `<p><small>${e(t('common:summary.generated', { date: formatDate(s.generatedOn, locale) }))}</small></p>`,
  );
  return sections.join('');
}

/** A printable page: answers, decision, dates, references; the French beside it when given. No script. */
export function summaryHtml(s: Summary, v: Voice, french?: { summary: Summary; voice: Voice }): string {
  const { t, lang, dir } = v;
  const e = escapeHtml;
  const column = (x: Summary, vx: Voice) =>
    `<section class="col" lang="${e(vx.lang)}" dir="${vx.dir}">${summarySections(x, vx)}</section>`;
  const body = french
    ? `<div class="cols">${column(s, v)}${column(french.summary, french.voice)}</div>`
    : summarySections(s, v);
  const style =
    'body{font-family:system-ui,sans-serif;max-width:' +
    (french ? '80rem' : '48rem') +
    ';margin:1rem auto;padding:0 1rem;line-height:1.5;color:#111}dt{font-weight:600}small{color:#444}' +
    '.cols{display:grid;grid-template-columns:1fr 1fr;gap:2rem}@media (max-width:40rem){.cols{grid-template-columns:1fr}}@media print{body{max-width:none}}';
  return `<!doctype html><html lang="${e(lang)}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(t('common:summary.title'))}</title><style>${style}</style></head><body><h1>${e(t('common:summary.title'))}</h1>${body}</body></html>`;
}

/** Plain text, for an agent to paste into a case file; the French after it when given. */
export function summaryText(s: Summary, v: Voice, french?: { summary: Summary; voice: Voice }): string {
  const text = summaryTextIn(s, v);
  return french
    ? `${text}\n----- ${french.voice.t('common:summary.french-reference')} -----\n\n${summaryTextIn(french.summary, french.voice)}`
    : text;
}

function summaryTextIn(s: Summary, v: Voice): string {
  const { t, locale } = v;
  const lines = [
    `${t('common:summary.title')} — ${t(`${s.session.procedure}:title`)}`,
    '',
    `${t('common:summary.answers')}:`,
  ];
  for (const a of s.answers) lines.push(`- ${a.question} ${a.answer}`);
  const d = s.decision;
  if (!d) return [...lines, '', t('common:summary.no-decision'), ''].join('\n');
  lines.push('', `${t('common:summary.decision')}: ${t(`common:status.${d.status}`)}`);
  for (const c of d.conditions) lines.push(`- [${c.status}] ${c.explanation} (${c.reference})`);
  for (const a of d.amounts) lines.push(`- ${formatEuros(a.maxEur, locale)} €: ${a.explanation} (${a.reference})`);
  for (const x of d.deadlines)
    lines.push(`- ${x.title}: ${formatDate(x.date, locale)}. ${x.explanation}${x.warning ? ` ${x.warning}` : ''}`);
  if (d.referral) lines.push('', `${t('common:summary.referral')}: ${d.referral.name}. ${d.referral.reason}`);
  lines.push('', `${t('common:summary.steps')}:`, ...d.nextSteps.map((n) => `- ${n.text}`));
  lines.push('', t('common:summary.generated', { date: formatDate(s.generatedOn, locale) }), '');
  return lines.join('\n');
}

const dateArray = (iso: string) => iso.split('-').map(Number) as [number, number, number];

/**
 * The deadlines as all-day calendar events (RFC 5545), made with the ics library. The event is on the
 * day to act by: the last working day when the legal last day is a Saturday, Sunday or public holiday
 * (no extension is promised), with the legal last day said in the description.
 */
export function summaryIcs(s: Summary, v: Voice): string {
  const { t, locale } = v;
  const events: EventAttributes[] = (s.decision?.deadlines ?? []).map((d) => {
    const day = d.actBefore ?? d.date;
    const legalLastDay = d.actBefore
      ? t('common:calendar.legal-last-day', {
          date: formatDate(d.date, locale),
          actBefore: formatDate(d.actBefore, locale),
        })
      : undefined;
    return {
      start: dateArray(day),
      end: dateArray(plusDays(day, 1)),
      title: d.title,
      description: [d.explanation, legalLastDay, d.reference].filter(Boolean).join('\n'),
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
