import type { GovernanceRuleDefinition, GovernanceSubjectType, GovernanceViolation } from '../model.ts';

/**
 * A violation of `rule`: id, severity and legal reference come from the rule book, so they change
 * with the definition, not the code. `legalRefDetail` narrows the reference (e.g. "para 4").
 */
export function violationOf(
  rule: GovernanceRuleDefinition,
  subject: { readonly type: GovernanceSubjectType; readonly code: string },
  message: string,
  detail: Readonly<Record<string, unknown>>,
  legalRefDetail?: string,
): GovernanceViolation {
  return {
    ruleId: rule.id,
    legalRef: legalRefDetail ? `${rule.legalRef} ${legalRefDetail}` : rule.legalRef,
    severity: rule.severity,
    subjectType: subject.type,
    subjectCode: subject.code,
    message,
    detail,
  };
}
