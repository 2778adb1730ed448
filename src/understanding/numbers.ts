import { readAmount } from './amounts';
import { readCount } from './counts';
import { readDuration } from './durations';
import type { Words } from './lexicon';
import { listsOf } from './number-phrases';
import { scan } from './number-scan';
import { settle, type NumberQuestion } from './number-question';
import { refuse, type Reading } from './reading';

export { countIn } from './number-words';
export type { NumberUnit, NumberQuestion } from './number-question';

/**
 * A number as people write it: digits of any script, thousands separators of both conventions, number
 * words, a unit or a period, several figures that add. The reader of the question's unit decides; a
 * value worked out or converted is confirmed, never silently taken. `elsewhere`: the other languages' words, in
 * which an amount's period or currency may be written.
 */
export function readNumber(text: string, w: Words, q: NumberQuestion, elsewhere: readonly Words[] = []): Reading {
  switch (q.unit) {
    case 'eur-month':
    case 'eur-year':
      return readAmount(text, w, q, elsewhere);
    case 'years':
    case 'months':
      return readDuration(text, w, q);
    case 'people':
    case 'adults':
    case 'minors':
      return readCount(text, w, q);
    default:
      return readPlain(text, w, q);
  }
}

/**
 * An area, or a number with no unit of its own: the one number, or the one written with the question's unit
 * ("F3 de 65 m²": F3 is no number). A number followed by a word that is not its unit ("3 pièces") is confirmed.
 */
function readPlain(text: string, w: Words, q: NumberQuestion): Reading {
  const s = scan(text, w, listsOf(w, ['m2', 'range', 'persons', 'adults', 'children', 'joiner']));
  const numbers = s.numbers.filter((n) => !n.unit || n.unit === 'm2');
  const marked = numbers.filter((n) => n.unit === 'm2');
  const one = marked.length === 1 ? marked[0] : numbers.length === 1 ? numbers[0] : undefined;
  const range = s.spans.some((span) => span?.tag === 'range') && s.numbers.length > 1;
  if (!one || range) return refuse(s.numbers.length === 0 ? 'invalid-number' : 'one-number');
  const noun = !one.unit && s.pieces[one.end]?.kind === 'word' && !s.spans[one.end];
  return settle(one.readings, q, s.numbers.length > 1 || noun ? { why: 'partial' } : undefined);
}
