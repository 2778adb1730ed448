import { format, parseISO } from 'date-fns';
import { fixedClock, todayIn } from '../src/clock';
import { toDate, toIso } from '../src/dates/calendar';
import { describeDeadline, lastDayOf } from '../src/dates/deadlines';
import { dayKind, easterSunday, holidaysOf, workingDayOnOrBefore } from '../src/dates/holidays';
import { content } from './helpers';

const holidays = () => content().holidays;

describe('Easter and the holidays that follow it (FACTS.md §4.4 table)', () => {
  test.each([
    [2025, '2025-04-20', '2025-04-21', '2025-05-29', '2025-06-09'],
    [2026, '2026-04-05', '2026-04-06', '2026-05-14', '2026-05-25'],
    [2027, '2027-03-28', '2027-03-29', '2027-05-06', '2027-05-17'],
  ])('%i', (year, easter, monday, ascension, whitMonday) => {
    expect(easterSunday(year)).toBe(easter);
    const days = holidaysOf(year, holidays());
    expect(days.get(monday)).toBe('easter-monday');
    expect(days.get(ascension)).toBe('ascension');
    expect(days.get(whitMonday)).toBe('whit-monday');
  });

  test('a year with a late Easter (2038: 25 April) and an early one (2008: 23 March)', () => {
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2008)).toBe('2008-03-23');
  });

  test('eleven national holidays, fixed ones on their dates', () => {
    const days = holidaysOf(2026, holidays());
    expect(days.size).toBe(11);
    for (const d of [
      '2026-01-01',
      '2026-05-01',
      '2026-05-08',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ])
      expect(days.has(d)).toBe(true);
  });

  test('regional days: Alsace-Moselle adds Good Friday and 26 December; Mayotte 27 April', () => {
    expect(holidaysOf(2026, holidays(), 'alsace-moselle').get('2026-04-03')).toBe('good-friday');
    expect(holidaysOf(2026, holidays(), 'alsace-moselle').get('2026-12-26')).toBe('st-stephen');
    expect(holidaysOf(2026, holidays(), 'mayotte').get('2026-04-27')).toBe('abolition-of-slavery');
    expect(holidaysOf(2026, holidays()).has('2026-04-03')).toBe(false);
  });
});

describe('kinds of days', () => {
  test.each([
    ['2026-11-23', 'working'],
    ['2026-11-21', 'saturday'],
    ['2026-11-22', 'sunday'],
    ['2026-11-11', 'holiday'],
  ])('%s is %s', (date, kind) => expect(dayKind(date, holidays()).kind).toBe(kind));

  test('a holiday on a weekend is reported as the holiday', () => {
    expect(dayKind('2026-08-15', holidays())).toEqual({ kind: 'holiday', holiday: 'assumption' });
  });

  test('the working day before a long weekend skips the holiday and the weekend', () => {
    // Whit Monday 25 May 2026: Sat 23, Sun 24, Mon 25 -> Friday 22.
    expect(workingDayOnOrBefore('2026-05-25', holidays())).toBe('2026-05-22');
  });
});

describe('time limits', () => {
  test('days: the day of the act is not counted', () => {
    expect(lastDayOf('2026-02-02', { value: 21, unit: 'days' })).toBe('2026-02-23');
    expect(lastDayOf('2026-12-31', { value: 1, unit: 'days' })).toBe('2027-01-01');
  });

  test('months, and "within less than" ends the day before', () => {
    expect(lastDayOf('2026-03-15', { value: 9, unit: 'months' })).toBe('2026-12-15');
    expect(lastDayOf('2026-03-15', { value: 9, unit: 'months' }, true)).toBe('2026-12-14');
    expect(lastDayOf('2026-05-31', { value: 9, unit: 'months' })).toBe('2027-02-28');
  });

  test('days left, today, passed', () => {
    expect(describeDeadline('2026-11-30', '2026-11-23', holidays())).toMatchObject({ daysLeft: 7, passed: false });
    expect(describeDeadline('2026-11-23', '2026-11-23', holidays())).toMatchObject({ daysLeft: 0, passed: false });
    expect(describeDeadline('2026-11-20', '2026-11-23', holidays())).toMatchObject({ daysLeft: -3, passed: true });
  });

  test('across the change to summer time, days stay calendar days', () => {
    // Summer time began on 29 March 2026 in Paris.
    expect(lastDayOf('2026-03-20', { value: 21, unit: 'days' })).toBe('2026-04-10');
  });
});

describe('the clock', () => {
  test('today is the Paris calendar date, not UTC', () => {
    expect(todayIn(fixedClock('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(todayIn(fixedClock('2026-11-22T23:30:00Z'), 'UTC')).toBe('2026-11-22');
    expect(todayIn(fixedClock('2026-11-22T20:30:00Z'), 'Indian/Mayotte')).toBe('2026-11-22');
    expect(todayIn(fixedClock('2026-11-22T21:30:00Z'), 'Indian/Mayotte')).toBe('2026-11-23');
  });

  test('today changes at midnight to the millisecond, the same minute asked again or not', () => {
    // 23:00 UTC is midnight in Paris in winter, 22:00 in summer.
    const cases: [string, string][] = [
      ['2026-11-22T22:59:59.999Z', '2026-11-22'],
      ['2026-11-22T23:00:00.000Z', '2026-11-23'],
      ['2026-11-22T22:59:00.000Z', '2026-11-22'],
      ['2026-07-14T21:59:59.999Z', '2026-07-14'],
      ['2026-07-14T22:00:00.000Z', '2026-07-15'],
    ];
    for (const [at, day] of cases) for (let i = 0; i < 2; i++) expect(todayIn(fixedClock(at))).toBe(day);
    // Paris Mean Time, 0:09:21 ahead of UTC until 1911: midnight fell in the middle of a minute.
    expect(todayIn(fixedClock('1900-01-01T23:50:38.900Z'))).toBe('1900-01-01');
    expect(todayIn(fixedClock('1900-01-01T23:50:39.100Z'))).toBe('1900-01-02');
    expect(todayIn(fixedClock('1900-01-01T23:50:38.900Z'))).toBe('1900-01-01');
  });
});

describe('the calendar helpers', () => {
  test('read and write dates as date-fns does (parseISO, format yyyy-MM-dd), invalid ones included', () => {
    const samples = ['2026-11-26', '2024-02-29', '2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '0012-03-04'];
    for (const s of [...samples, '1900-01-01', '9999-12-31', '2026-03-29', '2026-10-25', '2026-1-1', 'x']) {
      const read = toDate(s);
      expect([s, read.getTime()]).toEqual([s, parseISO(s).getTime()]);
      if (!Number.isNaN(read.getTime())) expect([s, toIso(read)]).toEqual([s, format(parseISO(s), 'yyyy-MM-dd')]);
    }
    for (let t = Date.UTC(1890, 0, 1); t < Date.UTC(2100, 0, 1); t += 86_400_000 * 11.3) {
      const d = new Date(t);
      const iso = format(d, 'yyyy-MM-dd');
      expect(toIso(d)).toBe(iso);
      expect(toDate(iso).getTime()).toBe(parseISO(iso).getTime());
    }
    expect(() => toIso(new Date(NaN))).toThrow(RangeError);
  });
});
