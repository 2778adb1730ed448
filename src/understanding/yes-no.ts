import { CLAUSE, inOneClause, said } from './clauses';
import { fitOf, type Cue } from './cues';
import { findPhrase, tokens } from './fold';
import type { Words } from './lexicon';
import { refuse, sure, unsure, type Reading } from './reading';

/** Words that answer a yes/no question by echoing it ("j'ai un passeport", "je vis seul"): the procedure's lexicon. */
export interface Echoes {
  true: readonly Cue[];
  false: readonly Cue[];
}

const equals = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((w, i) => w === b[i]);

/** Whether the words are, as a whole, one of the phrases. */
export const isOneOf = (text: readonly string[], list: readonly string[][]) => list.some((p) => equals(text, p));

/** How many words of the longest of the phrases the words begin with ("oui, je crois"), or 0. */
const opening = (text: readonly string[], list: readonly (readonly string[])[]) =>
  Math.max(
    0,
    ...list.filter((p) => p.length <= text.length && findPhrase(text.slice(0, p.length), p) === 0).map((p) => p.length),
  );

/** Whether the words end with one of the phrases ("right now no", "pour l'instant non"); not a single letter. */
const endsWith = (text: readonly string[], list: readonly string[][]) =>
  list.some(
    (p) => p.join('').length > 1 && p.length < text.length && findPhrase(text.slice(text.length - p.length), p) === 0,
  );

/** "I don't know" in any of its forms: the whole answer, or a sentence that holds it and nothing of yes or no. */
export function saysDontKnow(text: string, w: Words): boolean {
  const t = tokens(text);
  if (t.length === 0) return false;
  if (isOneOf(t, w.dontKnow)) return true;
  // inside a sentence, within one clause: "no, se me perdió" (no, I lost it) holds no "no sé"; or a whole clause
  // that is one, of a single word too ("OQTF mi? bilmiyorum": is it an OQTF? I don't know)
  const s = said(text, w);
  const clauses = [...new Set(s.clause)].map((c) => s.words.filter((_, i) => s.clause[i] === c));
  return w.dontKnow.some((p) => p.length >= 2 && inOneClause(s, p)) || clauses.some((c) => isOneOf(c, w.dontKnow));
}

/**
 * Yes or no as people write it. The whole answer, or its first words ("oui, je crois", "non merci"): sure. Both a
 * yes and a no ("oui et non", "نعم و لا"): refused. Otherwise read from the rest, and confirmed: an echo of the
 * question ("j'ai un passeport", "alone", "ما طلبتها قبل"), a yes or no at the end ("right now no"), a negation
 * ("je n'en ai pas").
 */
export function readYesNo(text: string, w: Words, echoes?: Echoes): Reading {
  const t = tokens(text);
  if (isOneOf(t, w.yes)) return sure(true);
  if (isOneOf(t, w.no)) return sure(false);
  const yes = opening(t, w.yes);
  const no = opening(t, w.no);
  const lastYes = endsWith(t, w.yes);
  const lastNo = endsWith(t, w.no);
  if ((yes || lastYes) && (no || lastNo)) return refuse('invalid-yesno');
  const s = said(text, w);
  const echo = echoes && echoOf(echoes, (cues) => fitOf(s, cues, { reach: CLAUSE })?.score ?? 0);
  if (yes || no) {
    if (echo === undefined || echo === !!yes) return sure(!!yes);
    // the echo disagrees: it is the answer where it opens it, the "no" inside it ("jamais demandé", "لا أحد معي");
    // otherwise the answer contradicts itself ("non, je vis seul")
    const echoFirst = opening(
      t,
      [...(echoes?.true ?? []), ...(echoes?.false ?? [])].filter((c) => c.length === 1).flat(),
    );
    return echo !== 'both' && echoFirst > yes + no ? unsure(echo, 'partial') : refuse('invalid-yesno');
  }
  if (echo === 'both') return refuse('invalid-yesno');
  if (echo !== undefined) return unsure(echo, 'partial');
  if (lastYes || lastNo) return unsure(lastYes, 'partial');
  const saysNo =
    w.no.some((p) => p.length >= 2 && findPhrase(t, p) >= 0) || [...s.negation, ...s.negationAfter].some(Boolean);
  const saysYes = w.yes.some((p) => findPhrase(t, p) >= 0);
  if (saysNo && !saysYes) return unsure(false, 'partial');
  if (saysYes && !saysNo) return unsure(true, 'partial');
  return refuse('invalid-yesno');
}

/** The answer the text's echoes of the question give: the one that fits longer; both as well is no answer. */
function echoOf(echoes: Echoes, fit: (cues: readonly Cue[]) => number): boolean | 'both' | undefined {
  const yes = fit(echoes.true);
  const no = fit(echoes.false);
  if (yes === 0 && no === 0) return undefined;
  return yes === no ? 'both' : yes > no;
}
