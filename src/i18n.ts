import i18next, { type i18n, type TFunction } from 'i18next';
import type { Content } from './content/load';

/** Languages written right to left; the widget and kiosk lay them out that way. */
const RTL = new Set(['ar', 'fa', 'prs', 'ps', 'ur', 'he', 'ckb']);

export const directionOf = (lang: string): 'ltr' | 'rtl' => (RTL.has(lang.split('-')[0]!) ? 'rtl' : 'ltr');

/** One i18next instance per application, loaded synchronously from content/. French is the fallback and prevails. */
export function createI18n(content: Content): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    initAsync: false,
    resources: content.locales,
    supportedLngs: [...content.languages],
    fallbackLng: 'fr',
    ns: Object.keys(content.locales.fr ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

export type Translate = TFunction;

/** A translator bound to a language. */
export const translator = (i18n: i18n, lang: string): TFunction => i18n.getFixedT(lang);

export { formatDate, formatEuros } from './format';

/** Resolves a supported language from a BCP 47 tag ("en-GB" -> "en"), or undefined. */
export function supportedLanguage(tag: string | undefined, languages: readonly string[]): string | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (languages.includes(lower)) return lower;
  const base = lower.split('-')[0]!;
  return languages.includes(base) ? base : undefined;
}
