import { said } from './clauses';
import { bestOfItems, type Cue } from './cues';
import { fold, tokens } from './fold';
import type { Words } from './lexicon';
import { refuse, sure, unsure, type Reading } from './reading';

/** An option as the reader sees it: its value, its label in the session's language, and its words. */
export interface Option {
  value: string;
  label: string;
  cues: Cue[];
}

/**
 * An option named as such: its value or its label as written (sure), or its number in the list typed as text
 * (confirmed: "10" at the permit question may be the tenth option or the 10 of "10 ans"; when the number is also
 * a word of other options, ask which).
 */
export function namedOption(text: string, options: readonly Option[]): Reading | undefined {
  const said = tokens(text).join(' ');
  const exact = options.find((o) => fold(o.value) === said || fold(o.label) === said);
  if (exact) return sure(exact.value);
  if (!/^\d+$/.test(said) || Number(said) < 1 || Number(said) > options.length) return undefined;
  const picked = options[Number(said) - 1]!;
  const alike = options.filter((o) => o !== picked && o.cues.some((cue) => cue.flat().includes(said)));
  return alike.length > 0
    ? { kind: 'choose', candidates: [picked, ...alike].map((o) => o.value) }
    : unsure(picked.value, 'partial');
}

/**
 * An option chosen in words: named as such (above), or by its words in the lexicon, not governed by a negation
 * in their clause ("haven't sent" is not "sent"; "pas résident, temporaire" is temporary). The option whose
 * longest phrase is longest wins ("pas encore envoyé" beats "envoyé"); several ask which. Near spellings
 * ("temporair", "not yet sennt") count as the words, as long as no negation governs them, and are confirmed.
 * A label is never matched by a part of it: "aide" alone picks nothing.
 */
export function readChoice(text: string, options: readonly Option[], w: Words): Reading {
  if (tokens(text).length === 0) return refuse('invalid-choice');
  const named = namedOption(text, options);
  if (named) return named;
  const best = bestOfItems(
    said(text, w),
    options.map((o) => ({ item: o.value, cues: o.cues })),
    [...w.yes, ...w.no],
  );
  if (!best) return refuse('invalid-choice');
  if (best.top.length > 1) return { kind: 'choose', candidates: best.top };
  if (best.near) return unsure(best.top[0], 'fuzzy');
  return best.loose ? unsure(best.top[0], 'partial') : sure(best.top[0]);
}
