import * as chrono from 'chrono-node';
import { yearlessDay, type Calendar } from './dates-calendar';
import { sure, unsure, type Reading } from './reading';

/** The chrono-node parser of a language (day-first British English for English). */
function parserOf(locale: string): chrono.Chrono | undefined {
  const l = (chrono as unknown as Record<string, { GB?: chrono.Chrono; casual?: chrono.Chrono } | undefined>)[locale];
  return l?.GB ?? l?.casual;
}

/**
 * A date chrono-node reads in a language it knows, under the same rules as the lexicon's reader. Only a
 * match that covers what was written counts (a part of a longer phrase is not a reading), and only one
 * that names a day ("last month", "november" name none: the caller asks for the day). A date without its
 * year is the nearest such day on the question's side; a date computed from today is confirmed.
 */
export function readWithChrono(text: string, locale: string, c: Calendar): Reading | undefined {
  const parser = parserOf(locale);
  if (!parser) return undefined;
  const [result] = parser.parse(text, new Date(`${c.today}T12:00:00`), { forwardDate: c.towards === 'future' });
  if (!result || !result.start.isCertain('day')) return undefined;
  const covered = result.text.replace(/\s+/g, '').length / Math.max(1, text.replace(/[\s.,!?]+/g, '').length);
  if (covered < 0.6) return undefined;
  const [y, m, d] = [result.start.get('year')!, result.start.get('month')!, result.start.get('day')!];
  if (!result.start.isCertain('year')) {
    const date = yearlessDay(m, d, c);
    return date ? unsure(date, 'yearless-date') : undefined;
  }
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return /\b\d{4}\b/.test(result.text) ? sure(date) : unsure(date, 'relative-date');
}
