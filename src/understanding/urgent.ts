import type { UrgentSituation } from '../content/schemas';
import { FEW_WORDS, said, type Said } from './clauses';
import { cueIn, present, type Cue } from './cues';
import { formsOf, mayStand, tokens } from './fold';
import type { Words } from './lexicon';
import { isOneOf } from './yes-no';

/**
 * Urgent situations the bot does not guide but must recognise before anything else, in any free text at
 * any question (FACTS.md §7): contesting an OQTF, fear of returning, violence, no shelter tonight, a child
 * in danger. Their cues are data, per language. A missed one is far worse than a false alarm, so:
 * - a negation turns a cue around only from a few words before it, in its clause ("je n'ai pas peur" does not
 *   count; "je n'ai pas de papiers et mon mari me frappe" does), and a cue that holds its own negation counts
 *   ("je ne veux pas rentrer");
 * - a "no" that opens the message is the answer to the question, not a negation of what follows ("لا هو كان
 *   يضربني", "no he hits me");
 * - words that are ordinary on their own ("afraid", "war", "خايف") count beside their context (a return, a
 *   danger: "inContext" in the lexicon), or as a whole message ("I'm scared").
 */
export function urgentSituationsIn(text: string, w: Words): UrgentSituation[] {
  const s = answerFirst(said(text, w), w);
  // Hundreds of cues against a few words: those with a part whose first word is not in the text are skipped at once.
  const forms = formsOf(s.words);
  const found = (cue: Cue) => cue.every((part) => mayStand(forms, part)) && cueIn(s, cue, FEW_WORDS);
  const stands = (cue: Cue) => cue.every((part) => mayStand(forms, part) && present(s, part));
  const situations = new Set<UrgentSituation>();
  for (const [situation, cues] of w.urgent) if (cues.some(found)) situations.add(situation);
  const whole = tokens(text);
  for (const [situation, g] of w.urgentInContext) {
    if (isOneOf(whole, g.alone)) situations.add(situation);
    else if (g.cues.some(found) && g.context.some(stands)) situations.add(situation);
  }
  return [...situations];
}

/** The words with a "no" that opens them read as an answer: it reaches the word right after it only. */
function answerFirst(s: Said, w: Words): Said {
  const opening = w.no.filter((p) => p.length < s.words.length && p.every((x, i) => s.words[i] === x));
  return opening.length === 0 ? s : { ...s, opening: Math.max(...opening.map((p) => p.length)) };
}
