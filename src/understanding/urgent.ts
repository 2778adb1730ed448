import type { UrgentSituation } from '../content/schemas';
import { FEW_WORDS, said, type Said } from './clauses';
import { cueIn, present, type Cue } from './cues';
import { formsOf, keysOf, mayStand, tokens } from './fold';
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
  // Hundreds of cues against a few words: only those whose first word is in the text are tried (cuesByFirstWord),
  // and of those, those with another part whose first word is not are skipped at once.
  const forms = formsOf(s.words);
  const found = (cue: Cue) => cue.every((part) => mayStand(forms, part)) && cueIn(s, cue, FEW_WORDS);
  const stands = (cue: Cue) => cue.every((part) => mayStand(forms, part) && present(s, part));
  const index = cuesByFirstWord(w);
  const direct = new Set<UrgentSituation>();
  for (const form of forms)
    for (const { situation, cue } of index.get(form) ?? [])
      if (!direct.has(situation) && found(cue)) direct.add(situation);
  // in the order of the lexicon, as they are said
  const situations = new Set(w.urgent.map(([situation]) => situation).filter((situation) => direct.has(situation)));
  const whole = tokens(text);
  for (const [situation, g] of w.urgentInContext) {
    if (isOneOf(whole, g.alone)) situations.add(situation);
    else if (g.cues.some(found) && g.context.some(stands)) situations.add(situation);
  }
  return [...situations];
}

const indexes = new WeakMap<Words, Map<string, { situation: UrgentSituation; cue: Cue }[]>>();

/** A language's urgent cues by the forms their first word may take in a text (keysOf), built once per language. */
function cuesByFirstWord(w: Words): Map<string, { situation: UrgentSituation; cue: Cue }[]> {
  let index = indexes.get(w);
  if (index) return index;
  index = new Map();
  for (const [situation, cues] of w.urgent)
    for (const cue of cues)
      for (const key of keysOf(cue[0] ?? [])) index.set(key, [...(index.get(key) ?? []), { situation, cue }]);
  indexes.set(w, index);
  return index;
}

/** The words with a "no" that opens them read as an answer: it reaches the word right after it only. */
function answerFirst(s: Said, w: Words): Said {
  const opening = w.no.filter((p) => p.length < s.words.length && p.every((x, i) => s.words[i] === x));
  return opening.length === 0 ? s : { ...s, opening: Math.max(...opening.map((p) => p.length)) };
}
