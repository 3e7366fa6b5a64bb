import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../../../test/support/paths.ts';
import { Analytics, sqlString } from '../../platform/analytics/duckdb.ts';
import { BUCKETS, buildCaseMix, costKey, reachableGroups } from './case-mix.ts';
import { loadSyntheticDefinitions, type SyntheticDefinitions } from './definitions.ts';
import { REFERENCE_COSTS_FILE } from './tables.ts';

/** The local currencies the tariff prices (definitions/tariff/2013-14/local-prices.json), as POD|code. */
const LOCAL_PRICES = new Set(
  (
    JSON.parse(
      readFileSync(new URL('../../../definitions/tariff/2013-14/local-prices.json', import.meta.url), 'utf8'),
    ) as { prices: { pod: string; currencyCode: string }[] }
  ).prices.map((p) => `${p.pod}|${p.currencyCode}`),
);

const defs = loadSyntheticDefinitions();
let costs: Set<string>;

beforeAll(async () => {
  const engine = await Analytics.open();
  const rows = await engine.all<{ sheet: string; currency_code: string; service_code: string | null }>(
    `select sheet, currency_code, service_code
     from read_csv(${sqlString(path.join(REFERENCE_DIR, REFERENCE_COSTS_FILE))}, header = true, all_varchar = true)`,
  );
  engine.close();
  costs = new Set(rows.map((r) => costKey(r.sheet, r.currency_code, r.service_code ?? '')));
});

const changed = (change: (d: SyntheticDefinitions) => void): SyntheticDefinitions => {
  const copy = structuredClone(defs);
  change(copy);
  return copy;
};

describe('buildCaseMix on the shipped definitions', () => {
  it('shares out every group’s buckets exactly once', () => {
    const { ranges } = buildCaseMix(defs, costs);
    const byGroup = new Map<string, { lo: number; hi: number }[]>();
    for (const r of ranges)
      byGroup.set(`${r.key}|${r.group}`, [...(byGroup.get(`${r.key}|${r.group}`) ?? []), r]);
    for (const [, list] of byGroup) {
      const sorted = [...list].sort((a, b) => a.lo - b.lo);
      expect(sorted[0]!.lo).toBe(0);
      sorted.forEach((r, i) => {
        expect(r.hi).toBeGreaterThan(r.lo);
        if (i > 0) expect(r.lo).toBe(sorted[i - 1]!.hi);
      });
      expect(sorted[sorted.length - 1]!.hi).toBe(BUCKETS);
    }
  });

  it('uses only codes on the reference-cost sheet of their point of delivery', () => {
    const { ranges } = buildCaseMix(defs, costs);
    for (const r of ranges) {
      const ok =
        r.key === 'OPFA' || r.key === 'OPFU'
          ? costs.has(costKey('CL', r.currency, r.tfc))
          : r.key === 'AE'
            ? costs.has(costKey('EM', r.currency, `T${r.group}A`)) &&
              costs.has(costKey('EM', r.currency, `T${r.group}NA`))
            : r.key === 'COM' || r.key === 'MH'
              ? LOCAL_PRICES.has(`${r.key}|${r.currency}`)
              : costs.has(costKey(r.key === 'EL' || r.key === 'DC' ? r.key : 'NEL', r.currency));
      expect(ok, `${r.key} ${r.group} ${r.currency} ${r.tfc}`).toBe(true);
    }
  });

  it('leaves out the A&E codes a department type does not have', () => {
    expect(buildCaseMix(defs, costs).leftOut).toEqual([
      'VB10Z for department type 02',
      'VB02Z for department type 04',
    ]);
  });

  it('gives maternity rows only to women, and specialised rows to specialised providers', () => {
    const { ranges } = buildCaseMix(defs, costs);
    expect(new Set(ranges.filter((r) => r.key === 'MAT').map((r) => r.group))).toEqual(
      new Set(['child_female', 'adult_female']),
    );
    for (const r of ranges)
      if (r.service === 'specialised' && r.key !== 'MH') expect(r.providerKind).toBe('specialised');
    expect(
      ranges
        .filter((r) => r.service === 'high_secure_psychiatric')
        .every((r) => r.providerKind === 'high_secure'),
    ).toBe(true);
  });

  it('finds the groups a point of delivery can reach from its age-sex shape', () => {
    expect(reachableGroups(defs, 'MAT')).toEqual(new Set(['child_female', 'adult_female']));
    expect(reachableGroups(defs, 'NEL').size).toBe(8);
  });
});

describe('buildCaseMix rejects', () => {
  it.each([
    {
      what: 'an HRG that is not on its sheet',
      change: (d: SyntheticDefinitions) => {
        d.caseMix.admitted.DC[0]!.hrg = 'LA02A';
      },
      message: /LA02A is not on the DC sheet/,
    },
    {
      what: 'an outpatient treatment function without that attendance code',
      change: (d: SyntheticDefinitions) => {
        d.caseMix.outpatients.entries[0]!.tfc = '181';
      },
      message: /with treatment function 181 is not on the CL sheet/,
    },
    {
      what: 'a group of patients with no case mix',
      change: (d: SyntheticDefinitions) => {
        for (const e of d.caseMix.admitted.NEL) delete e.weights.infant;
      },
      message: /no case mix for NEL rows of infant (male|female) patients/,
    },
    {
      what: 'an admitted entry without a length of stay',
      change: (d: SyntheticDefinitions) => {
        delete d.caseMix.admitted.EL[0]!.losDays;
      },
      message: /admitted\.EL\.0\.losDays: an admitted \(non day-case\) entry needs losDays/,
    },
    {
      what: 'a maternity entry not for women',
      change: (d: SyntheticDefinitions) => {
        delete d.caseMix.admitted.MAT[0]!.sex;
      },
      message: /admitted\.MAT\.0\.sex: a maternity entry must be for women/,
    },
    {
      what: 'a weight too small to draw',
      change: (d: SyntheticDefinitions) => {
        d.caseMix.admitted.EL[0]!.weights = { older: 1e-9 };
      },
      message: /weight too small to be drawn for EL older_/,
    },
  ])('$what', ({ change, message }) => {
    expect(() => buildCaseMix(changed(change), costs)).toThrow(message);
  });
});
