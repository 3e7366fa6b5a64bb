import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../synth/random.ts';
import type { NamedCcgFacts } from '../model.ts';
import { conditionCountRange, drawConditionCount, drawConditions, weightedPick } from './demo-conditions.ts';
import { loadDefinitions } from './test-fixtures.ts';

const { facts } = loadDefinitions((url) => JSON.parse(readFileSync(url, 'utf8')));
const wave = (n: number) => facts.waves.waves.find((w) => w.wave === n)!;
const named = (code: string) => facts.waves.namedCcgs.find((c) => c.odsCode === code)!;

describe('weightedPick', () => {
  it('never picks a zero weight and follows the weights', () => {
    const rng = createRng('weights');
    const picks = Array.from({ length: 4000 }, () =>
      weightedPick(rng, [
        ['a', 3],
        ['b', 1],
        ['c', 0],
      ] as const),
    );
    expect(picks).not.toContain('c');
    const share = picks.filter((p) => p === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
  });

  it('a zero total is a programming error', () => {
    expect(() => weightedPick(createRng('x'), [['a', 0]])).toThrow(/positive total/);
  });
});

describe('conditionCountRange', () => {
  it.each<[string, NamedCcgFacts | null, number, boolean, [number, number, boolean]]>([
    ['wave 1 without directions: the real 1–14', null, 1, false, [1, 14, true]],
    ['wave 2 without directions: the real 1–22', null, 2, false, [1, 22, true]],
    ['wave 2 under directions: the assumption', null, 2, true, [1, 22, false]],
    ['wave 3: the assumption', null, 3, false, [1, 22, false]],
    ['Eastbourne: at least its 12 known conditions', named('09F'), 3, true, [12, 22, false]],
  ])('%s', (_case, n, w, directions, [min, max, real]) => {
    const range = conditionCountRange(n, wave(w), directions, facts);
    expect([range.min, range.max, range.real]).toEqual([min, max, real]);
  });

  it('draws counts inside the range, mostly small', () => {
    const rng = createRng('counts');
    const range = conditionCountRange(null, wave(1), false, facts);
    const counts = Array.from({ length: 2000 }, () => drawConditionCount(rng, range));
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(14);
    expect(counts.filter((c) => c <= 7).length).toBeGreaterThan(counts.length / 2);
  });
});

describe('drawConditions', () => {
  it('keeps known conditions as given and draws the rest from the domains the source allows', () => {
    const conditions = drawConditions(createRng('dartford'), named('09J'), 22, false, facts);
    expect(conditions).toHaveLength(22);
    expect(conditions[0]).toMatchObject({
      criterionId: '1.1D',
      supportLevel: 2,
      criterion: { basis: 'real' },
      level: { basis: 'real' },
    });
    expect(conditions[7]).toMatchObject({
      criterionId: '3.1.4B',
      criterion: { basis: 'real' },
      level: { basis: 'synthetic' },
    });
    for (const c of conditions.slice(8)) {
      expect([4, 5, 6]).toContain(c.domain);
      expect(c.criterion.basis).toBe('synthetic');
    }
    expect(Math.max(...conditions.map((c) => c.supportLevel))).toBeLessThanOrEqual(3);
  });

  it('gives a CCG under directions a level that brings them, when no known level does', () => {
    for (const seed of ['a', 'b', 'c', 'd']) {
      const conditions = drawConditions(createRng(seed), named('09F'), 14, true, facts);
      expect(conditions.filter((c) => c.supportLevel >= 4)).toHaveLength(1);
      expect(conditions.find((c) => c.supportLevel >= 4)?.level.source).toMatch(/under directions/);
    }
  });

  it('draws a criterion for a known level without one (Nene, level VI)', () => {
    const [first] = drawConditions(createRng('nene'), named('04G'), 3, true, facts);
    expect(first).toMatchObject({
      supportLevel: 6,
      level: { basis: 'real' },
      criterion: { basis: 'synthetic' },
    });
  });

  it('gives a CCG without directions levels I–III only', () => {
    const conditions = drawConditions(createRng('plain'), null, 20, false, facts);
    expect(new Set(conditions.map((c) => c.criterionId)).size).toBe(20);
    for (const c of conditions) expect(c.supportLevel).toBeLessThanOrEqual(3);
  });
});
