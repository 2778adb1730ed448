import { understandAt } from './helpers';

/**
 * A date written in another calendar is never read as a Gregorian one: "1405/08/25" (Solar Hijri, as Afghans and
 * Iranians write their dates) or "15/3/1447" (Hijri) would otherwise be recorded as a day of the year 1405 or 1447.
 * Whatever the language, a four-digit year outside 1900–2200 refuses the date with the usual hint.
 */

const at = 'asylum-filing/attestation-issued-on';

test.each([
  ['en', '1405/08/25'],
  ['en', '25/8/1405'],
  ['en', '25-08-1405'],
  ['ar', '15/3/1447'],
  ['ar', '١٥/٣/١٤٤٧'],
  ['fr', '12 11 1405'],
])('%s "%s" is refused, not read in the Gregorian calendar', (lang, text) => {
  expect(understandAt(lang, at, text)).toMatchObject({ kind: 'refuse', reason: 'common:answer.invalid-date' });
});

test.each([
  ['en', '2026/10/12', '2026-10-12'],
  ['en', '12/10/2026', '2026-10-12'],
  ['ar', '١٢/١٠/٢٠٢٦', '2026-10-12'],
])('%s "%s": a Gregorian year is read as before', (lang, text, date) => {
  expect(understandAt(lang, at, text)).toMatchObject({ kind: 'record', value: date });
});

/**
 * A month of another calendar named, with a day given by a lead-in or an ordinal: without the lexicon's
 * `otherCalendars`, "د عقرب په ۱۵" (the 15th of Aqrab, early November) was read as the 15th of the current month.
 */
test.each([
  ['ps', 'د عقرب په ۱۵'],
  ['ps', 'د لړم ۲مه'],
  ['ps', 'د حمل لومړۍ'],
  ['ps', 'د رمضان په ۱۰'],
])('%s "%s" is refused', (lang, text) => {
  expect(understandAt(lang, at, text)).toMatchObject({ kind: 'refuse', reason: 'common:answer.invalid-date' });
});

test('a lexicon without other calendars reads as before', () => {
  expect(understandAt('en', at, 'the 15th')).toMatchObject({ kind: 'confirm', value: '2026-11-15' });
});

/** A day of the month after a month named in words ("the 5th of last month", written day last): no nearest day. */
test.each([
  ['ps', 'د تېرې میاشتې ۵مه'],
  ['ps', 'د راتلونکې میاشتې په ۵'],
  ['ar', 'الشهر الماضي يوم 5'],
])('%s "%s" is refused as vague, not read as the 5th of this month', (lang, text) => {
  expect(understandAt(lang, at, text)).toMatchObject({ kind: 'refuse', reason: 'common:answer.vague-date' });
});
