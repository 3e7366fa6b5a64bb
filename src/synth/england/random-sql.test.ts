import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analytics } from '../../platform/analytics/duckdb.ts';
import {
  ageStepSql,
  categoricalSql,
  geometricSql,
  poissonCtes,
  pseudonymSql,
  seedMix,
  uniformHalvesSql,
  uniformSql,
} from './random-sql.ts';

const N = 200_000;
let engine: Analytics;

beforeAll(async () => {
  engine = await Analytics.open({ threads: 2 });
  await engine.run(`create table ids as select range as person_id from range(${N})`);
});
afterAll(() => engine.close());

describe('uniform draws', () => {
  const mix = seedMix(42);

  it('are uniform on [0, 1) and independent across streams and keys', async () => {
    const r = await engine.one<Record<string, number>>(`
      select min(a) as lo, max(a) as hi, avg(a) as mean, var_samp(a) as variance,
        corr(a, b) as streams, corr(a, c) as keys, avg(((a < 0.5) = (b < 0.5))::INTEGER) as agree
      from (select ${uniformSql(mix, 'person_id', 0, 1)} as a, ${uniformSql(mix, 'person_id', 0, 2)} as b,
        ${uniformSql(mix, 'person_id', 1, 1)} as c from ids)`);
    expect(r.lo).toBeGreaterThanOrEqual(0);
    expect(r.hi).toBeLessThan(1);
    expect(r.mean).toBeCloseTo(0.5, 2);
    expect(r.variance).toBeCloseTo(1 / 12, 2);
    expect(Math.abs(r.streams!)).toBeLessThan(0.01);
    expect(Math.abs(r.keys!)).toBeLessThan(0.01);
    expect(r.agree).toBeCloseTo(0.5, 2);
  });

  it('fill 100 buckets evenly (chi-square well within 3 standard deviations)', async () => {
    const rows = await engine.all<{ n: number }>(
      `select count(*) as n from ids group by floor(${uniformSql(mix, 'person_id', 7, 3)} * 100)`,
    );
    const expected = N / 100;
    const chi = rows.reduce((t, r) => t + (r.n - expected) ** 2 / expected, 0);
    expect(rows.length).toBe(100);
    expect(chi).toBeLessThan(99 + 3 * Math.sqrt(2 * 99));
  });

  it('differ with the seed, and repeat with it', async () => {
    // An integer sum: a sum of doubles over several threads may differ in the last bits from run to run.
    const draw = (seed: number) =>
      engine.one<{ s: number }>(
        `select sum(floor(${uniformSql(seedMix(seed), 'person_id', 0, 5)} * 1e9)::BIGINT) as s from ids`,
      );
    expect((await draw(1)).s).toBe((await draw(1)).s);
    expect((await draw(1)).s).not.toBe((await draw(2)).s);
  });

  it('give two independent uniforms from the halves of one hash', async () => {
    const [hi, lo] = uniformHalvesSql(mix, 'person_id', 0, 9);
    const r = await engine.one<Record<string, number>>(
      `select avg(${hi}) as mh, avg(${lo}) as ml, corr(${hi}, ${lo}) as c, max(${lo}) as top from ids`,
    );
    expect(r.mh).toBeCloseTo(0.5, 2);
    expect(r.ml).toBeCloseTo(0.5, 2);
    expect(Math.abs(r.c!)).toBeLessThan(0.01);
    expect(r.top).toBeLessThan(1);
  });

  it.each([[-1], [256], [1.5]])('reject stream %s', (stream) => {
    expect(() => uniformSql(mix, 'person_id', 0, stream)).toThrow(/stream/);
  });
});

describe('pseudonyms', () => {
  it('never collide, are 16 hex digits, and depend on the seed and salt', async () => {
    const r = await engine.one<Record<string, number>>(`
      select count(distinct ${pseudonymSql('person_id * 1000003', seedMix(1), 1)}) as distinct_ids,
        count(*) filter (where not regexp_full_match(${pseudonymSql('person_id', seedMix(1), 1)}, '[0-9a-f]{16}')) as malformed,
        count(*) filter (where ${pseudonymSql('person_id', seedMix(1), 1)} = ${pseudonymSql('person_id', seedMix(2), 1)}) as same_seed2,
        count(*) filter (where ${pseudonymSql('person_id', seedMix(1), 1)} = ${pseudonymSql('person_id', seedMix(1), 2)}) as same_salt2
      from ids`);
    expect(r).toEqual({ distinct_ids: N, malformed: 0, same_seed2: 0, same_salt2: 0 });
  });
});

describe('Poisson counts', () => {
  it.each([0.05, 0.8, 3, 11.5, 25])('have mean and variance λ for λ = %s', async (lambda) => {
    const mix = seedMix(3);
    const r = await engine.one<{ m: number; v: number; neg: number }>(`
      with src as (select person_id, ${lambda}::DOUBLE as lam, ${uniformSql(mix, 'person_id', 0, 1)} as u_count,
        sqrt(-2 * ln(1 - ${uniformSql(mix, 'person_id', 0, 2)})) * cos(2 * pi() * ${uniformSql(mix, 'person_id', 0, 3)}) as z_count
        from ids),
      ${poissonCtes('src', ['person_id'], 'p')}
      select avg(n_events) as m, var_samp(n_events) as v, count(*) filter (where n_events < 0) as neg from p_n`);
    const se = Math.sqrt(lambda / N);
    expect(Math.abs(r.m - lambda)).toBeLessThan(5 * se + 0.002 * lambda);
    expect(r.v / lambda).toBeGreaterThan(0.95);
    expect(r.v / lambda).toBeLessThan(1.05);
    expect(r.neg).toBe(0);
  });
});

describe('small SQL builders', () => {
  it.each([
    { u: 0.1, out: 'a' },
    { u: 0.3, out: 'b' },
    { u: 0.95, out: 'c' },
  ])('categoricalSql picks $out at u = $u', async ({ u, out }) => {
    const sql = categoricalSql(`${u}::DOUBLE`, [
      ['a', 0.25],
      ['b', 0.5],
      ['c', 0.25],
    ]);
    expect((await engine.one<{ x: string }>(`select ${sql} as x`)).x).toBe(out);
  });

  it('categoricalSql with one choice is that choice', () => {
    expect(categoricalSql('u', [['31', 1]])).toBe(`'31'`);
  });

  it.each([
    { age: 10, share: 0 },
    { age: 65, share: 0.006 },
    { age: 80, share: 0.035 },
    { age: 99, share: 0.13 },
  ])('ageStepSql gives $share at age $age', async ({ age, share }) => {
    const sql = ageStepSql(`${age}`, [
      { fromAge: 85, share: 0.13 },
      { fromAge: 65, share: 0.006 },
      { fromAge: 75, share: 0.035 },
    ]);
    expect((await engine.one<{ x: number }>(`select ${sql} as x`)).x).toBe(share);
  });

  it('geometricSql has the requested mean and is 0 for a mean of 0', async () => {
    const mix = seedMix(9);
    const r = await engine.one<{ m: number; zero: number }>(`
      select avg(${geometricSql(uniformSql(mix, 'person_id', 0, 1), '4.0', 200)}) as m,
        max(${geometricSql(uniformSql(mix, 'person_id', 0, 1), '0.0', 200)}) as zero from ids`);
    expect(r.m).toBeGreaterThan(3.9);
    expect(r.m).toBeLessThan(4.1);
    expect(r.zero).toBe(0);
  });
});
