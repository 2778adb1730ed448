import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import { normalize } from '../text';

/** Country names in several languages, from i18n-iso-countries (which includes XK for Kosovo). */
for (const locale of [fr, en, ar]) countries.registerLocale(locale);

const NAME_LANGS = ['fr', 'en', 'ar'];

let byName: Map<string, string> | undefined;

/** Every name and alias in every registered language, normalized, to its code. Built once. */
function names(): Map<string, string> {
  if (byName) return byName;
  byName = new Map();
  for (const lang of NAME_LANGS) {
    for (const [code, list] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of list) byName.set(normalize(name), code);
    }
  }
  return byName;
}

/** A country from what a person typed: a name in any known language, or an ISO alpha-2 or alpha-3 code. */
export function countryFromText(text: string): string | undefined {
  const raw = text.trim();
  if (/^[A-Za-z]{2}$/.test(raw) && countries.isValid(raw.toUpperCase())) return raw.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(raw)) {
    const code = countries.alpha3ToAlpha2(raw.toUpperCase());
    if (code) return code;
  }
  const said = normalize(raw);
  return names().get(said) ?? names().get(said.replace(/^(l|la|le|les|the)\s+/, ''));
}

export const isCountryCode = (code: string): boolean => /^[A-Z]{2}$/.test(code) && countries.isValid(code);

/** The country's name in a language (French when the language has no names). */
export const countryName = (code: string, lang: string): string =>
  countries.getName(code, NAME_LANGS.includes(lang) ? lang : 'fr') ?? code;
