import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/db.ts';

/**
 * The counts the April 2013 structure must come out with (issue #2), asserted against the database
 * the real import produced (the global setup imports ../shared/data/reference into the template).
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase({ withReference: true });
});
afterAll(async () => {
  await t?.close();
});

const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(t.db)).rows[0]!;

describe('the April 2013 structure', () => {
  it.each([
    ['ccg', 211, '2013-04-01'],
    ['area_team', 27, '2013-04-01'],
    ['region', 4, '2013-04-01'],
    ['hwb', 152, '2013-04-01'],
    ['commissioning_board', 1, '2013-04-01'],
    ['clinical_senate', 12, '2013-04-01'],
    ['clinical_network', 4, '2013-04-01'],
    ['csu', 19, '2013-04-01'],
  ])('has %s × %i open on %s', async (type, expected, asAt) => {
    const row = await one(sql<{ n: number }>`select count(*)::int as n from organisation
      where org_type = ${type} and (open_date is null or open_date <= ${asAt}::date) and (close_date is null or close_date >= ${asAt}::date)`);
    expect(row.n).toBe(expected);
  });

  it('has 8,068 practices with registered patients in Apr–Jun 2013, holding 56,025,327 patients', async () => {
    const row = await one(sql<{ practices: number; patients: number }>`
      select count(distinct practice_code)::int as practices, sum(patients)::int as patients
      from list_size where quarter_start = '2013-04-01'`);
    expect(row).toEqual({ practices: 8068, patients: 56_025_327 });
  });

  it('lists 8,053 of them under one of the 211 CCGs, holding 56,002,534 patients', async () => {
    const row = await one(sql<{ practices: number; patients: number }>`
      select count(distinct l.practice_code)::int as practices, sum(l.patients)::int as patients
      from list_size l join relationship r on r.from_code = l.practice_code and r.kind = 'member_of'
        and r.source like '%Patient_List_Size_2013_04-06.csv' and r.start_date <= '2013-04-01'
      where l.quarter_start = '2013-04-01'`);
    expect(row).toEqual({ practices: 8053, patients: 56_002_534 });
  });

  it('places every one of the 211 CCGs in an area team, and every area team in a region of the Board', async () => {
    const row = await one(sql<{ ccgs: number; teams: number; regions: number }>`
      select (select count(distinct from_code)::int from relationship where kind = 'in_area_team' and start_date <= '2013-04-01') as ccgs,
             (select count(distinct from_code)::int from relationship where kind = 'in_region') as teams,
             (select count(distinct from_code)::int from relationship where kind = 'part_of' and to_code = 'NHSCB') as regions`);
    expect(row).toEqual({ ccgs: 211, teams: 27, regions: 4 });
  });

  it('links every CCG to at least one HWB and every HWB to at least one CCG, with shares summing to 1 per CCG', async () => {
    const row = await one(sql<{ ccgs: number; hwbs: number; bad: number }>`
      select count(distinct from_code)::int as ccgs, count(distinct to_code)::int as hwbs,
             (select count(*)::int from (select from_code, sum(share) s from relationship where kind = 'overlaps_hwb'
               group by from_code having abs(sum(share) - 1) > 0.001) x) as bad
      from relationship where kind = 'overlaps_hwb'`);
    expect(row).toEqual({ ccgs: 211, hwbs: 152, bad: 0 });
  });

  it('gives every April 2013 CCG a CSU, each row labelled sourced or illustrative', async () => {
    const rows = (
      await sql<{
        provenance: string;
        n: number;
      }>`select provenance, count(*)::int as n from relationship where kind = 'supports' group by provenance order by provenance`.execute(
        t.db,
      )
    ).rows;
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(211);
    expect(rows.find((r) => r.provenance === 'sourced')?.n).toBe(25);
    expect(rows.find((r) => r.provenance === 'illustrative')?.n).toBe(186);
  });

  it('keeps the CCG boundaries: 211 polygons whose ids are the CCGs’ ONS codes', async () => {
    const row = await one(sql<{ ids: number; matched: number }>`
      select count(*)::int as ids,
             count(*) filter (where exists (select 1 from organisation o where o.ons_code = g->>'id' and o.org_type = 'ccg'))::int as matched
      from boundary_set b, jsonb_array_elements(b.topology->'objects'->'CCG_APR_2013_EN_BGC_WGS84'->'geometries') g
      where b.code = 'ccg-2013'`);
    expect(row).toEqual({ ids: 211, matched: 211 });
  });

  it('records the import once, with the two quarantined etr rows named by file, line and reason', async () => {
    const runs = await t.db.selectFrom('import_run').selectAll().execute();
    expect(runs).toHaveLength(1);
    const rejected = await t.db
      .selectFrom('import_rejection')
      .select(['file', 'line', 'reason'])
      .orderBy('line')
      .execute();
    expect(rejected).toEqual([
      { file: 'trusts/etr_c2015-16.csv', line: 240, reason: 'organisation R0A has no open date' },
      { file: 'trusts/etr_c2015-16.csv', line: 241, reason: 'organisation R0B has no open date' },
    ]);
  });
});
