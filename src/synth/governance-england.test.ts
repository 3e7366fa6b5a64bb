/**
 * The generator over the real list of England's 211 CCGs (April 2013 names, Windows-1252): the wave 1
 * CCGs that had no nurse are matched by name, the findings are exactly the planted faults, and it is
 * fast. Practices, providers and local authorities are made up here; the names are real.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { loadGiftsHospitalityTable, loadGovernanceRuleBook } from '../modules/governance/rules/index.ts';
import { RULE_BOOK_URL, THRESHOLDS_URL } from '../modules/governance/rules/test-fixtures.ts';
import { readCsv } from '../reference/csv.ts';
import { checkCcg, testCcgs } from './governance/test-support.ts';
import { generateGovernance, isWave1NoNurse } from './governance.ts';

const CCG_FILE = '/work/shared/data/reference/openprescribing/CCG_APR_2013.csv';
const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const thresholds = loadGiftsHospitalityTable(JSON.parse(readFileSync(THRESHOLDS_URL, 'utf8')));

const rows = readCsv(CCG_FILE, { encoding: 'windows-1252', header: true }).records.map((r) => ({
  code: r.fields[1]!.trim(),
  name: r.fields[2]!.trim(),
}));
// The made-up registry facts of testCcgs, with England's real codes and names.
const ccgs = testCcgs(rows.map((r) => r.name)).map((c, i) => ({ ...c, code: rows[i]!.code }));
const AS_AT = '2013-06-30';
const WAVE_1 = ['11D', '10M', '10N', '10W', '08X']; // Wokingham, Newbury, N&W Reading, S Reading, Wandsworth

describe('generateGovernance over the 211 CCGs of April 2013', () => {
  it('reads all 211 names, Windows-1252 included', () => {
    expect(ccgs).toHaveLength(211);
    expect(rows.find((r) => r.code === '08Y')!.name).toContain('Queen’s Park');
  });

  it('matches exactly the five wave 1 CCGs with no nurse, and plants GB-NURSE in them only', () => {
    expect(
      ccgs
        .filter((c) => isWave1NoNurse(c.name))
        .map((c) => c.code)
        .sort(),
    ).toEqual([...WAVE_1].sort());
    const seed = generateGovernance({ seed: 'england', ccgs, asAt: AS_AT });
    const noNurse = seed.ccgs
      .filter((c) => c.faults.some((f) => f.ruleId === 'GB-NURSE'))
      .map((c) => c.ccgCode);
    expect(noNurse.sort()).toEqual([...WAVE_1].sort());
  });

  it('generates in well under a second', () => {
    generateGovernance({ seed: 'warm-up', ccgs, asAt: AS_AT });
    const start = performance.now();
    const seed = generateGovernance({ seed: 'england', ccgs, asAt: AS_AT });
    const ms = performance.now() - start;
    expect(seed.ccgs).toHaveLength(211);
    // About 0.1–0.2 s on these machines; the bound leaves room for a busy test run.
    expect(ms).toBeLessThan(1000);
  });

  it('finds exactly the planted faults in every CCG, and a handful of CCGs have each', () => {
    const seed = generateGovernance({ seed: 'england', ccgs, asAt: AS_AT });
    const byRule = new Map<string, number>();
    for (const [i, c] of seed.ccgs.entries()) {
      expect(checkCcg(ccgs[i]!, c, AS_AT, book, thresholds).ruleIds, c.ccgCode).toEqual(
        c.faults.map((f) => f.ruleId).sort(),
      );
      for (const f of c.faults) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
    }
    for (const [ruleId, n] of byRule) {
      expect(n, ruleId).toBeGreaterThanOrEqual(2);
      expect(n, ruleId).toBeLessThanOrEqual(8);
    }
    const withGbFault = seed.ccgs.filter((c) => c.faults.some((f) => f.ruleId.startsWith('GB-'))).length;
    expect(withGbFault).toBeLessThan(25);
  });
});
