import { describe, expect, it } from 'vitest';
import type { AgeBand, Sex } from './age-bands.ts';
import {
  cumulativeRound,
  type ExtraRates,
  type ListCell,
  listCounts,
  orderCells,
  planCells,
} from './cells.ts';

const noExtras: ExtraRates = {
  unregistered: { male: {}, female: {} },
  overseas_visitor: { male: {}, female: {} },
  serving_armed_forces: { male: {}, female: {} },
  dms_family: { male: {}, female: {} },
  prisoner: { male: {}, female: {} },
  immigration_detainee: { male: {}, female: {} },
};
const cell = (practiceCode: string, sex: Sex, ageBand: AgeBand, patients: number): ListCell => ({
  practiceCode,
  sex,
  ageBand,
  patients,
});

describe('cumulativeRound', () => {
  it.each([
    { expected: [], out: [] },
    { expected: [0.4, 0.4, 0.4], out: [0, 1, 0] },
    { expected: [2.5, 2.5], out: [3, 2] },
    { expected: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], out: [0, 0, 0, 0, 1, 0, 0, 0, 0, 0] },
    { expected: [7, 0, 3], out: [7, 0, 3] },
  ])('$expected → $out', ({ expected, out }) => {
    expect(cumulativeRound(expected)).toEqual(out);
  });

  it('gives each item the floor or ceiling of its value and the rounded total', () => {
    const values = Array.from({ length: 500 }, (_, i) => ((i * 7919) % 1000) / 137);
    const counts = cumulativeRound(values);
    counts.forEach((n, i) => {
      expect(n === Math.floor(values[i]!) || n === Math.ceil(values[i]!)).toBe(true);
    });
    const total = values.reduce((t, v) => t + v, 0);
    expect(counts.reduce((t, n) => t + n, 0)).toBe(Math.floor(total + 0.5));
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects %s', (bad) => {
    expect(() => cumulativeRound([1, bad])).toThrow(/finite number/);
  });
});

describe('listCounts (the list sampling rule)', () => {
  it.each([
    { patients: [1000, 1000, 1000], scale: 0.001, out: [1, 1, 1] },
    { patients: [400, 400, 400, 400], scale: 0.001, out: [0, 1, 0, 1] },
    { patients: [5, 3], scale: 1, out: [5, 3] },
    { patients: [1499, 1], scale: 0.001, out: [1, 1] },
  ])('$patients at $scale → $out', ({ patients, scale, out }) => {
    expect(listCounts(patients, scale)).toEqual(out);
  });

  it('totals round(scale × list) for England-sized lists', () => {
    const patients = Array.from({ length: 144_000 }, (_, i) => 100 + ((i * 104729) % 700));
    const total = patients.reduce((t, p) => t + p, 0);
    for (const scale of [0.001, 0.01, 0.37, 1]) {
      const counts = listCounts(patients, scale);
      expect(counts.reduce((t, n) => t + n, 0)).toBe(Math.floor(scale * total + 0.5));
    }
  });
});

describe('orderCells', () => {
  it('orders by practice, then sex (female first), then age band youngest first', () => {
    const ordered = orderCells([
      cell('B2', 'male', '0-4', 1),
      cell('A1', 'male', '75+', 1),
      cell('A1', 'male', '5-14', 1),
      cell('A1', 'female', '15-24', 1),
      cell('A1', 'male', '0-4', 1),
    ]);
    expect(ordered.map((c) => `${c.practiceCode} ${c.sex} ${c.ageBand}`)).toEqual([
      'A1 female 15-24',
      'A1 male 0-4',
      'A1 male 5-14',
      'A1 male 75+',
      'B2 male 0-4',
    ]);
  });
});

describe('planCells', () => {
  const cells = [
    cell('P1', 'female', '25-34', 3000),
    cell('P1', 'male', '25-34', 2000),
    cell('P2', 'male', '75+', 1000),
    cell('P3', 'female', '0-4', 4000),
  ];
  const ccgOf: Record<string, string> = { P1: '01A', P2: '02B', P3: '01A' };

  it('numbers people kind by kind, cell by cell, without gaps or overlaps', () => {
    const rates: ExtraRates = {
      ...noExtras,
      unregistered: { male: { '25-34': 0.5 }, female: { '0-4': 0.25 } },
    };
    const plan = planCells(cells, (p) => ccgOf[p]!, rates, 0.01, 1_000_000);
    expect(plan.peopleByKind.registered).toBe(100);
    expect(plan.peopleByKind.unregistered).toBe(20);
    expect(plan.people).toBe(120);
    const ranges = plan.counts.map((c) => [c.idStart, c.idStart + c.n]).sort((a, b) => a[0]! - b[0]!);
    expect(ranges[0]![0]).toBe(0);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1]);
    expect(ranges[ranges.length - 1]![1]).toBe(120);
  });

  it('puts whole CCGs in chunks of at most the limit (unless one CCG is bigger)', () => {
    const plan = planCells(cells, (p) => ccgOf[p]!, noExtras, 0.01, 80);
    const chunkOf = new Map(plan.cells.map((c) => [c.cellId, c.homeCcg]));
    const ccgChunks = new Map<string, Set<number>>();
    for (const c of plan.counts) {
      const ccg = chunkOf.get(c.cellId)!;
      ccgChunks.set(ccg, (ccgChunks.get(ccg) ?? new Set()).add(c.chunk));
    }
    expect(plan.chunks).toBe(2);
    expect([...ccgChunks.values()].every((s) => s.size === 1)).toBe(true);
    expect([...ccgChunks.get('01A')!]).toEqual([0]);
    expect([...ccgChunks.get('02B')!]).toEqual([1]);
  });

  it.each([[0], [1.5], [Number.NaN]])('rejects scale %s', (scale) => {
    expect(() => planCells(cells, () => '01A', noExtras, scale, 10)).toThrow(/scale/);
  });
});
