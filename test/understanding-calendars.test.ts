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
