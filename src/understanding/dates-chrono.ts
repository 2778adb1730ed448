import * as chrono from 'chrono-node';
import { format } from 'date-fns';
import { sure, unsure, type Reading } from './reading';

/** The chrono-node parser of a language (day-first British English for English). */
function parserOf(locale: string): chrono.Chrono | undefined {
  const l = (chrono as unknown as Record<string, { GB?: chrono.Chrono; casual?: chrono.Chrono } | undefined>)[locale];
  return l?.GB ?? l?.casual;
}

/**
 * A date chrono-node reads in a language it knows. Only a match that covers what was written counts (a
 * part of a longer phrase is not a reading); a date whose year is not written is confirmed.
 */
export function readWithChrono(text: string, locale: string, today: string): Reading | undefined {
  const parser = parserOf(locale);
  if (!parser) return undefined;
  const [result] = parser.parse(text, new Date(`${today}T12:00:00`), { forwardDate: false });
  if (!result) return undefined;
  const covered = result.text.replace(/\s+/g, '').length / Math.max(1, text.replace(/[\s.,!?]+/g, '').length);
  if (covered < 0.6) return undefined;
  const date = format(result.start.date(), 'yyyy-MM-dd');
  if (date > today && !result.start.isCertain('year')) return undefined;
  const yearWritten = /\b\d{4}\b/.test(result.text);
  return yearWritten ? sure(date) : unsure(date, 'relative-date');
}
