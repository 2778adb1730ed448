import type { Script } from '../dialogue/script';
import { escapeHtml } from '../format';
import { directionOf, type Translate } from '../i18n';

const e = escapeHtml;

/**
 * The whole flow as a printable script for agents: each question with its options and where they lead, then the
 * outcomes.
 */
export function scriptHtml(script: Script, t: Translate): string {
  const anchor = (node: string) => `node-${node.replace(/[^a-z0-9-]/gi, '-')}`;
  const questions = script.questions.map(
    (q) =>
      `<section id="${anchor(q.node)}"><h2>${e(q.text)}</h2>${q.help ? `<p class="help">${e(q.help)}</p>` : ''}<p class="meta">${e(t('common:script.fact'))}: <code>${e(q.field)}</code></p>` +
      `<table><thead><tr><th>${e(t('common:script.answer'))}</th><th>${e(t('common:script.next'))}</th></tr></thead><tbody>` +
      q.leadsTo
        .map((l) => `<tr><td>${e(l.answer)}</td><td><a href="#${anchor(l.to)}">${e(l.to)}</a></td></tr>`)
        .join('') +
      '</tbody></table></section>',
  );
  const outcomes = script.outcomes.map(
    (o) =>
      `<section id="${anchor(o.handover ?? o.node)}"><h2>${e(t('common:script.outcome'))}: ${e(o.node)}</h2><p>${e(o.text)}</p>` +
      (o.references.length
        ? `<ul>${o.references.map((r) => `<li>${e(r.title)} — ${e(r.url)}</li>`).join('')}</ul>`
        : '') +
      '</section>',
  );
  const style =
    'body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.45;color:#111}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:start}section{break-inside:avoid;margin-bottom:1.5rem}.meta,.help{color:#333}a{color:#0b3d91}';
  return `<!doctype html><html lang="${e(script.lang)}" dir="${directionOf(script.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(script.title)}</title><style>${style}</style></head><body><h1>${e(script.title)}</h1><p>${e(t('common:script.start'))}: <a href="#${anchor(script.start)}">${e(script.start)}</a></p>${questions.join('')}${outcomes.join('')}</body></html>`;
}
