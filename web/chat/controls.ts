import { h } from './dom';
import { iconForAnswer } from './icons';
import type { Answer, Mode, Shown, UiTexts } from './types';

let ids = 0;
const uid = (prefix: string) => `${prefix}-${++ids}`;

export interface InputContext {
  texts: UiTexts;
  mode: Mode;
  /** what the options and fields are about (the question), for their group's name */
  label: string;
  answer(a: Answer, shown: string): void;
  /** the agent's console: the options in French, in the same order */
  agentOptions?: { value: unknown; label: string }[];
  /** the caller's language, shown beside the French on the agent's console */
  lang?: string;
}

/** The ways to answer a question: a button per option, a date or number field, and free text always. */
export function inputParts(input: NonNullable<Shown['input']>, ctx: InputContext): HTMLElement[] {
  const parts: HTMLElement[] = [];
  const options = input.options ?? [];
  if (options.length)
    parts.push(
      h(
        'div',
        { className: 'options', role: 'group', 'aria-label': ctx.label },
        ...options.map((o, i) => option(o, i, ctx)),
      ),
    );
  if (input.kind === 'date') parts.push(typedField('date', ctx, { min: input.minDate, max: input.maxDate }));
  if (input.kind === 'number') parts.push(typedField('number', ctx, { min: input.min, max: input.max }));
  // Free text always, but on the kiosk where the buttons say every answer: big targets, little to read or type.
  const buttonsSayAll = ['choice', 'yesno', 'confirm'].includes(input.kind);
  if (input.kind !== 'confirm' && !(ctx.mode === 'kiosk' && buttonsSayAll)) parts.push(freeText(ctx));
  return parts;
}

function option(o: { value: unknown; label: string }, i: number, ctx: InputContext): HTMLElement {
  const fr = ctx.agentOptions?.[i]?.label;
  const shown = fr ?? o.label;
  const beside =
    fr && ctx.lang && ctx.lang !== 'fr' ? h('span', { className: 'caller-label', lang: ctx.lang }, o.label) : undefined;
  return h(
    'button',
    { type: 'button', className: 'option', onclick: () => ctx.answer({ value: o.value }, shown) },
    ctx.mode === 'agent' ? undefined : iconForAnswer(o.value),
    h('span', { lang: fr ? 'fr' : undefined }, shown, beside),
  );
}

function typedField(
  kind: 'date' | 'number',
  ctx: InputContext,
  bounds: { min?: string | number; max?: string | number },
): HTMLElement {
  const t = ctx.texts.ui.chat;
  const id = uid(kind);
  const field = h('input', {
    id,
    type: kind,
    min: bounds.min,
    max: bounds.max,
    required: true,
    ...(kind === 'number' ? { inputmode: 'decimal', step: 'any' } : {}),
  });
  const submit = (e: Event) => {
    e.preventDefault();
    if (field.value === '') return;
    ctx.answer({ value: kind === 'number' ? Number(field.value) : field.value }, field.value);
  };
  return h(
    'form',
    { className: 'typed', onsubmit: submit },
    h('label', { for: id }, kind === 'date' ? t['date-label'] : t['number-label']),
    field,
    h('button', { type: 'submit' }, t.use),
  );
}

function freeText(ctx: InputContext): HTMLElement {
  const t = ctx.texts.ui.chat;
  const id = uid('text');
  const field = h('input', { id, type: 'text', autocomplete: 'off', placeholder: t.placeholder, maxlength: 500 });
  const submit = (e: Event) => {
    e.preventDefault();
    const text = field.value.trim();
    if (text) ctx.answer({ text }, text);
  };
  const label = ctx.mode === 'agent' ? ctx.texts.ui.agent['free-text'] : t['answer-label'];
  return h(
    'form',
    { className: 'free', onsubmit: submit },
    h('label', { for: id, className: ctx.mode === 'agent' ? undefined : 'visually-hidden' }, label),
    field,
    h('button', { type: 'submit' }, t.send),
  );
}

/** Back, and restart once confirmed (the answers are cleared); the page may add its own buttons. */
export function navBar(
  canGoBack: boolean,
  texts: UiTexts,
  actions: { back(): void; restart(): void },
  extras: HTMLElement[] = [],
): HTMLElement {
  const t = texts.ui.chat;
  const nav = h('div', { className: 'nav' });
  const buttons = () => [
    canGoBack
      ? h('button', { type: 'button', className: 'secondary', onclick: () => actions.back() }, t.back)
      : undefined,
    h('button', { type: 'button', className: 'secondary', onclick: confirm }, t.restart),
    ...extras,
  ];
  function confirm() {
    const yes = h('button', { type: 'button', onclick: () => actions.restart() }, t['restart-yes']);
    const no = h(
      'button',
      {
        type: 'button',
        className: 'secondary',
        onclick: () => (nav.replaceChildren(...keep(buttons())), focusFirst(nav)),
      },
      t.cancel,
    );
    nav.replaceChildren(h('p', { className: 'confirm', role: 'alert' }, t['restart-confirm']), yes, no);
    no.focus();
  }
  nav.replaceChildren(...keep(buttons()));
  return nav;
}

const keep = (items: (HTMLElement | undefined)[]) => items.filter((x): x is HTMLElement => x !== undefined);
const focusFirst = (el: HTMLElement) => el.querySelector<HTMLElement>('button')?.focus();
