/** Dates and amounts as a language writes them; no dependencies, so the pages bundle it too. */

/*
 * `locale` is the Intl locale of a language (src/languages.ts intlLocale: the Gregorian calendar, the language's
 * digits). Formatters are costly to build and used on every turn: one per locale and style, kept.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function formatter<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = formatters.get(key) as T | undefined;
  if (!f) {
    f = make();
    formatters.set(key, f);
  }
  return f;
}

/** A calendar date (YYYY-MM-DD) in full: "lundi 14 décembre 2026". */
export function formatDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const f = formatter(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }));
  return f.format(new Date(Date.UTC(y, m - 1, d)));
}

/** A month of a year in full: "mars 2019", "March 2019". `month`: 1 to 12. */
export function formatMonth(year: number, month: number, locale: string): string {
  const f = formatter(
    `month|${locale}`,
    () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
  return f.format(new Date(Date.UTC(year, month - 1, 1)));
}

/**
 * An amount in euros as the language writes numbers, the same on every page and printout: whole euros without
 * decimals ("1 200"), cents with two ("2 021,60"). The € sign is in the texts.
 */
export function formatEuros(amount: number, locale: string): string {
  const cents = !Number.isInteger(amount);
  const f = formatter(
    `eur|${cents ? 2 : 0}|${locale}`,
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2 }),
  );
  return f.format(amount);
}

/** A number as the language writes it ("1 398,69"). */
export const formatNumber = (n: number, locale: string): string =>
  formatter(`num|${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(n);

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put in HTML. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
