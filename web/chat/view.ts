import { formatDate, formatEuros } from '../../src/format';
import { h } from './dom';
import type { Decision, Message, UiTexts } from './types';

export type Answer = { value: unknown } | { text: string };

export interface ViewActions {
  answer(a: Answer, shown: string): void;
  back(): void;
  restart(): void;
  feedback(helpful: boolean): void;
  calendar(): void;
  summary(): void;
}

/**
 * The conversation in a container: a log that screen readers follow (role=log, polite), the
 * current question's input (buttons for choices, a date field for dates), free text always.
 */
export class ChatView {
  readonly log: HTMLElement;
  readonly controls: HTMLElement;
  private texts: UiTexts;

  constructor(
    readonly root: HTMLElement,
    texts: UiTexts,
    private readonly actions: ViewActions,
    private readonly options: { large?: boolean; agent?: boolean } = {},
  ) {
    this.texts = texts;
    this.log = h('div', {
      className: 'log',
      role: 'log',
      'aria-live': 'polite',
      'aria-relevant': 'additions',
      tabindex: '0',
      'aria-label': texts.ui.chat.bot ?? '',
    });
    this.controls = h('div', { className: 'controls' });
    root.append(this.log, this.controls);
  }

  setTexts(texts: UiTexts) {
    this.texts = texts;
  }

  private get t() {
    return this.texts.ui;
  }

  clear() {
    this.log.replaceChildren();
    this.controls.replaceChildren();
  }

  note(text: string, kind: 'info' | 'error' = 'info') {
    this.log.append(h('p', { className: `note ${kind}`, role: kind === 'error' ? 'alert' : undefined }, text));
    this.scroll();
  }

  said(text: string) {
    this.log.append(
      h('p', { className: 'bubble user' }, h('span', { className: 'visually-hidden' }, `${this.t.chat.you}: `), text),
    );
  }

  /** New messages from the server: each in the log; the last one sets the input. */
  show(messages: Message[]) {
    const shown = messages.map((m) => this.renderMessage(m));
    this.log.append(...shown);
    const last = messages[messages.length - 1];
    if (last) this.renderControls(last);
    // An outcome is read from its top; a question sits at the bottom, by the answers.
    // (the log scrolls itself, never the page around it: the kiosk's header stays in view)
    const outcome = last?.type === 'outcome' ? shown[shown.length - 1] : undefined;
    if (outcome) this.log.scrollTop = outcome.offsetTop;
    else this.scroll();
  }

  private scroll() {
    this.log.scrollTop = this.log.scrollHeight;
  }

  private renderMessage(m: Message): HTMLElement {
    const box = h('div', { className: `bubble bot ${m.type}`, lang: m.lang, dir: m.dir });
    if (m.type === 'outcome' && m.decision) {
      box.append(h('p', { className: 'outcome-text' }, m.text), this.renderDecision(m.decision));
      return box;
    }
    if (this.options.agent && m.agent) {
      box.append(
        h('p', { className: 'agent-label' }, this.t.agent['read-fr'] ?? ''),
        h('p', { className: 'agent-fr', lang: 'fr', dir: 'ltr' }, m.agent.textFr),
        h('p', { className: 'agent-label' }, this.t.agent['read-caller'] ?? ''),
      );
    }
    box.append(h('p', {}, m.text));
    if (m.help) box.append(h('p', { className: 'help' }, m.help));
    if (this.options.agent && m.agent?.notes.length) {
      box.append(
        h('p', { className: 'agent-label' }, this.t.agent.notes ?? ''),
        h('ul', { className: 'agent-notes' }, ...m.agent.notes.map((n) => h('li', {}, n))),
      );
    }
    return box;
  }

  private renderControls(m: Message) {
    const t = this.t.chat;
    const nav = h(
      'div',
      { className: 'nav' },
      m.canGoBack
        ? h('button', { type: 'button', className: 'secondary', onclick: () => this.actions.back() }, t.back)
        : undefined,
      h('button', { type: 'button', className: 'secondary', onclick: () => this.actions.restart() }, t.restart),
    );
    if (m.type !== 'question' || !m.input) {
      this.controls.replaceChildren(nav);
      return;
    }
    const parts: HTMLElement[] = [];
    const options = m.input.options ?? [];
    if (options.length) {
      parts.push(
        h(
          'div',
          { className: 'options', role: 'group', 'aria-label': m.text },
          ...options.map((o) =>
            h(
              'button',
              { type: 'button', className: 'option', onclick: () => this.actions.answer({ value: o.value }, o.label) },
              o.label,
            ),
          ),
        ),
      );
    }
    if (m.input.kind === 'date') {
      const id = `date-${Math.random().toString(36).slice(2)}`;
      const field = h('input', { id, type: 'date', min: m.input.minDate, max: m.input.maxDate, required: true });
      parts.push(
        h(
          'form',
          {
            className: 'typed',
            onsubmit: (e: Event) => (
              e.preventDefault(),
              field.value && this.actions.answer({ value: field.value }, field.value)
            ),
          },
          h('label', { for: id }, t['date-label']),
          field,
          h('button', { type: 'submit' }, t.use),
        ),
      );
    }
    if (m.input.kind === 'number') {
      const id = `number-${Math.random().toString(36).slice(2)}`;
      const field = h('input', {
        id,
        type: 'number',
        inputmode: 'decimal',
        min: m.input.min,
        max: m.input.max,
        step: 'any',
        required: true,
      });
      parts.push(
        h(
          'form',
          {
            className: 'typed',
            onsubmit: (e: Event) => (
              e.preventDefault(),
              field.value !== '' && this.actions.answer({ value: Number(field.value) }, field.value)
            ),
          },
          h('label', { for: id }, t['number-label']),
          field,
          h('button', { type: 'submit' }, t.use),
        ),
      );
    }
    // Free text is always possible, in the session's language.
    const textId = `text-${Math.random().toString(36).slice(2)}`;
    const text = h('input', {
      id: textId,
      type: 'text',
      autocomplete: 'off',
      placeholder: t.placeholder,
      maxlength: 500,
    });
    parts.push(
      h(
        'form',
        {
          className: 'free',
          onsubmit: (e: Event) => (
            e.preventDefault(),
            text.value.trim() && this.actions.answer({ text: text.value.trim() }, text.value.trim())
          ),
        },
        h('label', { for: textId, className: 'visually-hidden' }, t['answer-label']),
        text,
        h('button', { type: 'submit' }, t.send),
      ),
    );
    this.controls.replaceChildren(...parts, nav);
    (this.controls.querySelector('button.option, input') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private renderDecision(d: Decision): HTMLElement {
    const t = this.t.outcome;
    const card = h('section', {
      className: `decision status-${d.status}`,
      'aria-label': this.texts.status[d.status] ?? d.status,
    });
    card.append(h('h3', { className: 'status' }, this.texts.status[d.status] ?? d.status));
    const refTitle = (id: string) => d.references.find((r) => r.id === id);

    if (d.referral)
      card.append(
        h('h4', {}, t.referral),
        h(
          'p',
          { className: 'referral' },
          h('strong', {}, d.referral.name),
          ` — ${d.referral.reason} ${d.referral.contact}`,
        ),
      );

    if (d.deadlines.length) {
      card.append(
        h('h4', {}, t.deadlines),
        h(
          'ul',
          { className: 'deadlines' },
          ...d.deadlines.map((x) =>
            h(
              'li',
              {},
              h('strong', {}, `${x.title}: ${formatDate(x.date, d.lang)}`),
              ` — ${x.remaining}`,
              x.warning ? h('p', { className: 'warning' }, x.warning) : undefined,
              h('p', { className: 'small' }, x.explanation),
            ),
          ),
        ),
        h(
          'button',
          { type: 'button', className: 'secondary', onclick: () => this.actions.calendar() },
          t['download-calendar'],
        ),
      );
    }
    if (d.amounts.length) {
      card.append(
        h('h4', {}, t.amounts),
        h(
          'ul',
          { className: 'amounts' },
          ...d.amounts.map((a) =>
            h(
              'li',
              {},
              h('strong', {}, `${formatEuros(a.maxEur, d.lang, 0)} € ${t[`per-${a.per}`] ?? ''}`),
              ` — ${a.explanation}`,
            ),
          ),
        ),
      );
    }
    card.append(
      h('h4', {}, t.conditions),
      h(
        'ul',
        { className: 'conditions' },
        ...d.conditions.map((c) => {
          const ref = refTitle(c.reference);
          return h(
            'li',
            { className: `condition ${c.status}` },
            h('span', { className: 'badge' }, t[`status-${c.status}`] ?? c.status),
            ' ',
            firstSentence(c.explanation),
            h(
              'details',
              {},
              h('summary', {}, t.why),
              h('p', {}, c.explanation),
              ref
                ? h(
                    'p',
                    { className: 'small' },
                    `${t.reference}: `,
                    h('a', { href: ref.url, rel: 'noopener', target: '_blank' }, ref.title),
                  )
                : undefined,
            ),
          );
        }),
      ),
    );
    if (d.nextSteps.length)
      card.append(
        h('h4', {}, t.steps),
        h('ol', { className: 'steps' }, ...d.nextSteps.map((n) => h('li', {}, n.text))),
      );
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
        h(
          'ul',
          {},
          ...d.references.map((r) => h('li', {}, h('a', { href: r.url, rel: 'noopener', target: '_blank' }, r.title))),
        ),
      ),
    );
    if (d.translationNotice) card.append(h('p', { className: 'small' }, d.translationNotice));
    card.append(
      h(
        'button',
        { type: 'button', className: 'secondary', onclick: () => this.actions.summary() },
        t['print-summary'],
      ),
    );
    const useful = h('div', { className: 'useful', role: 'group', 'aria-label': t.useful }, h('span', {}, t.useful));
    const thank = () => useful.replaceChildren(h('span', {}, t.thanks));
    useful.append(
      h(
        'button',
        { type: 'button', className: 'secondary', onclick: () => (this.actions.feedback(true), thank()) },
        t.yes,
      ),
      h(
        'button',
        { type: 'button', className: 'secondary', onclick: () => (this.actions.feedback(false), thank()) },
        t.no,
      ),
    );
    card.append(useful);
    return card;
  }
}

const firstSentence = (s: string) =>
  s.length > 140 ? `${s.slice(0, s.indexOf(' ', 120) > 0 ? s.indexOf(' ', 120) : 140)}…` : s;
