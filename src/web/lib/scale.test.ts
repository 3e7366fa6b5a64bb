import { describe, expect, it } from 'vitest';
import { classify, niceCeil, quantileBreaks, rampFor, roundSignificant, SEQUENTIAL_BLUES } from './scale.ts';

describe('roundSignificant', () => {
  it.each([
    [151_237, 150_000],
    [198_802, 200_000],
    [0, 0],
    [0.0467, 0.047],
  ])('%d → %d', (value, expected) => {
    expect(roundSignificant(value)).toBeCloseTo(expected, 10);
  });
});

describe('quantileBreaks', () => {
  it('splits evenly spread values into equal classes', () => {
    const values = Array.from({ length: 100 }, (_, i) => (i + 1) * 1000);
    expect(quantileBreaks(values, 4)).toEqual([26_000, 51_000, 75_000]);
  });

  it('gives fewer classes when values repeat', () => {
    expect(quantileBreaks([5, 5, 5, 5], 5)).toEqual([]);
    expect(quantileBreaks([], 5)).toEqual([]);
  });

  it('returns strictly increasing thresholds', () => {
    const values = [10, 20, 20, 20, 20, 20, 30, 400, 5000];
    const breaks = quantileBreaks(values, 7);
    expect(breaks).toEqual([...new Set(breaks)].sort((a, b) => a - b));
  });
});

describe('classify', () => {
  it('puts values on a threshold in the upper class', () => {
    const breaks = [100, 200];
    expect([0, 99, 100, 199, 200, 10_000].map((v) => classify(v, breaks))).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('rampFor', () => {
  it('has one colour per class, light to dark', () => {
    expect(rampFor([1, 2, 3, 4, 5, 6])).toEqual([...SEQUENTIAL_BLUES]);
    const three = rampFor([1, 2]);
    expect(three).toHaveLength(3);
    expect(three[0]).toBe(SEQUENTIAL_BLUES[0]);
    expect(three[2]).toBe(SEQUENTIAL_BLUES[SEQUENTIAL_BLUES.length - 1]);
  });
});

describe('niceCeil', () => {
  it.each([
    [874, 1000],
    [7_900, 8_000],
    [61_000, 80_000],
    [90_000, 100_000],
    [100, 100],
    [0, 1],
  ])('%d → %d', (value, expected) => {
    expect(niceCeil(value)).toBe(expected);
  });
});
