import { describe, expect, it } from 'vitest';
import { parseInt8, parseTimestamp } from './type-parsers.ts';

describe('parseInt8', () => {
  it.each([
    ['0', 0],
    ['56025327', 56_025_327],
    ['-12', -12],
  ])('%s → %i', (text, n) => expect(parseInt8(text)).toBe(n));
  it('refuses values a JS number cannot hold exactly', () => {
    expect(() => parseInt8('9007199254740993')).toThrow(/outside the safe integer range/);
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['2013-04-01 09:30:00+00', '2013-04-01T09:30:00.000Z'],
    ['2013-04-01 09:30:00.123456+01', '2013-04-01T08:30:00.123Z'],
    ['2013-04-01 09:30:00+05:30', '2013-04-01T04:00:00.000Z'],
    ['2013-04-01 09:30:00', '2013-04-01T09:30:00.000Z'],
  ])('%s → %s', (text, iso) => expect(parseTimestamp(text)).toBe(iso));
  it('refuses text that is not a timestamp', () => {
    expect(() => parseTimestamp('yesterday')).toThrow(/unreadable timestamp/);
  });
});
