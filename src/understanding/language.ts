import { detectAll } from 'tinyld';

/** Below this, a text is too short to tell its language (tinyld confuses "oui" and "ok"). */
const MIN_LETTERS = 12;
/** Ge'ez script: of the languages a service like this offers, only Tigrinya writes it (tinyld does not know it). */
const ETHIOPIC = /[\u1200-\u137f]/u;
/**
 * Letters only Pashto adds to the Arabic script (ښ ږ ګ ځ څ ټ ډ ړ ڼ ې ۍ; not Urdu's ٹ ڈ ڑ): tinyld does not know
 * Pashto and takes it for Persian.
 */
const PASHTO = /[\u069a\u0696\u06ab\u0681\u0685\u067c\u0689\u0693\u06bc\u06d0\u06cd]/u;

/**
 * The language a longer free text is written in, among the service's languages, when it is clear enough:
 * the person can then be offered to switch. Short answers are never guessed.
 */
export function languageOfText(text: string, languages: readonly string[]): string | undefined {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < MIN_LETTERS || text.trim().split(/\s+/).length < 2) return undefined;
  if (ETHIOPIC.test(text)) return languages.includes('ti') ? 'ti' : undefined;
  if (PASHTO.test(text) && languages.includes('ps')) return 'ps';
  const [best, next] = detectAll(text, { only: [...languages] });
  if (!best || best.accuracy < 0.15) return undefined;
  return next && best.accuracy < next.accuracy * 1.05 ? undefined : best.lang;
}
