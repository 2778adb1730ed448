import type { UrgentSituation } from '../content/schemas';
import { cueIn } from './cues';
import { tokens } from './fold';
import type { Words } from './lexicon';

/**
 * Urgent situations the bot does not guide but must recognise before anything else, in any free text at
 * any question (FACTS.md §7): contesting an OQTF, fear of returning, violence, no shelter tonight, a child
 * in danger. Their cues are data, per language; a cue turned around by a negation ("je n'ai pas peur")
 * does not count, but a cue that holds its own negation ("je ne veux pas rentrer") does.
 */
export function urgentSituationsIn(text: string, w: Words): UrgentSituation[] {
  const t = tokens(text);
  return w.urgent.filter(([, cues]) => cues.some((cue) => cueIn(t, cue, w.negations))).map(([situation]) => situation);
}
