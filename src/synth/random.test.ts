import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng, hashSeed } from './random.ts';

const draws = (seed: string, n = 20) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('gives the same sequence for the same seed parts', () => {
    expect(draws('alpha')).toEqual(draws('alpha'));
    expect(createRng('a', 'b').next()).toBe(createRng('a', 'b').next());
  });

  it('gives different sequences for different seeds, and seed parts are not just concatenated', () => {
    expect(draws('alpha')).not.toEqual(draws('beta'));
    expect(createRng('ab', 'c').next()).not.toBe(createRng('a', 'bc').next());
  });

  it('hashes a string to four unsigned 32-bit words', () => {
    for (const word of hashSeed('seed')) {
      expect(Number.isInteger(word)).toBe(true);
      expect(word).toBeGreaterThanOrEqual(0);
      expect(word).toBeLessThan(2 ** 32);
    }
  });

  it('draws floats in [0, 1) and whole numbers within inclusive bounds, reaching both ends', () => {
    const rng = createRng('bounds');
    const ints = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.next();
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
      const n = rng.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
      ints.add(n);
    }
    expect([...ints].sort()).toEqual([3, 4, 5, 6, 7]);
    expect(rng.int(5, 5)).toBe(5);
    expect(() => rng.int(2, 1)).toThrow(RangeError);
    expect(() => rng.int(0.5, 2)).toThrow(RangeError);
  });

  it('is roughly uniform', () => {
    const rng = createRng('uniform');
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) buckets[rng.int(0, 3)]!++;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(400);
  });

  it('picks, shuffles and samples without changing the input', () => {
    const rng = createRng('lists');
    const items = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(items).toContain(rng.pick(items));
    expect(() => rng.pick([])).toThrow(RangeError);
    const shuffled = rng.shuffle(items);
    expect([...shuffled].sort()).toEqual([...items]);
    const sample = rng.sample(items, 3);
    expect(sample).toHaveLength(3);
    expect(new Set(sample).size).toBe(3);
    expect(rng.sample(items, 20)).toHaveLength(8);
    expect(rng.sample(items, -1)).toEqual([]);
  });

  it('chance(p) is true about p of the time, never for 0 and always for 1', () => {
    const rng = createRng('chance');
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (rng.chance(0.3)) hits++;
    expect(Math.abs(hits - 3000)).toBeLessThan(250);
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
  });
});

describe('src/synth', () => {
  it('never uses the unseeded platform generator', () => {
    const forbidden = ['Math', 'random'].join('.');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
      );
    const offenders = files(new URL('.', import.meta.url).pathname).filter((f) =>
      readFileSync(f, 'utf8').includes(forbidden),
    );
    expect(offenders).toEqual([]);
  });
});
