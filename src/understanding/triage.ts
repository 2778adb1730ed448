import { said } from './clauses';
import { bestOfItems } from './cues';
import type { Words } from './lexicon';
import { unsure, type Reading } from './reading';

/**
 * Which procedure plain words point to, from each procedure's own cues (content/procedures/<id>/lexicon): a cue
 * a negation governs in its clause does not count ("je ne veux pas faire venir ma famille, je veux rentrer" is
 * return aid), a near spelling does ("aide au retoure"). One procedure is a hand-over, always confirmed; several
 * ask which; none is undefined.
 */
export function readNeed(text: string, procedures: readonly string[], w: Words): Reading | undefined {
  const best = bestOfItems(
    said(text, w),
    procedures.map((id) => ({ item: id, cues: w.procedures[id]?.triage ?? [] })),
    [...w.yes, ...w.no],
  );
  if (!best) return undefined;
  if (best.top.length > 1) return { kind: 'choose', candidates: best.top };
  return unsure(best.top[0], best.near ? 'fuzzy' : 'partial');
}
