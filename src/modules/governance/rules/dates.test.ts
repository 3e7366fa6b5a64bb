import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addYears, daysBetween, inPeriod, isIsoDate } from './dates.ts';

describe('governance date arithmetic', () => {
  it.each([
    ['2013-04-01', true],
    ['2016-02-29', true],
    ['2015-02-29', false],
    ['2013-13-01', false],
    ['2013-4-1', false],
    ['', false],
  ])('isIsoDate(%j) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['2013-04-01', 28, '2013-04-29'],
    ['2013-12-20', 28, '2014-01-17'],
    ['2016-02-01', 28, '2016-02-29'],
    ['2013-04-01', -1, '2013-03-31'],
  ])('addDays(%s, %i) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2013-04-30', 6, '2013-10-30'],
    ['2013-08-31', 6, '2014-02-28'],
    ['2015-08-31', 6, '2016-02-29'],
    ['2014-03-31', -1, '2014-02-28'],
    ['2014-04-01', -12, '2013-04-01'],
  ])('addMonths(%s, %i) is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2016-02-29', 6, '2022-02-28'],
    ['2013-06-15', -5, '2008-06-15'],
  ])('addYears(%s, %i) is %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each([
    ['2013-04-01', '2013-04-29', 28],
    ['2013-03-31', '2013-04-01', 1],
    ['2013-04-29', '2013-04-01', -28],
    ['2016-02-28', '2016-03-01', 2],
  ])('daysBetween(%s, %s) is %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['2013-04-01', '2013-04-01', null, true],
    ['2013-03-31', '2013-04-01', null, false],
    ['2014-03-31', '2013-04-01', '2014-03-31', true],
    ['2014-04-01', '2013-04-01', '2014-03-31', false],
  ])('inPeriod(%s, %s, %s) is %s', (date, start, end, expected) => {
    expect(inPeriod(date, start, end)).toBe(expected);
  });

  it('rejects a malformed date instead of guessing', () => {
    expect(() => addDays('01/04/2013', 1)).toThrow(/Not an ISO date/);
  });
});
