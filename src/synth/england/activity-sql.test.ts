import { describe, expect, it } from 'vitest';
import { Analytics } from '../../platform/analytics/duckdb.ts';
import { incompleteRowsSql, weightSql, writeActivitySql } from './activity-sql.ts';
import { loadSyntheticDefinitions } from './definitions.ts';
import { readLayoutColumns } from './layout-columns.ts';
import { seedMix } from './random-sql.ts';

const defs = loadSyntheticDefinitions();
const layout = readLayoutColumns();

describe('writeActivitySql', () => {
  it('writes every layout column', () => {
    const sql = writeActivitySql(defs, seedMix(1), 'people.parquet', layout, 'out.parquet');
    for (const c of layout) expect(sql).toContain(` as ${c.type}) as ${c.name}`);
  });

  it.each([
    {
      what: 'a column the generator cannot fill',
      columns: [...layout, { name: 'waiting_days', type: 'INTEGER' as const, required: false }],
      message: /missing waiting_days/,
    },
    {
      what: 'a layout without a column it writes',
      columns: layout.filter((c) => c.name !== 'hrg_code'),
      message: /extra hrg_code/,
    },
  ])('refuses $what', ({ columns, message }) => {
    expect(() => writeActivitySql(defs, seedMix(1), 'p.parquet', columns, 'o.parquet')).toThrow(message);
  });
});

describe('weightSql', () => {
  it.each([
    { pod: 'MAT' as const, sex: 'male', band: '25-34', conditions: 0, expected: 0 },
    { pod: 'NEL' as const, sex: 'female', band: '75+', conditions: 0, expected: 0.4 },
    { pod: 'NEL' as const, sex: 'female', band: '75+', conditions: 4, expected: 0.4 * 4.8 },
    { pod: 'NEL' as const, sex: 'female', band: '75+', conditions: 9, expected: 0.4 * 4.8 },
  ])(
    '$pod for a $sex aged $band with $conditions conditions is $expected',
    async ({ pod, sex, band, conditions, expected }) => {
      const engine = await Analytics.open();
      const value = await engine.one<{ w: number }>(`
      with sh as (select ${defs.rates.ageSexShape[sex as 'male' | 'female'][pod][band as '75+']}::DOUBLE as s_${pod}),
      pe as (select ${conditions} as condition_count, 0 as condition_mask, false as care_home, 'registered' as cohort,
        null::VARCHAR as detained_in, null::VARCHAR as armed_forces, null::VARCHAR as placement_setting,
        null::VARCHAR as s117_responsible_ccg)
      select ${weightSql(defs, pod)} as w from sh, pe`);
      engine.close();
      expect(value.w).toBeCloseTo(expected, 12);
    },
  );
});

describe('incompleteRowsSql', () => {
  it('counts rows without a case mix or a provider, which the generator then refuses to write', async () => {
    const engine = await Analytics.open();
    await engine.run(`
      create temp table chunk_events as select * from (values ('WF01A', 'RX1'), (null, 'RX1'), ('VB08Z', null), ('VB08Z', null))
        v(currency, provider_code);
      create temp table chunk_readmissions as select * from (values ('DZ11J'), (null)) v(currency);`);
    expect(await engine.one(incompleteRowsSql)).toEqual({
      events_without_case_mix: 1,
      events_without_provider: 2,
      readmissions_without_case_mix: 1,
    });
    engine.close();
  });
});
