import { findPhrase, tokens } from './fold';
import type { Words } from './lexicon';
import { refuse, sure, unsure, type Reading } from './reading';

const equals = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

/** Whether the words are, as a whole, one of the phrases. */
export const isOneOf = (text: readonly string[], list: readonly string[][]) => list.some((p) => equals(text, p));

/** Whether the words begin with one of the phrases ("oui, je crois"). */
const startsWith = (text: readonly string[], list: readonly string[][]) =>
  list.some((p) => p.length <= text.length && findPhrase(text.slice(0, p.length), p) === 0);

/** "I don't know" in any of its forms: the whole answer, or a sentence that holds it and nothing of yes or no. */
export function saysDontKnow(text: string, w: Words): boolean {
  const t = tokens(text);
  if (t.length === 0) return false;
  return isOneOf(t, w.dontKnow) || w.dontKnow.some((p) => p.length >= 2 && findPhrase(t, p) >= 0);
}

/**
 * Yes or no as people write it. The whole answer, then its first words ("oui, je crois", "non merci");
 * a sentence that only turns something around ("je n'en ai pas") is read as no, to be confirmed.
 */
export function readYesNo(text: string, w: Words): Reading {
  const t = tokens(text);
  if (isOneOf(t, w.yes)) return sure(true);
  if (isOneOf(t, w.no)) return sure(false);
  const yes = startsWith(t, w.yes);
  const no = startsWith(t, w.no);
  if (yes !== no) return sure(yes);
  const saysNo = w.no.some((p) => p.length >= 2 && findPhrase(t, p) >= 0) || t.some((word) => w.negations.has(word));
  const saysYes = w.yes.some((p) => findPhrase(t, p) >= 0);
  if (saysNo && !saysYes) return unsure(false, 'partial');
  if (saysYes && !saysNo) return unsure(true, 'partial');
  return refuse('invalid-yesno');
}
