import { asciiDigits } from '../text';
import { fold } from './fold';

/**
 * What was written, cut into pieces a number reader walks: numbers in digits, signs, and words folded
 * (src/understanding/fold.ts). A unit written against a number is a word of its own ("2yrs", "60m2",
 * "15k"); digits written against letters belong to a word ("F3", "T2", "m2", "م2").
 */
export type Piece =
  /** `readings`: what the digits may mean (two when a lone separator may mark thousands or decimals) */
  | { kind: 'digits'; text: string; readings: number[] }
  | { kind: 'sign'; sign: string }
  | { kind: 'word'; word: string };

/** Digit groups: a space or an apostrophe joins only groups of three ("1 500", "1'500"), not "5 8 12". */
const GROUPS = String.raw`\d+(?:(?:[.٫٬]|[\s\u00a0\u202f'’](?=\d{3}(?!\d)))\d+)*`;
const GROUPS_AND_COMMAS = String.raw`\d+(?:(?:[.,٫٬]|[\s\u00a0\u202f'’](?=\d{3}(?!\d)))\d+)*`;
/** A word: letters, with digits or a square sign after them, inner hyphens and apostrophes ("quatre-vingt", "l'an"). */
const WORD = String.raw`[\p{L}\p{M}](?:[\p{L}\p{M}\d²³'’]|-(?=\p{L}))*`;

/**
 * The pieces of a text. `commas`: whether a comma may stand inside a number ("1,500", "2,5"); in a list
 * of ages it separates them ("2,5,9"). `splitFrom`: the folded letters that may stand glued before
 * digits and still be words of their own ("و8", "x12").
 */
export function piecesOf(text: string, splitFrom: ReadonlySet<string>, commas = true): Piece[] {
  const re = new RegExp(`(${commas ? GROUPS_AND_COMMAS : GROUPS})|(${WORD})|(\\S)`, 'gu');
  const out: Piece[] = [];
  // "1 an 1/2", "2 1/2 years": a half
  const halves = asciiDigits(text).replace(/(^|[^\d/.,])1\/2(?![\d/])/g, '$1 ½ ');
  for (const m of halves.matchAll(re)) {
    if (m[1]) out.push(digits(m[1]));
    else if (m[2]) out.push(...wordPieces(m[2], splitFrom, commas));
    else out.push({ kind: 'sign', sign: m[3]! });
  }
  return out;
}

function digits(text: string): Piece {
  return { kind: 'digits', text, readings: digitReadings(text) ?? [] };
}

/**
 * A word as folded words; letters glued before digits that are a word of their own ("و8") come apart, and so do
 * Ge'ez letters, which never make a code with digits ("ብ1500": at 1500).
 */
function wordPieces(raw: string, splitFrom: ReadonlySet<string>, commas: boolean): Piece[] {
  const glued = raw.match(/^(\p{L}+)(\d.*)$/u);
  if (glued && (splitFrom.has(fold(glued[1]!)) || /^\p{Script=Ethiopic}+$/u.test(glued[1]!)))
    return [{ kind: 'word', word: fold(glued[1]!) }, ...piecesOf(glued[2]!, splitFrom, commas)];
  return fold(raw)
    .split(' ')
    .filter(Boolean)
    .map((word) => ({ kind: 'word', word }));
}

/**
 * The values digits may have: thousands separators of both conventions ("1.500", "1,500", "1 500",
 * "1'500"), decimals ("1350,50"), and the Arabic separators, which are never ambiguous (٬ thousands,
 * ٫ decimals). Two readings when a lone separator may be either ("1.500": 1500 or 1.5); none when the
 * groups fit no convention ("1.50.0").
 */
function digitReadings(raw: string): number[] | undefined {
  const token = raw.replace(/[\s\u00a0\u202f'’]/g, '');
  if (/[٬٫]/.test(token)) return arabicSeparators(token);
  const dots = (token.match(/\./g) ?? []).length;
  const commas = (token.match(/,/g) ?? []).length;
  if (dots && commas) {
    // both: the last one marks decimals ("1.500,50", "1,500.50")
    const decimal = token.lastIndexOf('.') > token.lastIndexOf(',') ? '.' : ',';
    const other = decimal === '.' ? ',' : '.';
    const [whole, ...rest] = token.split(decimal);
    if (rest.length !== 1 || !threes(whole!.split(other))) return undefined;
    return [Number(`${whole!.split(other).join('')}.${rest[0]}`)];
  }
  const sep = dots ? '.' : commas ? ',' : undefined;
  if (!sep) return [Number(token)];
  const groups = token.split(sep);
  const thousands = threes(groups) ? Number(groups.join('')) : undefined;
  if (groups.length > 2) return thousands === undefined ? undefined : [thousands];
  const decimal = Number(groups.join('.'));
  return thousands === undefined ? [decimal] : [thousands, decimal];
}

/** Whether groups after the first are of three digits, as thousands are written. */
const threes = (groups: readonly string[]) => groups.slice(1).every((g) => g.length === 3);

function arabicSeparators(token: string): number[] | undefined {
  if (/[.,]/.test(token)) return undefined;
  const [whole, decimals, ...more] = token.split('٫');
  const groups = whole!.split('٬');
  if (more.length > 0 || !threes(groups) || decimals === '') return undefined;
  return [Number(groups.join('') + (decimals === undefined ? '' : `.${decimals}`))];
}
