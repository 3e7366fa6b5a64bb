import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { readCsv } from '../../../reference/csv.ts';
import type { DemoCcgAuthorisation } from '../model.ts';
import { assignDemoWaves } from './demo-waves.ts';
import { CCG_NAMES_URL, loadDefinitions } from './test-fixtures.ts';

const { facts } = loadDefinitions((url) => JSON.parse(readFileSync(url, 'utf8')));
/** England's 211 CCGs of April 2013, real codes and names (the file is Windows-1252). */
const ccgs = readCsv(fileURLToPath(CCG_NAMES_URL), { encoding: 'windows-1252', header: true }).records.map(
  (r) => ({
    code: r.fields[1]!.trim(),
    name: r.fields[2]!.trim(),
  }),
);
const demo = assignDemoWaves(ccgs, 'england', facts);
const byCode = new Map(demo.map((d) => [d.code, d]));
const count = (pick: (d: DemoCcgAuthorisation) => boolean) => demo.filter(pick).length;

describe('assignDemoWaves over the 211 CCGs of April 2013 reproduces the real totals exactly', () => {
  it('reads all 211 names, Windows-1252 included', () => {
    expect(ccgs).toHaveLength(211);
    expect(ccgs.find((c) => c.code === '08Y')?.name).toContain('Queen’s Park');
  });

  it('34, 67, 62 and 48 CCGs per wave', () => {
    expect([1, 2, 3, 4].map((w) => count((d) => d.wave === w))).toEqual([34, 67, 62, 48]);
  });

  it('43 authorised without conditions and 168 with; 15 of those under directions at go-live', () => {
    expect(count((d) => d.outcome === 'authorised')).toBe(43);
    expect(count((d) => d.outcome === 'authorised_with_conditions')).toBe(168);
    expect(count((d) => d.directionsAtGoLive)).toBe(15);
    expect(count((d) => d.directionsAtGoLive && d.outcome !== 'authorised_with_conditions')).toBe(0);
  });

  it.each([
    [1, 8, 26, 0],
    [2, 19, 48, 3],
    [3, 6, 56, 5],
    [4, 10, 38, 7],
  ])(
    'wave %i: %i without conditions, %i with, %i under directions',
    (wave, none, withConditions, directions) => {
      const inWave = demo.filter((d) => d.wave === wave);
      expect(inWave.filter((d) => d.outcome === 'authorised')).toHaveLength(none);
      expect(inWave.filter((d) => d.outcome === 'authorised_with_conditions')).toHaveLength(withConditions);
      expect(inWave.filter((d) => d.directionsAtGoLive)).toHaveLength(directions);
    },
  );

  it('the July 2013 review lifts all conditions from 46, leaves 59, and 8 stay under directions', () => {
    expect(count((d) => d.conditionsLiftedInJuly2013Review)).toBe(46);
    expect(count((d) => d.july2013 === 'remaining')).toBe(59);
    expect(count((d) => d.july2013 === 'lifted_before_review')).toBe(168 - 46 - 59);
    expect(count((d) => d.july2013 === 'no_conditions')).toBe(43);
    expect(count((d) => d.directionsAfterJuly2013)).toBe(8);
  });

  it('conditions agree with outcomes, wave 1 ranges and support levels', () => {
    for (const d of demo) {
      expect(d.conditionCount).toBe(d.conditions.length);
      expect(d.conditionCount > 0).toBe(d.outcome === 'authorised_with_conditions');
      expect(new Set(d.conditions.map((c) => c.criterionId)).size).toBe(d.conditions.length);
      const top = Math.max(0, ...d.conditions.map((c) => c.supportLevel));
      // Levels IV–VI bring directions; wave 1 had none above III.
      expect(top >= 4).toBe(d.directionsAtGoLive);
      if (d.wave === 1 && d.outcome !== 'authorised') expect(d.conditionCount).toBeLessThanOrEqual(14);
      for (const c of d.conditions)
        expect(facts.criteria.find((k) => k.id === c.criterionId)?.domain).toBe(c.domain);
    }
    const wave1 = demo.filter((d) => d.wave === 1 && d.conditionCount > 0).map((d) => d.conditionCount);
    expect([Math.min(...wave1), Math.max(...wave1)]).toEqual([1, 14]);
    const wave2 = demo
      .filter((d) => d.wave === 2 && d.conditionCount > 0 && !d.directionsAtGoLive)
      .map((d) => d.conditionCount);
    expect([Math.min(...wave2), Math.max(...wave2)]).toEqual([1, 22]);
  });
});

describe('named CCGs get their real outcomes', () => {
  it.each(['02Q', '06M', '08J', '04C', '00Y', '11X', '02E', '02F'])(
    'wave 1 CCG %s is authorised without conditions (real)',
    (code) => {
      const d = byCode.get(code)!;
      expect([d.wave, d.outcome, d.conditionCount, d.directionsAtGoLive]).toEqual([
        1,
        'authorised',
        0,
        false,
      ]);
      expect(d.provenance.wave.basis).toBe('real');
      expect(d.provenance.outcome).toMatchObject({
        basis: 'real',
        source: expect.stringContaining('HSJ 5052773'),
      });
      expect(d.synthetic).toBe(false);
    },
  );

  it.each(['11D', '10M', '10N', '10W', '08X'])(
    'wave 1 CCG %s with no nurse has a condition on 1.3B',
    (code) => {
      const d = byCode.get(code)!;
      expect([d.wave, d.outcome, d.directionsAtGoLive]).toEqual([1, 'authorised_with_conditions', false]);
      expect(d.conditions[0]).toMatchObject({
        criterionId: '1.3B',
        domain: 1,
        criterion: { basis: 'inferred' },
      });
      expect(d.provenance.outcome.source).toContain('Nursing Times 5052941');
    },
  );

  it.each([
    ['04G', 2],
    ['06N', 2],
    ['09W', 2],
    ['09F', 3],
    ['08M', 3],
    ['05F', 3],
    ['03M', 3],
    ['03Q', 3],
    ['99E', 4],
    ['07V', 4],
    ['09L', 4],
    ['07X', 4],
    ['99K', 4],
    ['07G', 4],
    ['08W', 4],
  ])('%s was under directions at go-live in wave %i (real)', (code, wave) => {
    const d = byCode.get(code)!;
    expect([d.wave, d.outcome, d.directionsAtGoLive]).toEqual([wave, 'authorised_with_conditions', true]);
    expect(d.provenance.directionsAtGoLive.basis).toBe('real');
  });

  it('keeps the real condition lists: Medway 24 with its levels, Dartford 22, Nene level VI and its directions', () => {
    const medway = byCode.get('09W')!;
    expect(medway.conditionCount).toBe(24);
    expect(medway.conditions.slice(0, 7).map((c) => `${c.criterionId}:${c.supportLevel}`)).toEqual([
      '2.2B:3',
      '2.4.1B:2',
      '2.4.2B:1',
      '2.4.2C:2',
      '3.1.1B:3',
      '3.1.1C:4',
      '3.1.1D:3',
    ]);
    // The cut-off part of the list was in domains 4–6.
    expect(new Set(medway.conditions.slice(8).map((c) => c.domain))).toEqual(new Set([4, 5, 6]));
    expect(byCode.get('09J')!.conditionCount).toBe(22);
    const nene = byCode.get('04G')!;
    expect(nene.conditions.some((c) => c.supportLevel === 6 && c.level.basis === 'real')).toBe(true);
    expect(nene.knownDirections.map((k) => k.exercisedBy)).toEqual([
      { kind: 'ccg', ccgCode: '03V', ccgName: 'NHS Corby' },
      { kind: 'board' },
    ]);
  });

  it('the 8 CCGs still under directions after July 2013 kept their conditions; Barnet among them', () => {
    for (const code of ['07M', '99E', '07V', '05F', '03M', '07G', '03Q', '08W']) {
      const d = byCode.get(code)!;
      expect(d.directionsAfterJuly2013).toBe(true);
      expect(d.july2013).toBe('remaining');
    }
    expect(byCode.get('07M')!.directionsAtGoLive).toBe(false);
  });

  it('Liverpool is in wave 4 and Corby in wave 3', () => {
    expect(byCode.get('99A')!.wave).toBe(4);
    expect(byCode.get('03V')!.wave).toBe(3);
  });
});

describe('what is real and what is synthetic', () => {
  it('a CCG the sources do not name has a synthetic wave and outcome, but real "no directions"', () => {
    const d = byCode.get('00C')!; // NHS Darlington
    expect(d.provenance.wave.basis).toBe('synthetic');
    expect(d.provenance.outcome.basis).toBe('synthetic');
    expect(d.provenance.directionsAtGoLive.basis).toBe('real');
    expect(d.provenance.directionsAfterJuly2013.basis).toBe('real');
    expect(d.synthetic).toBe(true);
  });

  it('every field names its source', () => {
    for (const d of demo)
      for (const p of Object.values(d.provenance)) expect(p.source.length).toBeGreaterThan(10);
  });
});

describe('determinism and validation', () => {
  it('the same seed gives the same assignment; another seed another, with the same totals', () => {
    expect(assignDemoWaves(ccgs, 'england', facts)).toEqual(demo);
    const other = assignDemoWaves(ccgs, 'another', facts);
    expect(other).not.toEqual(demo);
    expect([1, 2, 3, 4].map((w) => other.filter((d) => d.wave === w).length)).toEqual([34, 67, 62, 48]);
    expect(other.filter((d) => d.conditionsLiftedInJuly2013Review)).toHaveLength(46);
    for (const code of ['02Q', '09W', '08W']) {
      const seen = [demo, other].map((list) => {
        const d = list.find((x) => x.code === code)!;
        return [d.wave, d.outcome, d.directionsAtGoLive];
      });
      expect(seen[1]).toEqual(seen[0]);
    }
  });

  it('rejects a list that is not England’s 211, listing every problem', () => {
    try {
      assignDemoWaves([...ccgs.slice(1), ccgs[1]!], 'england', facts);
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      const problems = (error as AppError).problems.map((p) => p.code);
      // Airedale (the first row) is missing; NHS Ashford is listed twice.
      expect(problems).toEqual(['duplicate_ccg', 'unmatched_named_ccg']);
    }
    expect(() => assignDemoWaves(ccgs.slice(0, 10), 'england', facts)).toThrow(/211 CCGs; got 10/);
  });
});
