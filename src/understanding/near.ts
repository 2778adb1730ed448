import { distance } from 'fastest-levenshtein';

/**
 * A near spelling of a listed word ("retoure", "sennt", "مايوط"): one letter off in a word of five to seven
 * letters, two in a longer one. Never the same word (that is no typo), never a word of four letters or fewer
 * ("suis" and "sais", "veux" and "vieux", "went" and "sent" are different words) but as a whole answer ("foyé"),
 * never a number.
 */
export function isNear(word: string, listed: string, shortest = 5): boolean {
  if (word === listed || word.length < shortest || /\d/.test(word + listed)) return false;
  const longest = Math.max(word.length, listed.length);
  const allowed = longest >= 8 ? 2 : 1;
  return Math.abs(word.length - listed.length) <= allowed && distance(word, listed) <= allowed;
}
