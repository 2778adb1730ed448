import { languageOfText } from '../src/understanding/language';

/** The language of a longer free text, for the offer to switch: Pashto, which tinyld does not know, by its letters. */

const offered = ['fr', 'en', 'ar', 'fa', 'ps'];

test('a text with the letters only Pashto writes is Pashto, not Persian', () => {
  expect(languageOfText('زه غواړم چې بېرته خپل هېواد ته لاړ شم', offered)).toBe('ps');
  expect(languageOfText('مېړه مې په کابل کې دی او غواړم راشي', offered)).toBe('ps');
});

test('without Pashto among the languages offered, those letters decide nothing', () => {
  expect(languageOfText('زه غواړم چې بېرته خپل هېواد ته لاړ شم', ['fr', 'en', 'ar'])).toBeUndefined();
});

test('a short answer is never guessed', () => {
  expect(languageOfText('ښه', offered)).toBeUndefined();
});
