/**
 * Reg 11(3)(d)–(e), 12(3)–(4) and s14N(6): two lay members, one able to give informed views on
 * financial management and audit, and "another" with knowledge of the CCG's area.
 */
import type { GovernanceRuleBook, GovernanceViolation, PersonAttributes } from '../../model.ts';
import { activeRule } from '../rule-book.ts';
import { violationOf } from '../violation.ts';
import { ccgSubject, holders, names, notLayReasons, type SeatedBody, type SeatedMember } from './seating.ts';

const auditShortfalls = (a: PersonAttributes): string[] => [
  ...notLayReasons(a),
  ...(a.financeAndAuditExpertise ? [] : ['no_finance_and_audit_expertise']),
];
const ppiShortfalls = (a: PersonAttributes): string[] => [
  ...notLayReasons(a),
  ...(a.knowledgeOfArea ? [] : ['no_knowledge_of_area']),
];

const shortfallDetail = (seated: readonly SeatedMember[], shortfalls: (a: PersonAttributes) => string[]) =>
  seated.map((m) => ({ personId: m.person.personId, unmet: shortfalls(m.person.attributes) }));

const shortfallText = (seated: readonly SeatedMember[], shortfalls: (a: PersonAttributes) => string[]) =>
  seated.map((m) => `${names([m])}: ${shortfalls(m.person.attributes).join(', ')}`).join('; ');

export function checkLayPlaces(body: SeatedBody, book: GovernanceRuleBook): GovernanceViolation[] {
  const violations: GovernanceViolation[] = [];
  const subject = ccgSubject(body);
  const auditSeated = holders(body, 'lay_member_audit');
  const auditQualified = auditSeated.filter((m) => auditShortfalls(m.person.attributes).length === 0);

  const audit = activeRule(book, 'GB-LAY-AUDIT', body.asAt);
  if (audit && auditQualified.length === 0) {
    violations.push(
      violationOf(
        audit,
        subject,
        auditSeated.length === 0
          ? `No lay member for financial management and audit sits on the governing body on ${body.asAt}`
          : `No one in the audit lay member place qualifies on ${body.asAt}: ${shortfallText(auditSeated, auditShortfalls)}`,
        {
          reason: auditSeated.length === 0 ? 'missing' : 'not_qualified',
          holders: shortfallDetail(auditSeated, auditShortfalls),
        },
      ),
    );
  }

  const ppi = activeRule(book, 'GB-LAY-PPI', body.asAt);
  if (!ppi) return violations;
  const ppiSeated = holders(body, 'lay_member_ppi');
  const ppiQualified = ppiSeated.filter((m) => ppiShortfalls(m.person.attributes).length === 0);
  if (ppiQualified.length === 0) {
    violations.push(
      violationOf(
        ppi,
        subject,
        ppiSeated.length === 0
          ? `No lay member with knowledge of the CCG's area sits on the governing body on ${body.asAt}`
          : `No one in the area-knowledge lay member place qualifies on ${body.asAt}: ${shortfallText(ppiSeated, ppiShortfalls)}`,
        {
          reason: ppiSeated.length === 0 ? 'missing' : 'not_qualified',
          holders: shortfallDetail(ppiSeated, ppiShortfalls),
        },
      ),
    );
    return violations;
  }
  // "another lay person": the two places need two people. Only a single person qualifying for both fails.
  const [onlyAudit] = auditQualified;
  const [onlyPpi] = ppiQualified;
  if (auditQualified.length === 1 && ppiQualified.length === 1 && onlyAudit === onlyPpi) {
    violations.push(
      violationOf(
        ppi,
        subject,
        `${names([onlyPpi!])} is the only qualified lay member for both places; reg 11(3)(e) needs another lay person`,
        { reason: 'same_person_as_audit_lay', personId: onlyPpi!.person.personId },
      ),
    );
  }
  return violations;
}
