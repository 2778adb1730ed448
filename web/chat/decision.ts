import { fill, h, plural } from './dom';
import { calendarEvent, qrSvg } from './qr';
import type { Decision, Mode, UiTexts } from './types';

export interface DecisionActions {
  calendar(): void;
  summary(): void;
  feedback(helpful: boolean): void;
}

/** `reference`: the French shown beside a translation, without its own buttons */
type Ctx = { texts: UiTexts; mode: Mode; actions: DecisionActions; reference?: boolean };

/**
 * The outcome card. It leads with what to do: the day to act by (the working day before a legal last day that is not
 * one), the amounts, whom to contact or what is missing, the next steps; then the conditions, each in full, with
 * "Why?" only where it adds something (the figures, the text and its address). On the kiosk nothing leads out of the
 * page: references are shown in place, the calendar is a QR code holding the event itself.
 */
export function renderDecision(d: Decision, ctx: Ctx): HTMLElement {
  const t = ctx.texts.ui.outcome;
  const status = ctx.texts.status[d.status] ?? d.status;
  const card = h(
    'section',
    { className: `decision status-${d.status}`, 'aria-label': status },
    h('h3', { className: 'status', tabindex: '-1' }, status),
  );
  card.append(h('h4', {}, t.todo), ...whatToDo(d, ctx));
  card.append(h('h4', {}, t.conditions), conditions(d, ctx));
  if (d.notices.length)
    card.append(
      h('h4', {}, t.notices),
      h('ul', { className: 'notices' }, ...d.notices.map((n) => h('li', {}, n.text))),
    );
  card.append(
    h(
      'details',
      { className: 'references' },
      h('summary', {}, t.references),
      h('ul', {}, ...d.references.map((r) => h('li', {}, reference(r, ctx)))),
    ),
  );
  if (d.translationNotice) card.append(h('p', { className: 'small' }, d.translationNotice));
  if (ctx.mode !== 'agent' && !ctx.reference) card.append(...cardActions(d, ctx));
  return card;
}

function whatToDo(d: Decision, ctx: Ctx): HTMLElement[] {
  const t = ctx.texts.ui.outcome;
  const parts: HTMLElement[] = [];
  if (d.deadlines.length)
    parts.push(
      h(
        'ul',
        { className: 'deadlines' },
        ...d.deadlines.map((x) =>
          h(
            'li',
            {},
            h('strong', {}, fill(t['act-by'], { title: x.title, date: x.actBy })),
            ` — ${x.remaining}`,
            x.warning ? h('p', { className: 'warning' }, x.warning) : undefined,
          ),
        ),
      ),
    );
  if (d.amounts.length)
    parts.push(
      h(
        'ul',
        { className: 'amounts' },
        ...d.amounts.map((a) =>
          h(
            'li',
            {},
            h('strong', {}, `${fill(t['unit-eur'], { value: a.maxEurText })} ${t[`per-${a.per}`] ?? ''}`),
            ` — ${a.explanation}`,
          ),
        ),
      ),
    );
  if (d.referral)
    parts.push(
      h('p', {}, h('strong', {}, t.ask)),
      h(
        'p',
        { className: 'referral' },
        h('strong', {}, d.referral.name),
        ` — ${d.referral.reason} ${d.referral.contact}`,
      ),
    );
  const missing = d.conditions.filter((c) => c.status === 'unknown');
  if (d.status === 'incomplete' && missing.length)
    parts.push(
      h('p', {}, h('strong', {}, t.missing)),
      h('ul', { className: 'missing' }, ...missing.map((c) => h('li', {}, c.explanation))),
    );
  if (d.nextSteps.length) parts.push(h('ol', { className: 'steps' }, ...d.nextSteps.map((n) => h('li', {}, n.text))));
  return parts;
}

function conditions(d: Decision, ctx: Ctx): HTMLElement {
  const t = ctx.texts.ui.outcome;
  return h(
    'ul',
    { className: 'conditions' },
    ...d.conditions.map((c) => {
      const why = whyParts(c, d, ctx);
      return h(
        'li',
        { className: `condition ${c.status}` },
        h('span', { className: 'badge' }, t[`status-${c.status}`] ?? c.status),
        ' ',
        c.explanation,
        why.length ? h('details', {}, h('summary', {}, t.why), ...why) : undefined,
      );
    }),
  );
}

/** What "Why?" adds to a condition: its figures, its text (title and address), whether the point is confirmed. */
function whyParts(c: Decision['conditions'][number], d: Decision, ctx: Ctx): HTMLElement[] {
  const t = ctx.texts.ui.outcome;
  const parts: HTMLElement[] = [];
  const f = c.figures;
  if (f) {
    // the figures as the server wrote them in the language; only the plural form is chosen here
    const say = (n: number, written: string) =>
      f.unit === 'months' || f.unit === 'years'
        ? plural(t, `unit-${f.unit}`, n, d.locale, written)
        : fill(t[`unit-${f.unit}`], { value: written });
    parts.push(
      h(
        'ul',
        { className: 'figures' },
        h('li', {}, fill(t.required, { value: say(f.required, f.written.required) })),
        f.actual !== undefined
          ? h('li', {}, fill(t.actual, { value: say(f.actual, f.written.actual ?? '') }))
          : undefined,
        f.gap !== undefined && f.gap > 0
          ? h('li', {}, fill(t.gap, { value: say(f.gap, f.written.gap ?? '') }))
          : undefined,
      ),
    );
  }
  const ref = d.references.find((r) => r.id === c.reference);
  if (ref) {
    parts.push(h('p', { className: 'small' }, `${t.reference}: `, reference(ref, ctx)));
    if (ref.status === 'UNCONFIRMED') parts.push(h('p', { className: 'small warning' }, t.unconfirmed));
  }
  return parts;
}

/** A legal text: a link out on the web and the agent's console; on the kiosk, its title and address in place. */
function reference(r: Decision['references'][number], ctx: Ctx): HTMLElement {
  if (ctx.mode !== 'kiosk') return h('a', { href: r.url, rel: 'noopener', target: '_blank' }, r.title);
  return h(
    'span',
    { className: 'reference' },
    r.title,
    h('span', { className: 'url' }, ` (${ctx.texts.ui.outcome.address} : ${r.url})`),
  );
}

function cardActions(d: Decision, ctx: Ctx): HTMLElement[] {
  const t = ctx.texts.ui.outcome;
  const parts: HTMLElement[] = [];
  if (d.deadlines.length)
    parts.push(ctx.mode === 'kiosk' ? calendarQr(d, t) : button(t['download-calendar'], () => ctx.actions.calendar()));
  parts.push(button(t['print-summary'], () => ctx.actions.summary()));
  const useful = h('div', { className: 'useful', role: 'group', 'aria-label': t.useful }, h('span', {}, t.useful));
  const thank = (helpful: boolean) => {
    ctx.actions.feedback(helpful);
    useful.replaceChildren(h('span', { role: 'status' }, t.thanks));
  };
  useful.append(
    button(t.yes, () => thank(true)),
    button(t.no, () => thank(false)),
  );
  parts.push(useful);
  return parts;
}

const button = (label: string | undefined, onclick: () => void) =>
  h('button', { type: 'button', className: 'secondary', onclick }, label);

/** The kiosk's calendar: a QR code per date, holding the event itself, shown in place. */
function calendarQr(d: Decision, t: Record<string, string>): HTMLElement {
  const box = h('div', { className: 'calendar-qr', hidden: true });
  const toggle = h('button', { type: 'button', className: 'secondary', 'aria-expanded': 'false' }, t['calendar-qr']);
  toggle.addEventListener('click', () => {
    if (!box.childElementCount)
      box.append(
        h('p', {}, t['calendar-qr-help']),
        ...d.deadlines.map((x) => h('figure', {}, qrSvg(calendarEvent(x), x.title), h('figcaption', {}, x.title))),
      );
    box.hidden = !box.hidden;
    toggle.setAttribute('aria-expanded', String(!box.hidden));
  });
  return h('div', {}, toggle, box);
}
