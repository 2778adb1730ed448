/**
 * A small element builder: h('button', { type: 'button', onclick }, 'Send'). Text is always set as text, never as HTML.
 */
type Attrs = Record<string, string | number | boolean | EventListener | undefined>;
type Child = Node | string | false | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'className') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== undefined && c !== false) el.append(c);
  return el;
}

/** Replaces {{name}} placeholders in an interface text. */
export const fill = (text: string | undefined, values: Record<string, string | number>) =>
  (text ?? '').replace(/{{\s*(\w+)\s*}}/g, (_, k: string) => String(values[k] ?? ''));

/**
 * A text with plural forms, as i18next keys them (`unit-years_one`, `unit-years_other`...): the form the language's
 * plural rules pick for `count`, else `_other`; `written`: the count as the server wrote it in the language (a
 * browser may lack the language's Intl data).
 */
export function plural(
  texts: Record<string, string>,
  key: string,
  count: number,
  locale: string,
  written = count.toLocaleString(locale),
): string {
  const category = new Intl.PluralRules(locale).select(count);
  return fill(texts[`${key}_${category}`] ?? texts[`${key}_other`], { count: written });
}
