import type { Script, ScriptQuestion } from '../dialogue/script';
import { escapeHtml } from '../format';
import type { Translate } from '../i18n';
import type { Voice } from '../languages';

const e = escapeHtml;

/**
 * The whole flow as a document an agent reads on the phone: each question numbered, as the sentence to read, its
 * answers in words and where each one leads (the next question's number and words, or the result), the notes; then the
 * results in plain words with their references (title, article, address). No fact names, no node ids.
 */
export function scriptHtml(script: Script, v: Voice): string {
  const { t } = v;
  const number = new Map(script.questions.map((q, i) => [q.node, i + 1]));
  const results = script.outcomes.filter((o) => !o.handover);
  const resultNumber = new Map(results.map((o, i) => [o.node, i + 1]));
  const destination = (to: string) => {
    const n = number.get(to);
    if (n !== undefined) {
      const q = script.questions[n - 1]!;
      return `${e(t('common:script.go-question', { n }))} (<a href="#q${n}">${e(t('common:script.quoted', { text: q.text }))}</a>)`;
    }
    const r = resultNumber.get(to);
    if (r !== undefined) return `<a href="#r${r}">${e(t('common:script.go-outcome', { n: r }))}</a>`;
    // a hand-over: the conversation goes on with another procedure, which has its own script
    const href = `/api/v1/procedures/${encodeURIComponent(to)}/script?format=html&lang=${encodeURIComponent(script.lang)}`;
    return `<a href="${e(href)}">${e(t('common:script.go-procedure', { procedure: t(`${to}:title`) }))}</a>`;
  };
  const questions = script.questions.map((q, i) => questionSection(q, i + 1, destination, t));
  const outcomes = results.map(
    (o, i) =>
      `<section id="r${i + 1}" class="result"><h3>${e(t('common:script.outcome', { n: i + 1 }))}</h3><p>${e(o.text)}</p>` +
      (o.references.length
        ? `<h4>${e(t('common:script.references'))}</h4><ul>${o.references
            .map((r) => `<li>${e(r.title)}<br><span class="url">${e(r.url)}</span></li>`)
            .join('')}</ul>`
        : '') +
      '</section>',
  );
  const title = t('common:script.title', { procedure: script.title });
  const style =
    'body{font-family:system-ui,sans-serif;max-width:50rem;margin:1rem auto;padding:0 1rem;line-height:1.5;color:#111}' +
    'section{break-inside:avoid;margin-bottom:1.5rem;border-top:1px solid #999;padding-top:.5rem}' +
    '.read{font-size:1.15rem;font-weight:600}.label{display:block;font-size:.85rem;font-weight:700;color:#333;text-transform:uppercase}' +
    '.help,.notes,.url{color:#333}.url{font-size:.9rem;word-break:break-all}a{color:#0b3d91}li{margin-bottom:.3rem}';
  return (
    `<!doctype html><html lang="${e(script.lang)}" dir="${v.dir}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${style}</style></head>` +
    `<body><main><h1>${e(title)}</h1><p>${e(t('common:script.intro'))}</p>` +
    `<h2>${e(t('common:script.questions'))}</h2>${questions.join('')}` +
    `<h2>${e(t('common:script.outcomes'))}</h2>${outcomes.join('')}</main></body></html>`
  );
}

/** One question: the sentence to read, what to say if asked, each answer and where it leads, the notes. */
function questionSection(q: ScriptQuestion, n: number, destination: (to: string) => string, t: Translate): string {
  const byAnswer = new Map<string, string[]>();
  for (const l of q.leadsTo) byAnswer.set(l.answer, [...(byAnswer.get(l.answer) ?? []), l.to]);
  const examples = !q.input.options?.length || !['choice', 'yesno'].includes(q.input.kind);
  const answers = [...byAnswer].map(([answer, to]) => {
    const where = to.map(destination).join(` ${e(t('common:script.or'))} `);
    const depends = q.input.kind === 'date' ? 'common:script.depends-date' : 'common:script.depends';
    const note = to.length > 1 ? ` <em>(${e(t(depends))})</em>` : '';
    return `<li><strong>${e(t('common:script.quoted', { text: answer }))}</strong> → ${where}${note}</li>`;
  });
  return (
    `<section id="q${n}" class="question"><h3>${e(t('common:script.question', { n, text: q.text }))}</h3>` +
    `<p class="read"><span class="label">${e(t('common:script.read'))}</span>${e(t('common:script.quoted', { text: q.text }))}</p>` +
    (q.help ? `<p class="help"><span class="label">${e(t('common:script.if-asked'))}</span>${e(q.help)}</p>` : '') +
    `<h4>${e(t(examples ? 'common:script.examples' : 'common:script.answers'))}</h4><ul>${answers.join('')}</ul>` +
    (q.notes.length
      ? `<h4>${e(t('common:script.notes'))}</h4><ul class="notes">${q.notes.map((x) => `<li>${e(x)}</li>`).join('')}</ul>`
      : '') +
    '</section>'
  );
}
