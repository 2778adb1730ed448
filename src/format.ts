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

/** An amount in euros as the language writes numbers ("2 021,60" in French); the € sign is in the texts. */
export function formatEuros(amount: number, lang: string, minimumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale(lang), { minimumFractionDigits, maximumFractionDigits: 2 }).format(amount);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put in HTML. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
