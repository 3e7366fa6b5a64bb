import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { WAVES_URL } from './test-fixtures.ts';
import { loadWaves } from './waves.ts';

type Json = Record<string, unknown>;
const fileJson = (): Json & { waves: Json[]; namedCcgs: Json[] } =>
  JSON.parse(readFileSync(WAVES_URL, 'utf8'));
const definitions = loadWaves(fileJson());

describe('definitions/authorisation/waves.json', () => {
  it.each([
    [1, '2012-07-02', 34, 8, 26, 0],
    [2, '2012-09-03', 67, 19, 48, 3],
    [3, '2012-10-01', 62, 6, 56, 5],
    [4, '2012-11-01', 48, 10, 38, 7],
  ])(
    'wave %i: deadline %s, %i authorised, %i without conditions, %i with, %i under directions',
    (wave, deadline, authorised, none, withConditions, directions) => {
      const w = definitions.waves.find((x) => x.wave === wave)!;
      expect(w.applicationDeadline).toBe(deadline);
      expect(w.result).toEqual({
        authorised,
        withoutConditions: none,
        withConditions,
        withDirections: directions,
      });
    },
  );

  it('totals 211 CCGs: 43 without conditions, 168 with, 15 under directions; established 1 April 2013', () => {
    expect(definitions.totals).toMatchObject({
      ccgs: 211,
      withoutConditions: 43,
      withConditions: 168,
      withDirections: 15,
    });
    expect(definitions.establishmentDate).toBe('2013-04-01');
  });

  it('records the July 2013 review: 46 lifted, 59 left, directions 14 to 8', () => {
    expect(definitions.reviews).toEqual([
      expect.objectContaining({
        id: 'july-2013',
        conditionsLiftedFrom: 46,
        stillWithConditions: 59,
        directionsBefore: 14,
        directionsAfter: 8,
      }),
    ]);
  });

  it('names the 8 wave 1 CCGs without conditions, the 15 under directions and the 8 still under directions after July 2013', () => {
    const named = (pick: (c: (typeof definitions.namedCcgs)[number]) => boolean) =>
      definitions.namedCcgs
        .filter(pick)
        .map((c) => c.odsCode)
        .sort();
    expect(named((c) => c.wave?.value === 1 && c.outcome?.value === 'authorised')).toEqual(
      ['00Y', '02E', '02F', '02Q', '04C', '06M', '08J', '11X'].sort(),
    );
    expect(named((c) => c.directionsAtGoLive?.value === true)).toHaveLength(15);
    expect(named((c) => c.directionsAfterJuly2013?.value === true)).toEqual(
      ['07G', '07M', '07V', '08W', '03M', '03Q', '05F', '99E'].sort(),
    );
    expect(
      named((c) => c.knownConditions?.some((k) => k.criterionId === '1.3B' && c.wave?.value === 1) ?? false),
    ).toEqual(['08X', '10M', '10N', '10W', '11D'].sort());
  });

  it('every named fact carries a source', () => {
    for (const c of definitions.namedCcgs) {
      for (const value of Object.values(c)) {
        if (value && typeof value === 'object' && 'basis' in value) expect(value.source).toBeTruthy();
      }
    }
  });
});

describe('loadWaves rejects invalid files and lists every problem with its path', () => {
  const valid = fileJson();
  const withWave = (index: number, patch: Json) => ({
    ...valid,
    waves: valid.waves.map((w, i) => (i === index ? { ...w, ...patch } : w)),
  });
  const indexOf = (code: string) => valid.namedCcgs.findIndex((c) => c.odsCode === code);
  const withNamed = (code: string, patch: Json) => ({
    ...valid,
    namedCcgs: valid.namedCcgs.map((c) => (c.odsCode === code ? { ...c, ...patch } : c)),
  });
  const problemsOf = (json: unknown): string[] => {
    try {
      loadWaves(json);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).problems.map((p) => `${p.path}: ${p.code}`).sort();
    }
    throw new Error('expected the waves to be rejected');
  };
  const result = (w: number) => valid.waves[w]!.result as Json;
  const real = (value: unknown) => ({ value, basis: 'real', source: 'test' });

  it.each<[string, unknown, string[]]>([
    ['a wave 5', withWave(3, { wave: 5 }), ['waves.3.wave: invalid_waves']],
    [
      'waves out of order',
      { ...valid, waves: [valid.waves[1], valid.waves[0], valid.waves[2], valid.waves[3]] },
      ['waves.0: bad_waves', 'waves.1: bad_waves', 'waves.1.applicationDeadline: bad_deadline'],
    ],
    [
      'a wave that does not add up',
      withWave(0, { result: { ...result(0), withoutConditions: 9 } }),
      ['waves.0.result: totals_mismatch', 'totals.withoutConditions: totals_mismatch'],
    ],
    [
      'more directions than conditions',
      withWave(1, { result: { ...result(1), withDirections: 49 } }),
      ['waves.1.result.withDirections: totals_mismatch', 'totals.withDirections: totals_mismatch'],
    ],
    [
      'an authorised CCG with conditions',
      withNamed('02Q', { conditionCount: real(2) }),
      [`namedCcgs.${indexOf('02Q')}: inconsistent_facts`],
    ],
    [
      'a level IV condition without directions',
      withNamed('09J', {
        knownConditions: [{ criterionId: '1.1D', supportLevel: 4, basis: 'real', source: 'test' }],
      }),
      [`namedCcgs.${indexOf('09J')}.knownConditions: inconsistent_facts`],
    ],
    [
      'more known conditions than the count',
      withNamed('09W', { conditionCount: real(2) }),
      [`namedCcgs.${indexOf('09W')}.conditionCount: inconsistent_facts`],
    ],
    [
      'a CCG named twice',
      { ...valid, namedCcgs: [...valid.namedCcgs, valid.namedCcgs[0]] },
      [
        `namedCcgs.${valid.namedCcgs.length}: inconsistent_facts`,
        `namedCcgs.${valid.namedCcgs.length}: inconsistent_facts`,
        'waves.0.result.withoutConditions: inconsistent_facts',
      ],
    ],
    [
      'a month that is not one',
      { ...valid, reviews: [{ ...(valid.reviews as Json[])[0], month: '2013-13' }] },
      ['reviews.0.month: invalid_waves'],
    ],
  ])('%s', (_case, json, expected) => {
    expect(problemsOf(json)).toEqual([...expected].sort());
  });
});
