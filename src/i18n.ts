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

/** A translator bound to a language. */
export const translator = (i18n: i18n, lang: string): TFunction => i18n.getFixedT(lang);

/** Resolves a supported language from a BCP 47 tag ("en-GB" -> "en"), or undefined. */
export function supportedLanguage(tag: string | undefined, languages: readonly string[]): string | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (languages.includes(lower)) return lower;
  const base = lower.split('-')[0]!;
  return languages.includes(base) ? base : undefined;
}
