import { describe, expect, it } from 'vitest';
import { applyBasisPoints, daysBetween, divideRounded, penceToPounds, poundsToPence } from './money.ts';

describe('applyBasisPoints: pence × bp / 10000, to the penny, halves away from zero', () => {
  it.each([
    ['a whole result', 10_000, 3000, 3000],
    ['rounds down below a half', 1, 4999, 0],
    ['rounds a half up', 1, 5000, 1],
    ['MFF 1.2106 on £13,408.18', 1_340_818, 12_106, 1_623_194],
    ['negative share: half away from zero', 1, -5000, -1],
    ['negative share below a half', 3, -1000, 0],
    ['zero amount with a negative share is 0, not -0', 0, -500, 0],
    ['100% keeps the amount', 123_457, 10_000, 123_457],
  ])('%s', (_name, pence, bp, expected) => {
    expect(Object.is(applyBasisPoints(pence, bp), expected)).toBe(true);
  });
});

describe('divideRounded', () => {
  it.each([
    [12, 12, 1],
    [6, 12, 1],
    [5, 12, 0],
    [100_000 * 7, 12, 58_333],
    [0, 12, 0],
  ])('%i / %i = %i', (n, d, expected) => {
    expect(divideRounded(n, d)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it.each([
    ['same day', '2013-04-01', '2013-04-01', 0],
    ['across a month end', '2013-04-30', '2013-05-02', 2],
    ['across the clock change', '2014-03-29', '2014-03-31', 2],
    ['backwards', '2013-05-02', '2013-05-01', -1],
    ['missing end', '2013-05-02', null, null],
  ] as const)('%s', (_name, start, end, expected) => {
    expect(daysBetween(start, end)).toBe(expected);
  });

  it('reads DuckDB dates (Date at UTC midnight) like ISO strings', () => {
    expect(daysBetween(new Date(Date.UTC(2013, 3, 1)), '2013-04-11')).toBe(10);
  });

  it('rejects a date that is not ISO', () => {
    expect(() => daysBetween('01/04/2013', '2013-04-02')).toThrow(
      'not an ISO date (YYYY-MM-DD): "01/04/2013"',
    );
  });
});

describe('poundsToPence rounds on the decimal digits, not binary floating point', () => {
  it.each([
    ['13408.179439', 1_340_818],
    ['162.70000000000002', 16_270],
    ['1.005', 101],
    ['1.004999', 100],
    ['0.5', 50],
    ['7', 700],
    ['99.995', 10_000],
  ])('%s → %i', (text, expected) => {
    expect(poundsToPence(text)).toBe(expected);
  });

  it.each(['', '-1.00', '1e3', '£5', '1.2.3'])('rejects "%s"', (text) => {
    expect(() => poundsToPence(text)).toThrow('not a non-negative decimal amount');
  });

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [123_456, '1234.56'],
    [-250, '-2.50'],
  ])('penceToPounds(%i) = %s', (pence, text) => {
    expect(penceToPounds(pence)).toBe(text);
  });
});
