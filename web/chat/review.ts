import { fill, h } from './dom';
import { inputParts } from './controls';
import type { Answer, Mode, SummaryAnswer, UiTexts } from './types';

/**
 * "Check your answers" before the outcome (the GOV.UK pattern): every answer with "Change", which asks that question
 * again in place and changes the answer with the existing answer-change event; then the outcome. The API is unchanged:
 * the outcome is already known, the page only shows the answers first.
 */
export function renderReview(
  answers: SummaryAnswer[],
  ctx: {
    texts: UiTexts;
    mode: Mode;
    change(index: number, a: Answer, shown: string): void;
    proceed(): void;
  },
): HTMLElement {
  const t = ctx.texts.ui.review;
  const list = h('dl', { className: 'review-list' });
  answers.forEach((a, index) => {
    const value = h('dd', {}, a.answer);
    const edit = h(
      'button',
      {
        type: 'button',
        className: 'secondary change',
        'aria-label': fill(t['change-label'], { question: a.question }),
      },
      t.change,
    );
    edit.addEventListener('click', () => {
      const parts = a.input
        ? inputParts(a.input, {
            texts: ctx.texts,
            mode: ctx.mode,
            label: a.question,
            answer: (answer, shown) => ctx.change(index, answer, shown),
          })
        : [];
      value.replaceChildren(h('div', { className: 'editor' }, ...parts));
      value.querySelector<HTMLElement>('button, input')?.focus();
    });
    list.append(h('dt', {}, a.question), value, h('dd', { className: 'review-change' }, edit));
  });
  return h(
    'section',
    { className: 'review', 'aria-label': t.title },
    h('h3', { tabindex: '-1' }, t.title),
    h('p', {}, t.intro),
    list,
    h('button', { type: 'button', className: 'continue', onclick: () => ctx.proceed() }, t.continue),
  );
}
