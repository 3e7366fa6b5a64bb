import { describe, expect, it } from 'vitest';
import { AGE_BANDS, type AgeBand } from './age-bands.ts';
import { conditionProbabilities, qofPrevalence } from './conditions.ts';
import type { PopulationDefinitions } from './definitions.ts';

const flat = Object.fromEntries(AGE_BANDS.map((b) => [b, 1])) as Record<AgeBand, number>;
const rising = Object.fromEntries(AGE_BANDS.map((b, i) => [b, i])) as Record<AgeBand, number>;
const conditions = (maxProbability = 0.95): PopulationDefinitions['conditions'] => ({
  source: '',
  method: '',
  maxProbability,
  ageCurveBasis: '',
  notDrawn: {},
  groups: [
    { id: 'FLAT', title: 'flat', curve: flat },
    { id: 'UP', title: 'rising', curve: rising },
  ],
});
const list = new Map([
  [
    '00A',
    new Map<AgeBand, number>([
      ['0-4', 1000],
      ['35-44', 3000],
      ['75+', 1000],
    ]),
  ],
]);
const prevalence = new Map([
  ['00A|FLAT', 4],
  ['00A|UP', 10],
]);

describe('conditionProbabilities', () => {
  const rows = conditionProbabilities(list, prevalence, conditions());
  const p = (band: AgeBand, i: number) => rows.find((r) => r.ageBand === band)!.probabilities[i]!;

  it('keeps the expected register of the CCG equal to its QOF prevalence', () => {
    for (const [i, percent] of [
      [0, 4],
      [1, 10],
    ] as const) {
      const expected = [...list.get('00A')!].reduce((t, [band, n]) => t + n * p(band, i), 0);
      expect(expected).toBeCloseTo((percent / 100) * 5000, 9);
    }
  });

  it('follows the age curve', () => {
    expect(p('0-4', 0)).toBeCloseTo(p('75+', 0), 12);
    expect(p('0-4', 1)).toBe(0);
    expect(p('75+', 1)).toBeGreaterThan(p('35-44', 1));
  });

  it('caps probabilities', () => {
    const capped = conditionProbabilities(list, new Map([...prevalence, ['00A|UP', 90]]), conditions(0.5));
    expect(Math.max(...capped.map((r) => r.probabilities[1]!))).toBe(0.5);
  });

  it('names the CCG and group whose prevalence is missing', () => {
    expect(() => conditionProbabilities(list, new Map([['00A|FLAT', 4]]), conditions())).toThrow(
      /no UP prevalence for CCG 00A/,
    );
  });
});

describe('qofPrevalence', () => {
  it('keeps the row with the larger register where a group has two (heart failure and its LVD subset)', () => {
    const p = qofPrevalence([
      {
        ccgCode: '00C',
        group: 'HF',
        description: 'Heart Failure',
        registerSize: 1034,
        prevalencePercent: 0.97,
      },
      {
        ccgCode: '00C',
        group: 'HF',
        description: 'Heart Failure due to LVD',
        registerSize: 527,
        prevalencePercent: 0.5,
      },
      {
        ccgCode: '00C',
        group: 'AF',
        description: 'Atrial Fibrillation',
        registerSize: 1880,
        prevalencePercent: 1.77,
      },
    ]);
    expect(p).toEqual(
      new Map([
        ['00C|HF', 0.97],
        ['00C|AF', 1.77],
      ]),
    );
  });
});
