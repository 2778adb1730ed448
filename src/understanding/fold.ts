import { asciiDigits } from '../text';

/**
 * Text folded for comparison, the same for what people type and for the word lists: digits of every
 * script as ASCII, lower case, no accents or Arabic diacritics, the Arabic and Persian letters people
 * write interchangeably made one (أ إ آ ٱ → ا, ة → ه, ى ی → ي, ک → ك, ؤ → و, ئ → ي), no tatweel,
 * "n't" as "not", elisions split ("l'asile" → "l asile"), punctuation as spaces.
 * The letters Pashto and Urdu add to the Arabic script are made the letter people type for them on a Persian
 * or Arabic keyboard (ښ → ش, ږ → ژ, ګ → گ, ې ۍ ے → ي, ټ ٹ → ت, ډ ڈ → د, ړ ڑ → ر, ڼ ں → ن, ځ → ز, څ → س,
 * ە ہ ھ → ه): "ښه" and "شه", "ګټه" and "گته" are one word. No other language writes them.
 */
export function fold(s: string): string {
  return asciiDigits(s)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/[ىی]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/ښ/g, 'ش')
    .replace(/ږ/g, 'ژ')
    .replace(/ګ/g, 'گ')
    .replace(/[ېۍے]/g, 'ي')
    .replace(/[ټٹ]/g, 'ت')
    .replace(/[ډڈ]/g, 'د')
    .replace(/[ړڑ]/g, 'ر')
    .replace(/[ڼں]/g, 'ن')
    .replace(/ځ/g, 'ز')
    .replace(/څ/g, 'س')
    .replace(/[ەہھ]/g, 'ه')
    .replace(/ـ/g, '')
    .replace(/n[’']t\b/g, ' not')
    .replace(/[’'`]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a text, folded. */
export const tokens = (s: string): string[] => {
  const f = fold(s);
  return f ? f.split(' ') : [];
};

/** Arabic clitics written onto a word: and, the, with/by, for, so, like (و ال ب ل ف ك and their combinations). */
const CLITICS = /^(?:وال|فال|بال|كال|لل|ال|و|ف|ب|ل|ك)(?=\p{L}{3,})/u;
const ARTICLE = /^ال(?=\p{L}{3,})/u;

/** A word without its Arabic clitics ("والعودة" → "عوده"), or the word itself. */
export const bare = (word: string): string => word.replace(CLITICS, '');

/**
 * Whether a word of a text is a word of a list, as written or with Arabic clitics before it ("وانا" is "انا",
 * "بالحرب" is "الحرب"). Clitics are stripped from the text's word only, to compare with the listed word (or
 * the listed word without its article): a clitic is taken off only when what remains is a known word. Stripping
 * both sides would make different words one: "ولادي" (my children) and "بلادي" (my country) both lose a first
 * letter and become "لادي".
 */
export function sameWord(word: string, listed: string): boolean {
  const base = listed.replace(ARTICLE, '');
  if (word === listed || word === base) return true;
  const stripped = bare(word);
  return stripped !== word && (stripped === listed || stripped === base);
}

/**
 * Where a phrase stands in a text, as whole words (a word also matches with Arabic clitics before it).
 * Returns the index of its first word, or -1.
 */
export function findPhrase(text: readonly string[], phrase: readonly string[], from = 0): number {
  if (phrase.length === 0) return -1;
  outer: for (let i = from; i + phrase.length <= text.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (!sameWord(text[i + j]!, phrase[j]!)) continue outer;
    return i;
  }
  return -1;
}

/** Whether a phrase stands in a text as whole words. */
export const hasPhrase = (text: readonly string[], phrase: readonly string[]): boolean => findPhrase(text, phrase) >= 0;

/** A list of phrases, folded into words once. */
export const phrases = (list: readonly string[] | undefined): string[][] =>
  (list ?? []).map(tokens).filter((p) => p.length > 0);

/** Phrases listed under a number ("1": January's names, "2": twins' words), folded, with their number. */
export const byIndex = (record: Record<string, string[]>): [number, string[][]][] =>
  Object.entries(record).map(([k, v]) => [Number(k), phrases(v)]);
