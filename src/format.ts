/** Dates and amounts as a language writes them; no dependencies, so the pages bundle it too. */

/** English as written in Europe ("Saturday 5 December 2026"), not the US order. */
const locale = (lang: string) => (lang === 'en' ? 'en-GB' : lang);

/** A calendar date (YYYY-MM-DD) in full: "lundi 14 décembre 2026". */
export function formatDate(iso: string, lang: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** A month of a year in full: "mars 2019", "March 2019". `month`: 1 to 12. */
export function formatMonth(year: number, month: number, lang: string): string {
  return new Intl.DateTimeFormat(locale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/**
 * An amount in euros as the language writes numbers, the same on every page and printout: whole euros without
 * decimals ("1 200"), cents with two ("2 021,60"). The € sign is in the texts.
 */
export function formatEuros(amount: number, lang: string): string {
  const minimumFractionDigits = Number.isInteger(amount) ? 0 : 2;
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits, maximumFractionDigits: 2 }).format(amount);
}

/** A number as the language writes it ("1 398,69"). */
export const formatNumber = (n: number, lang: string): string =>
  new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 2 }).format(n);

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put in HTML. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
