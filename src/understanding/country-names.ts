import countries from 'i18n-iso-countries';
import { fold } from './fold';

/**
 * Country names in every language the service speaks, from i18n-iso-countries (which has XK for Kosovo),
 * or from the runtime's Intl.DisplayNames for a language the library lacks. Built once per language.
 */
const registered = new Set<string>();
const byLanguage = new Map<string, ReadonlyMap<string, string>>();

function register(lang: string): boolean {
  if (registered.has(lang)) return true;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`) as countries.LocaleData);
    registered.add(lang);
    return true;
  } catch {
    return false;
  }
}

/** Every name of every country in a language, folded, to its code. */
export function countryNames(lang: string): ReadonlyMap<string, string> {
  let names = byLanguage.get(lang);
  if (names) return names;
  const map = new Map<string, string>();
  if (register(lang)) {
    for (const [code, list] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of list) map.set(fold(name), code);
    }
  } else {
    const display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    for (const code of Object.keys(countries.getAlpha2Codes())) {
      const name = display.of(code);
      if (name) map.set(fold(name), code);
    }
  }
  byLanguage.set(lang, (names = map));
  return names;
}

/** The country's name in a language; the code itself if none is known. */
export function countryName(code: string, lang: string): string {
  if (register(lang)) return countries.getName(code, lang) ?? code;
  return new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }).of(code) ?? code;
}

export const isCountryCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && countries.isValid(code);
