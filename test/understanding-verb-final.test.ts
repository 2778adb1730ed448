import { said, negated } from '../src/understanding/clauses';
import { wordsOf } from '../src/understanding/lexicon';
import { content, understandAt } from './helpers';

/**
 * Dari on the `negationsAfter` key (Turkish's, Tigrinya's, Pashto's): its negative verbs govern the words before them
 * in their clause (Persian "کارت موقت نیست": not the temporary card), at an urgent cue only the word right before, so
 * a negative verb does not cancel the next clause's cue. A number compound listed with its joiner ("بیست و نه", 29)
 * is read whole: its last word alone ("نه") is also "no". "یک و نیم سال" is a year and a half (`halvesAfterNumber`).
 */

const fa = () => wordsOf(content().lexicons['fa']!);

describe('negations written after what they negate', () => {
  test('govern the words before them in their clause, not the words after them', () => {
    const s = said('کارت موقت نیست و شوهرم مرا می‌زند', fa());
    expect(s.words.slice(0, 3)).toEqual(['كارت', 'موقت', 'نيست']);
    expect(negated(s, 1, Number.POSITIVE_INFINITY)).toBe(true);
    expect(negated(s, 4, 3)).toBe(false); // شوهرم
  });

  test('at the few words of an urgent cue, only the word right before them', () => {
    const s = said('میترسم و پول ندارم', fa());
    expect([negated(s, 0, 3), negated(s, 2, 3)]).toEqual([false, true]);
    expect(understandAt('fa', 'triage/need', 'شوهرم میزند و پول ندارم')).toMatchObject({ kind: 'urgent' });
  });

  test('a negation listed both ways ("نمی") governs both ways', () => {
    const s = said('پناهندگی نمی‌خواهم برگردم', fa());
    expect(negated(s, 0, 3)).toBe(true);
    expect(negated(s, 3, 3)).toBe(true);
  });

  test('the readers: a choice, a triage, an urgent cue', () => {
    expect(understandAt('fa', 'family-reunification/permit', 'کارت موقت نیست، کارت دایم است')).toMatchObject({
      kind: 'record',
      value: 'resident',
    });
    expect(understandAt('fa', 'family-reunification/permit', 'کارت موقت نیست')).toMatchObject({ kind: 'refuse' });
    expect(understandAt('fa', 'asylum-filing/location', 'در فرانسه نیستم')).toMatchObject({ value: 'abroad' });
    expect(understandAt('fa', 'triage/need', 'پاسپورت ندارم و شوهرم مرا می‌زند')).toMatchObject({
      kind: 'urgent',
      situations: ['violence'],
    });
  });

  test('a language without them is unchanged: its negations govern what follows', () => {
    const en = wordsOf(content().lexicons['en']!);
    expect(en.negationsAfter.size).toBe(0);
    const s = said('not the temporary card', en);
    expect([negated(s, 2, 3), s.negationAfter.some(Boolean)]).toEqual([true, false]);
  });
});

test('a number compound listed with its joiner is read whole', () => {
  expect(understandAt('fa', 'elderly-migrant-aid/residence-years', 'بیست و نه سال')).toMatchObject({
    kind: 'record',
    value: 29,
  });
  expect(understandAt('fa', 'elderly-migrant-aid/age', 'شصت و هفت')).toMatchObject({ kind: 'record', value: 67 });
});

test('"one" that is also an article counts when a half is joined to it ("یک و نیم سال": a year and a half)', () => {
  expect(understandAt('fa', 'family-reunification/residence-months', 'یک و نیم سال')).toMatchObject({
    kind: 'confirm',
    value: 18,
  });
  expect(understandAt('fa', 'family-reunification/residence-months', 'نیم سال')).toMatchObject({ value: 6 });
});
