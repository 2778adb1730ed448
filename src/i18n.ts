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

/** Formats a calendar date for a language: "lundi 14 décembre 2026". */
export function formatDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  // English as written in Europe ("Saturday 5 December 2026"), not the US order.
  const locale = lang === 'en' ? 'en-GB' : lang;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An amount in euros, cents shown, as the language writes numbers ("2 021,60" in French); the € sign is in the texts. */
export function formatEuros(amount: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
}

/** Resolves a supported language from a BCP 47 tag ("en-GB" -> "en"), or undefined. */
export function supportedLanguage(tag: string | undefined, languages: readonly string[]): string | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (languages.includes(lower)) return lower;
  const base = lower.split('-')[0]!;
  return languages.includes(base) ? base : undefined;
}
