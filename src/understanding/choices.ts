import { distance } from 'fastest-levenshtein';
import { cueIn, type Cue } from './cues';
import { fold, tokens } from './fold';
import type { Words } from './lexicon';
import { refuse, sure, unsure, type Reading } from './reading';

/** An option as the reader sees it: its value, its label in the session's language, and its words. */
export interface Option {
  value: string;
  label: string;
  cues: Cue[];
}

/** A near spelling of a word (one letter off in a short word, two in a long one). */
const near = (a: string, b: string) => {
  // the same word was a keyword already, and turned around by a negation if it did not count
  if (a === b) return false;
  const allowed = Math.max(a.length, b.length) >= 8 ? 2 : Math.max(a.length, b.length) >= 4 ? 1 : 0;
  return allowed > 0 && Math.abs(a.length - b.length) <= allowed && distance(a, b) <= allowed;
};

/** The options whose words, or whose label's words, come near the answer's (a typo): to be confirmed. */
function nearOptions(t: readonly string[], options: readonly Option[]): Option[] {
  const words = t.filter((w) => w.length >= 4);
  if (words.length === 0 || words.length > 3) return [];
  return options.filter((o) =>
    o.cues.some((cue) => cue.length === 1 && cue[0]!.length === 1 && words.some((w) => near(w, cue[0]![0]!))),
  );
}

/**
 * An option chosen in words: its value or label as written, its number in the list, or its words in the
 * lexicon, not turned around by a negation ("haven't sent" is not "sent"). Several options fitting ask
 * which; a near spelling is confirmed. A label is never matched by a part of it: "aide" alone picks nothing.
 */
export function readChoice(text: string, options: readonly Option[], w: Words): Reading {
  const t = tokens(text);
  const said = t.join(' ');
  if (!said) return refuse('invalid-choice');
  const exact = options.find((o) => fold(o.value) === said || fold(o.label) === said);
  if (exact) return sure(exact.value);
  if (/^\d+$/.test(said) && Number(said) >= 1 && Number(said) <= options.length)
    return sure(options[Number(said) - 1]!.value);
  const matching = options.filter((o) => o.cues.some((cue) => cueIn(t, cue, w.negations)));
  if (matching.length === 1) return sure(matching[0]!.value);
  if (matching.length > 1) {
    const top = strongest(t, matching, w);
    return top.length === 1 ? sure(top[0]!.value) : { kind: 'choose', candidates: top.map((o) => o.value) };
  }
  const close = nearOptions(t, options);
  if (close.length === 1) return unsure(close[0]!.value, 'fuzzy');
  if (close.length > 1) return { kind: 'choose', candidates: close.map((o) => o.value) };
  return refuse('invalid-choice');
}

/** Of several options that fit, those whose longest matching phrase is longest ("pas encore envoyé" beats "envoyé"). */
function strongest(t: readonly string[], matching: readonly Option[], w: Words): Option[] {
  const score = (o: Option) => Math.max(...o.cues.filter((c) => cueIn(t, c, w.negations)).map((c) => c.flat().length));
  const best = Math.max(...matching.map(score));
  const top = matching.filter((o) => score(o) === best);
  return top.length > 0 ? top : [...matching];
}
