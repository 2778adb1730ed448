import { strongestCue } from './cues';
import { tokens } from './fold';
import type { Words } from './lexicon';
import { refuse, unsure, type Reading } from './reading';

/**
 * Which procedure plain words point to, from each procedure's own cues (content/procedures/<id>/lexicon):
 * a cue turned around by a negation does not count ("je ne veux pas rentrer" is not return aid). One
 * procedure is a hand-over to confirm; several ask which; none is not understood.
 */
export function readNeed(text: string, procedures: readonly string[], w: Words): Reading {
  const t = tokens(text);
  const scores = procedures.map((id) => ({ id, score: strongestCue(t, w.procedures[id]?.triage ?? [], w.negations) }));
  const best = Math.max(0, ...scores.map((s) => s.score));
  if (best === 0) return refuse('invalid-need');
  const top = scores.filter((s) => s.score === best).map((s) => s.id);
  return top.length === 1 ? unsure(top[0], 'partial') : { kind: 'choose', candidates: top };
}
