import type { CcgLocalAuthorityShare, Violation } from '../model.ts';
import { assertRuleId, numberParameter, type RuleDefinition } from './definitions.ts';

const RULE_ID = 'ORG-CCG-CROSSES-LA';

export interface AuthorityShare {
  readonly utlaCode: string;
  readonly utlaName: string;
  readonly share: number;
}

/** A share as a percentage to one decimal place, rounding halves up (76.65% → 76.7%, despite float error). */
const percent = (share: number): string =>
  `${(Math.round(Number((share * 1000).toPrecision(12))) / 10).toFixed(1)}%`;

/**
 * Flags each CCG whose area spans more than one upper-tier local authority. UNCONFIRMED: no statutory
 * text was found; the rule reflects guidance that CCG boundaries should respect local authority
 * boundaries unless justified, so it is a warning behind the definition's `enabled` switch.
 * Authorities holding less than the `minimumShare` parameter (default 0) of the CCG are ignored.
 */
export function flagLocalAuthorityCrossings(
  shares: readonly CcgLocalAuthorityShare[],
  rule: RuleDefinition,
): Violation[] {
  assertRuleId(rule, RULE_ID);
  if (!rule.enabled) return [];
  const minimumShare = numberParameter(rule, 'minimumShare', 0);

  // CCG code → its name and authorities (shares of one authority listed twice are added together).
  const byCcg = new Map<string, { name: string; authorities: Map<string, AuthorityShare> }>();
  for (const row of shares) {
    const ccg = byCcg.get(row.ccgCode) ?? { name: row.ccgName, authorities: new Map() };
    const previous = ccg.authorities.get(row.utlaCode);
    ccg.authorities.set(row.utlaCode, {
      utlaCode: row.utlaCode,
      utlaName: row.utlaName,
      share: (previous?.share ?? 0) + row.share,
    });
    byCcg.set(row.ccgCode, ccg);
  }

  const violations: Violation[] = [];
  for (const [ccgCode, ccg] of byCcg) {
    const all = [...ccg.authorities.values()];
    const authorities = all
      .filter((a) => a.share >= minimumShare)
      .sort((a, b) => b.share - a.share || a.utlaName.localeCompare(b.utlaName));
    if (authorities.length < 2) continue;
    const ignored = all.filter((a) => a.share < minimumShare).map((a) => a.utlaCode);
    violations.push({
      ruleId: RULE_ID,
      legalRef: rule.legalRef,
      severity: rule.severity,
      subjectType: 'ccg',
      subjectCode: ccgCode,
      message: `${ccg.name} (${ccgCode}) spans ${authorities.length} upper-tier local authorities: ${authorities
        .map((a) => `${a.utlaName} ${percent(a.share)}`)
        .join(', ')}`,
      detail: { authorities, minimumShare, ignoredUtlaCodes: ignored },
    });
  }
  return violations;
}
