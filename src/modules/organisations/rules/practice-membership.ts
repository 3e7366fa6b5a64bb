import type { PracticeOnDate, Violation } from '../model.ts';
import { assertRuleId, type RuleDefinition, ruleAppliesOn } from './definitions.ts';

const RULE_ID = 'ORG-PRACTICE-ONE-CCG';

/** A practice on the date, plus the first membership that starts after it (to tell "unknown" from "none"). */
export interface PracticeMembershipInput extends PracticeOnDate {
  readonly nextMembership: { readonly ccgCode: string; readonly startDate: string } | null;
}

/**
 * s14A(1): every provider of primary medical services (a practice holding a primary medical contract
 * on the date) is a member of exactly one CCG. Practices without a contract are not checked.
 */
export function checkPracticeMembership(
  practices: readonly PracticeMembershipInput[],
  asAt: string,
  rule: RuleDefinition,
): Violation[] {
  assertRuleId(rule, RULE_ID);
  if (!ruleAppliesOn(rule, asAt)) return [];

  const violations: Violation[] = [];
  for (const practice of practices) {
    if (!practice.holdsContract) continue;
    // Duplicate rows for the same CCG are still one CCG.
    const ccgCodes = [...new Set(practice.ccgCodes)].sort();
    if (ccgCodes.length === 1) continue;

    const subject = `Practice ${practice.code} (${practice.name}) holds a primary medical contract on ${asAt} but`;
    const base = {
      ruleId: RULE_ID,
      legalRef: rule.legalRef,
      severity: rule.severity,
      subjectType: 'gp_practice',
      subjectCode: practice.code,
    } as const;

    if (ccgCodes.length > 1) {
      violations.push({
        ...base,
        message: `${subject} is a member of ${ccgCodes.length} CCGs (${ccgCodes.join(', ')}); it must be a member of exactly one`,
        detail: { reason: 'multiple', asAt, ccgCodes },
      });
    } else if (practice.nextMembership) {
      // A later join usually means the membership on the date was not captured, not that there was none.
      const next = practice.nextMembership;
      violations.push({
        ...base,
        message: `${subject} its CCG membership on ${asAt} is unknown: no CCG membership is recorded on ${asAt}; it is next recorded as joining ${next.ccgCode} on ${next.startDate}`,
        detail: { reason: 'unknown', asAt, nextMembership: next },
      });
    } else {
      violations.push({
        ...base,
        message: `${subject} no CCG membership is recorded on ${asAt} or later`,
        detail: { reason: 'none', asAt },
      });
    }
  }
  return violations;
}
