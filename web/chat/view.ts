import { h } from './dom';
import { inputParts, navBar } from './controls';
import { renderDecision, type DecisionActions } from './decision';
import { renderMessage, renderPastAnswer } from './message';
import { renderReview } from './review';
import type { Answer, Mode, Shown, SummaryAnswer, UiTexts } from './types';

export interface ViewActions extends DecisionActions {
  answer(a: Answer, shown: string): void;
  back(): void;
  restart(): void;
}

/**
 * The conversation in a container: a log that screen readers follow (role=log, polite) and the current question's ways
 * to answer. Focus moves to each new question or outcome, so keyboard and screen-reader users start from it.
 */
export class ChatView {
  readonly log: HTMLElement;
  readonly controls: HTMLElement;
  /** the kiosk's current question, kept with its answers above the fold; into the log once answered */
  private pinned?: HTMLElement;

  constructor(
    readonly root: HTMLElement,
    public texts: UiTexts,
    private readonly actions: ViewActions,
    private readonly options: { mode: Mode; navExtras?: () => HTMLElement[] },
  ) {
    this.log = h('div', {
      className: 'log',
      role: 'log',
      'aria-live': 'polite',
      'aria-relevant': 'additions',
      tabindex: '0',
      'aria-label': texts.ui.chat.bot,
    });
    this.controls = h('div', { className: 'controls' });
    root.append(this.log, this.controls);
  }

  get mode(): Mode {
    return this.options.mode;
  }

  clear() {
    this.pinned = undefined;
    this.log.replaceChildren();
    this.controls.replaceChildren();
  }

  note(text: string, kind: 'info' | 'error' = 'info') {
    this.log.append(h('p', { className: `note ${kind}`, role: kind === 'error' ? 'alert' : undefined }, text));
    this.scroll();
  }

  said(text: string) {
    this.unpin();
    this.log.append(
      h(
        'p',
        { className: 'bubble user' },
        h('span', { className: 'visually-hidden' }, `${this.texts.ui.chat.you}: `),
        text,
      ),
    );
  }

  /** A block of the page's own (the first screen's privacy lines, a hand-over) in the log; focus on its heading. */
  add(block: HTMLElement, focus = true) {
    this.log.append(block);
    this.scroll();
    if (focus) block.querySelector<HTMLElement>('h2, h3')?.focus({ preventScroll: true });
  }

  /** The earlier questions and answers, re-drawn from the stored answers (after a reload or a change of language). */
  past(answers: SummaryAnswer[]) {
    if (!answers.length) return;
    this.log.append(
      h('p', { className: 'visually-hidden' }, this.texts.ui.chat.history),
      ...answers.flatMap((a) => renderPastAnswer(a.question, a.answer, this.texts, this.texts.dir)),
    );
  }

  /** New messages from the server: each in the log; the last one sets the ways to answer and takes the focus. */
  show(messages: Shown[]) {
    this.unpin();
    const shown = messages.map((m) => this.render(m));
    const last = messages[messages.length - 1];
    // On the kiosk the question stays with its answers, so both fit a small screen whatever came before.
    if (this.mode === 'kiosk' && last?.type === 'question') this.pinned = shown[shown.length - 1];
    this.log.append(...shown.filter((el) => el !== this.pinned));
    if (last) this.renderControls(last);
    const target = shown[shown.length - 1];
    if (!target) return;
    // An outcome is read from its top; a question sits at the bottom, by its answers. The log scrolls, never the page.
    if (last?.type === 'outcome') this.log.scrollTop = target.offsetTop;
    else this.scroll();
    (target.querySelector<HTMLElement>('h3.status') ?? target).focus({ preventScroll: true });
  }

  /** The answers to check before an outcome; `proceed` shows it. */
  review(answers: SummaryAnswer[], on: { change(index: number, a: Answer, shown: string): void; proceed(): void }) {
    const block = renderReview(answers, { texts: this.texts, mode: this.mode, ...on });
    this.log.querySelectorAll('.review').forEach((old) => old.remove());
    this.controls.replaceChildren(navBar(true, this.texts, this.actions, this.extras()));
    this.add(block);
  }

  private unpin() {
    if (this.pinned) this.log.append(this.pinned);
    this.pinned = undefined;
  }

  private extras() {
    return this.options.navExtras?.() ?? [];
  }

  private scroll() {
    this.log.scrollTop = this.log.scrollHeight;
  }

  private render(m: Shown): HTMLElement {
    if (m.type !== 'outcome' || !m.decision) return renderMessage(m, this.texts, this.mode);
    const ctx = { texts: this.texts, mode: this.mode, actions: this.actions };
    const box = h('div', { className: 'bubble bot outcome', lang: m.lang, dir: m.dir });
    if (this.mode === 'agent' && m.agent?.decision) {
      // the agent reads the result in French; the caller's words are beside it, to read out
      box.lang = 'fr';
      box.dir = 'ltr';
      box.append(h('p', { className: 'outcome-text' }, m.agent.textFr), renderDecision(m.agent.decision, ctx));
      if (m.lang !== 'fr')
        box.append(
          h(
            'details',
            { className: 'caller-decision', lang: m.lang, dir: m.dir },
            h('summary', { lang: 'fr', dir: 'ltr' }, this.texts.ui.agent['decision-caller']),
            h('p', {}, m.text),
            renderDecision(m.decision, ctx),
          ),
        );
      return box;
    }
    box.append(h('p', { className: 'outcome-text' }, m.text), renderDecision(m.decision, ctx));
    // an unreviewed translation: the French reference beside it, open, as the notice says
    if (m.french)
      box.append(
        h(
          'details',
          { className: 'french-reference', lang: 'fr', dir: 'ltr', open: true },
          h('summary', {}, this.texts.ui.outcome['french-reference'] ?? ''),
          h('p', { className: 'outcome-text' }, m.french.text),
          renderDecision(m.french.decision, { ...ctx, reference: true }),
        ),
      );
    return box;
  }

  private renderControls(m: Shown) {
    const nav = navBar(m.canGoBack, this.texts, this.actions, this.extras());
    if (m.type !== 'question' || !m.input) {
      this.controls.replaceChildren(nav);
      return;
    }
    const parts = inputParts(m.input, {
      texts: this.texts,
      mode: this.mode,
      label: m.agent?.textFr ?? m.text,
      answer: (a, shown) => this.actions.answer(a, shown),
      ...(m.agent?.options ? { agentOptions: m.agent.options, lang: m.lang } : {}),
    });
    this.controls.replaceChildren(...(this.pinned ? [this.pinned] : []), ...parts, nav);
  }
}
