import i18next, { type FormatterModule, type i18n, type TFunction } from 'i18next';
import type { Content } from './content/load';
import { intlLocale } from './languages';

/**
 * Numbers put into a text (a count of days, an age) are written with the language's digits (its card's numbering:
 * Persian digits in Dari and Pashto). No grouping: they are small counts, and a year must stay "2026". Amounts and
 * dates come already formatted, as strings, and pass through.
 */
function digitsFormatter(content: Content): FormatterModule {
  const formats = new Map<string, Intl.NumberFormat>();
  const digits = (lng: string) => {
    let f = formats.get(lng);
    if (!f) formats.set(lng, (f = new Intl.NumberFormat(intlLocale(content, lng), { useGrouping: false })));
    return f;
  };
  return {
    type: 'formatter',
    init: () => undefined,
    format: (value: unknown, _format?: string, lng?: string) =>
      typeof value === 'number' && lng ? digits(lng).format(value) : (value as string),
    add: () => undefined,
    addCached: () => undefined,
  };
}

/** One i18next instance per application, loaded synchronously from content/. French is the fallback and prevails. */
export function createI18n(content: Content): i18n {
  const instance = i18next.createInstance().use(digitsFormatter(content));
  void instance.init({
    initAsync: false,
    resources: content.locales,
    supportedLngs: [...content.languages],
    fallbackLng: 'fr',
    ns: Object.keys(content.locales.fr ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
  });
  return instance;
}

export type Translate = TFunction;

/** Texts kept per language, at most: the content's keys are far fewer; a key made of something else is not kept. */
const KEPT_TEXTS = 20_000;

/**
 * A translator that keeps the texts it gave for a key alone (or a key and a default): they depend on the content
 * only, which does not change while the application runs, and a turn asks for a dozen of them. A text with values
 * put in (an amount, what someone answered) is made again every time and never kept.
 */
function keeping(t: TFunction): TFunction {
  const call = t as unknown as (...a: unknown[]) => unknown;
  const kept = new Map<string, unknown>();
  const keeps = (key: unknown, options: unknown, more: number): key is string => {
    if (typeof key !== 'string' || more > 0) return false;
    if (options === undefined) return true;
    if (typeof options !== 'object' || options === null) return false;
    const names = Object.keys(options);
    return (
      names.length === 1 &&
      names[0] === 'defaultValue' &&
      typeof (options as { defaultValue: unknown }).defaultValue === 'string'
    );
  };
  const fn = (...args: unknown[]): unknown => {
    const [key, options] = args;
    if (!keeps(key, options, args.length - 2)) return call(...args);
    const id = options === undefined ? key : `${key}\u0000${(options as { defaultValue: string }).defaultValue}`;
    if (kept.has(id)) return kept.get(id);
    const text = call(...args);
    if (kept.size < KEPT_TEXTS) kept.set(id, text);
    return text;
  };
  return fn as unknown as TFunction;
}

const translators = new WeakMap<i18n, Map<string, TFunction>>();

/** A translator bound to a language, one per instance and language. */
export function translator(i18n: i18n, lang: string): TFunction {
  let byLang = translators.get(i18n);
  if (!byLang) translators.set(i18n, (byLang = new Map<string, TFunction>()));
  let t = byLang.get(lang);
  if (!t) byLang.set(lang, (t = keeping(i18n.getFixedT(lang))));
  return t;
}

/** Resolves a supported language from a BCP 47 tag ("en-GB" -> "en"), or undefined. */
export function supportedLanguage(tag: string | undefined, languages: readonly string[]): string | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (languages.includes(lower)) return lower;
  const base = lower.split('-')[0]!;
  return languages.includes(base) ? base : undefined;
}
