import { asciiDigits } from '../text';

/**
 * Ge'ez letters people write for one another: the first order of the gutturals for their fourth (Amharic keyboards
 * give "አ" where Tigrinya writes "ኣ": "አይፋል", "ኣይፋል"), and the old letters for the ones that replaced them (ሠ → ሰ,
 * ፀ → ጸ, in every order).
 */
const ETHIOPIC_SAME: Record<string, string> = { ሀ: 'ሃ', ሐ: 'ሓ', ኀ: 'ኃ', አ: 'ኣ', ዐ: 'ዓ' };
const ethiopicSame = (ch: string): string => {
  const code = ch.codePointAt(0)!;
  if (code >= 0x1220 && code <= 0x1227) return String.fromCodePoint(code + 0x10);
  if (code >= 0x1340 && code <= 0x1346) return String.fromCodePoint(code - 8);
  return ETHIOPIC_SAME[ch] ?? ch;
};

/** A Ge'ez letter before a digit or a Latin letter, or one of those before a Ge'ez letter: a space goes after it. */
const ETHIOPIC_DIGITS = /\p{Script=Ethiopic}(?=[\d\p{Script=Latin}])|[\d\p{Script=Latin}](?=\p{Script=Ethiopic})/gu;

/**
 * Text folded for comparison, the same for what people type and for the word lists: digits of every
 * script as ASCII, lower case, no accents or Arabic diacritics, the Turkish dotless ı as i (İ loses its dot
 * with the accents: "İSTANBUL", "ISTANBUL", "istanbul" and "ıstanbul" are one word, however the text was
 * lowercased), the Arabic and Persian letters people
 * write interchangeably made one (أ إ آ ٱ → ا, ة → ه, ى ی → ي, ک → ك, ؤ → و, ئ → ي), no tatweel,
 * "n't" as "not", elisions split ("l'asile" → "l asile"), punctuation as spaces; Cyrillic words keep their
 * apostrophe's halves together and lose Latin look-alike letters (`cyrillicWords`); digits and Ge'ez letters written
 * against each other as two words ("ብ15" → "ብ 15", "1500ዩሮ" → "1500 ዩሮ": Ethiopic letters never make a code with
 * digits, as "F3" or "m2" do), and so Ge'ez and Latin letters (a preposition on a French word: "ንOQTF" → "ን oqtf"),
 * the Ge'ez letters people write for one another made one (አ → ኣ, ሐ → ሓ, ሠ → ሰ, ፀ → ጸ...).
 * The letters Pashto and Urdu add to the Arabic script are made the letter people type for them on a Persian
 * or Arabic keyboard (ښ → ش, ږ → ژ, ګ → گ, ې ۍ ے → ي, ټ ٹ → ت, ډ ڈ → د, ړ ڑ → ر, ڼ ں → ن, ځ → ز, څ → س,
 * ە ہ ھ → ه): "ښه" and "شه", "ګټه" and "گته" are one word. No other language writes them.
 */
export function fold(s: string): string {
  const ethiopic = asciiDigits(s)
    .replace(ETHIOPIC_DIGITS, (m) => `${m} `)
    .replace(/[ሀሐኀአዐሠ-ሧፀ-ፆ]/gu, ethiopicSame);
  return cyrillicWords(ethiopic.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ı/g, 'i'))
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

/** Latin letters that look like Cyrillic ones, typed inside a Cyrillic word from another keyboard layout ("нi"). */
const LOOKALIKES: Record<string, string> = { a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у' };

/**
 * Cyrillic words as one spelling: an apostrophe between Cyrillic letters belongs to the word, in any of its forms
 * (' ’ ʼ ‘ `), and is dropped, so "сім'я" (family) stays one word and is not "сім" (seven) and "я", and "п'ять",
 * "пʼять" and "пять" are one; Latin look-alike letters inside a word with Cyrillic letters become Cyrillic.
 */
function cyrillicWords(s: string): string {
  if (!/\p{Script=Cyrillic}/u.test(s)) return s;
  return s
    .replace(/(?<=\p{Script=Cyrillic})[’'`ʼ‘](?=\p{Script=Cyrillic})/gu, '')
    .replace(/[\p{L}ʼ]+/gu, (word) =>
      /\p{Script=Cyrillic}/u.test(word) ? word.replace(/[aceiopxy]/g, (c) => LOOKALIKES[c]!) : word,
    );
}

/** The words of a text, folded. */
export const tokens = (s: string): string[] => {
  const f = fold(s);
  return f ? f.split(' ') : [];
};

/** Arabic clitics written onto a word: and, the, with/by, for, so, like (و ال ب ل ف ك and their combinations). */
const CLITICS = /^(?:وال|فال|بال|كال|لل|ال|و|ف|ب|ل|ك)(?=\p{L}{3,})/u;
const ARTICLE = /^ال(?=\p{L}{3,})/u;
/** The letters a clitic of CLITICS begins with: a word that begins with none has none to strip. */
const CLITIC_LETTERS = new Set(['و', 'ف', 'ب', 'ك', 'ل', 'ا']);

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
  if (word === listed) return true;
  // The regular expressions only for the words they can change (called for every word against every listed one).
  const base = listed.startsWith('ال') ? listed.replace(ARTICLE, '') : listed;
  if (word === base) return true;
  if (!CLITIC_LETTERS.has(word.charAt(0))) return false;
  const stripped = bare(word);
  return stripped !== word && (stripped === listed || stripped === base);
}

/**
 * The forms a text's words can match a listed word by (sameWord): each word, and each without its clitics. A
 * phrase whose first word matches none of them is nowhere in the text: readers that try many phrases on one text
 * skip those at once.
 */
export function formsOf(text: readonly string[]): Set<string> {
  const forms = new Set(text);
  for (const word of text) if (CLITIC_LETTERS.has(word.charAt(0))) forms.add(bare(word));
  return forms;
}

/** The forms of a text's words (formsOf) a phrase may stand under: its first word, and it without its article. */
export function keysOf(phrase: readonly string[]): string[] {
  const first = phrase[0];
  if (first === undefined) return [];
  const base = first.startsWith('ال') ? first.replace(ARTICLE, '') : first;
  return base === first ? [first] : [first, base];
}

/** Whether a phrase may stand in the text whose forms these are (formsOf): false only when it cannot. */
export function mayStand(forms: ReadonlySet<string>, phrase: readonly string[]): boolean {
  const first = phrase[0];
  if (first === undefined) return false;
  return forms.has(first) || (first.startsWith('ال') && forms.has(first.replace(ARTICLE, '')));
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
