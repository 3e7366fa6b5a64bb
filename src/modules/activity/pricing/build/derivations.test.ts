import { describe, expect, it } from 'vitest';
import { illustrativeMffBp, illustrativeTrimPoint } from './derivations.ts';

describe('illustrativeTrimPoint: ⌈1.5 × spell ÷ excess bed day⌉, at least 2 days', () => {
  it.each([
    ['hip fracture, NEL £13,408.18 / £311.65 a day', 1_340_818, 31_165, 65],
    ['normal delivery, NEL £2,121.65 / £405.89', 212_165, 40_589, 8],
    ['an exact multiple is not rounded up', 100_000, 15_000, 10],
    ['a cheap spell still gets 2 days', 10_000, 50_000, 2],
  ])('%s → %i days', (_name, spell, xs, expected) => {
    expect(illustrativeTrimPoint(spell, xs)).toBe(expected);
  });
});

describe('illustrativeMffBp: a London weighting by distance from Charing Cross', () => {
  it.each([
    ['central London', { lat: 51.5073, lon: -0.1276 }, 12_200, 0],
    ['Great Ormond Street (about 2 km)', { lat: 51.5225, lon: -0.1205 }, 12_100, 2],
    ['Reading (about 60 km)', { lat: 51.4543, lon: -0.9781 }, 10_450, 60],
    ['Newcastle (about 400 km)', { lat: 54.9783, lon: -1.6178 }, 9_700, 400],
  ])('%s', (_name, position, approxBp, approxKm) => {
    const { mffBp, distanceKm } = illustrativeMffBp(position);
    expect(Math.abs(mffBp - approxBp)).toBeLessThan(60);
    expect(Math.abs((distanceKm as number) - approxKm)).toBeLessThan(15);
    expect(Number.isInteger(mffBp)).toBe(true);
  });

  it('falls when moving away from London', () => {
    const at = (lon: number) => illustrativeMffBp({ lat: 51.5, lon }).mffBp;
    expect(at(-0.2)).toBeGreaterThan(at(-0.6));
    expect(at(-0.6)).toBeGreaterThan(at(-1.5));
  });

  it('is 1.0000 where the position is unknown', () => {
    expect(illustrativeMffBp({ lat: null, lon: null })).toEqual({ mffBp: 10_000, distanceKm: null });
  });
});
