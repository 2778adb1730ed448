import { understandAt } from './helpers';

/**
 * Two date readings the Persian corpus showed, general to every language: a weekday name inside a longer one of
 * another day is not that day ("سه‌شنبه", Tuesday, folds to "سه شنبه", which holds "شنبه", Saturday: it was refused as
 * two days); two number words that make no one number before a unit ("دو سه روز پیش": two or three days ago) are a
 * vague period, not the first count.
 */

const at = 'asylum-filing/attestation-issued-on';

test.each([
  ['fa', 'سه‌شنبه', '2026-11-17'],
  ['fa', 'سه شنبه گذشته', '2026-11-17'],
  ['fa', 'پنج‌شنبه', '2026-11-19'],
  ['fa', 'یک‌شنبه', '2026-11-22'],
  ['fa', 'شنبه', '2026-11-21'],
])('%s "%s" is one weekday', (lang, text, date) => {
  expect(understandAt(lang, at, text)).toMatchObject({ kind: 'confirm', value: date });
});

test('two weekdays are still refused', () => {
  expect(understandAt('fa', at, 'شنبه یا یکشنبه')).toMatchObject({ kind: 'refuse' });
});

test.each([
  ['fa', 'دو سه روز پیش'],
  ['fr', 'il y a deux trois jours'],
])('%s "%s": two counts side by side are vague', (lang, text) => {
  expect(understandAt(lang, at, text)).toMatchObject({ kind: 'refuse', reason: 'common:answer.vague-date' });
});

test.each([
  ['fr', 'il y a dix-sept jours', '2026-11-06'],
  ['fr', 'il y a vingt et un jours', '2026-11-02'],
  ['fa', 'یک هفته و دو روز پیش', '2026-11-14'],
])('%s "%s": one number, as before', (lang, text, date) => {
  expect(understandAt(lang, at, text)).toMatchObject({ kind: 'confirm', value: date });
});
