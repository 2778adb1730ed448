import type { Lexicon } from '../src/content/load';
import { said } from '../src/understanding/clauses';
import { readDate } from '../src/understanding/dates';
import { tokens } from '../src/understanding/fold';
import { wordsOf } from '../src/understanding/lexicon';
import { readYesNo } from '../src/understanding/yes-no';
import { content, understandAt } from './helpers';

/**
 * Ge'ez script (Tigrinya): Ethiopic punctuation ends a clause like its Latin and Arabic counterparts, and a
 * negation that follows what it negates (`negationsAfter`: "ክምለስ ኣይደልን", "to go back, I do not want") governs
 * the words before it in its clause only.
 */

const en = () => content().lexicons['en']!;

describe('Ethiopic punctuation', () => {
  const w = wordsOf(en());
  test('። ፣ ፤ ፧ end a clause; the word space ፡ does not', () => {
    expect(said('ሓደ፣ ክልተ። ሰለስተ፤ ኣርባዕተ፧ ሓሙሽተ', w).clause).toEqual([0, 1, 2, 3, 4]);
    expect(said('ሓደ፡ክልተ', w).clause).toEqual([0, 0]);
    expect(said('ሓደ፡ክልተ', w).words).toEqual(['ሓደ', 'ክልተ']);
  });
});

describe('negations after what they negate', () => {
  const lexicon: Lexicon = {
    ...en(),
    answers: { ...en().answers, negationsAfter: ['ኣይደልን', 'የብለይን'] },
  };
  const w = wordsOf(lexicon);
  const negatedWords = (text: string, at: number) => {
    const s = said(text, w);
    return s.negationAfter[at];
  };

  test('are marked, and govern the words before them in their clause only', () => {
    expect(negatedWords('ክምለስ ኣይደልን', 1)).toBe(true);
    expect(said('ክምለስ ኣይደልን', w).negation).toEqual([false, false]);
  });

  test('make a plain answer a no', () => {
    expect(readYesNo('ፓስፖርት የብለይን', w)).toMatchObject({ value: false });
  });
});

describe("digits and Latin letters against Ge'ez letters", () => {
  test('are two words, in both orders; Latin codes stay whole', () => {
    expect(tokens('ብ15 ሕዳር')).toEqual(['ብ', '15', 'ሕዳር']);
    expect(tokens('1500ዩሮ')).toEqual(['1500', 'ዩሮ']);
    expect(tokens('F3 m2')).toEqual(['f3', 'm2']);
    expect(tokens('ንOQTF ኣብ préfectureን')).toEqual(['ን', 'oqtf', 'ኣብ', 'prefecture', 'ን']);
  });
  test('the letters written for one another are one', () => {
    expect(tokens('አይፋል ሐደ ሀገር ዐመት ሠለስተ ፀሓይ')).toEqual(tokens('ኣይፋል ሓደ ሃገር ዓመት ሰለስተ ጸሓይ'));
    expect(tokens('ሠ ሡ ሢ ሣ ሤ ሥ ሦ ሧ')).toEqual(['ሰ', 'ሱ', 'ሲ', 'ሳ', 'ሴ', 'ስ', 'ሶ', 'ሷ']);
    expect(tokens('ፀ ፁ ፂ ፃ ፄ ፅ ፆ')).toEqual(['ጸ', 'ጹ', 'ጺ', 'ጻ', 'ጼ', 'ጽ', 'ጾ']);
  });
});

describe('dates of another calendar', () => {
  const lexicon: Lexicon = { ...en(), dates: { ...en().dates, otherCalendars: ['pagume', 'ethiopian calendar'] } };
  const w = wordsOf(lexicon);
  const c = { today: '2026-11-23', towards: 'past' as const };
  const none = () => undefined;

  test('are refused, never read as Gregorian dates', () => {
    expect(readDate('5 pagume 2018', w, c, none)).toMatchObject({ kind: 'refuse' });
    expect(readDate('15 november 2019, ethiopian calendar', w, c, none)).toMatchObject({ kind: 'refuse' });
    expect(readDate('15 november 2019', w, c, none)).toMatchObject({ kind: 'value', value: '2019-11-15' });
  });
});

describe("a calendar that shares Tigrinya's month names (sharedCalendar)", () => {
  test('a full date, in digits or with a month name, is confirmed, never recorded as written', () => {
    const at = 'asylum-filing/attestation-issued-on';
    // Tigray's Ethiopian 12/04/2018 is a Gregorian day of 2025-2026: only the said-back year shows the mistake
    expect(understandAt('ti', at, '12/04/2018', {})).toMatchObject({ kind: 'confirm', value: '2018-04-12' });
    expect(understandAt('ti', at, '12 መስከረም 2026', {})).toMatchObject({ kind: 'confirm', value: '2026-09-12' });
    // other languages record a full date as written
    expect(understandAt('en', at, '12/04/2026', {})).toMatchObject({ kind: 'record', value: '2026-04-12' });
  });
});
