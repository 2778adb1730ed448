import { detectAll } from 'tinyld';

/** Below this, a text is too short to tell its language (tinyld confuses "oui" and "ok"). */
const MIN_LETTERS = 12;
/** Ge'ez script: of the languages a service like this offers, only Tigrinya writes it (tinyld does not know it). */
const ETHIOPIC = /[\u1200-\u137f]/u;

/**
 * The language a longer free text is written in, among the service's languages, when it is clear enough:
 * the person can then be offered to switch. Short answers are never guessed.
 */
export function languageOfText(text: string, languages: readonly string[]): string | undefined {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < MIN_LETTERS || text.trim().split(/\s+/).length < 2) return undefined;
  if (ETHIOPIC.test(text)) return languages.includes('ti') ? 'ti' : undefined;
  const [best, next] = detectAll(text, { only: [...languages] });
  if (!best || best.accuracy < 0.15) return undefined;
  return next && best.accuracy < next.accuracy * 1.05 ? undefined : best.lang;
}
