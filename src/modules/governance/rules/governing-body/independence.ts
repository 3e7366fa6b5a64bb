/**
 * Reg 12(1): the nurse and the secondary care doctor must not be tied to a provider the CCG
 * commissions from. The text of reg 12(1) was not read, so both rules are unconfirmed switches using
 * REFERENCE.md §1.3's suggested model, with each limb a parameter.
 */
import type {
  EmploymentOrOffice,
  GovernanceRuleBook,
  GovernanceViolation,
  GoverningBodyRole,
  OfficeRole,
} from '../../model.ts';
import { activeRule, booleanParameter, type GovernanceRuleId } from '../rule-book.ts';
import { violationOf } from '../violation.ts';
import {
  describeOffice,
  holders,
  names,
  officeCodeIn,
  officeDetail,
  officesInForce,
  personSubject,
  type SeatedBody,
} from './seating.ts';

/** Ties to a commissioned provider: the same roles as Sch 4 para 8 (provider, employee, member or shareholder, partner). */
const PROVIDER_TIES: ReadonlySet<OfficeRole> = new Set([
  'contractor',
  'employee',
  'member',
  'shareholder',
  'partner',
]);

const PLACES: readonly { ruleId: GovernanceRuleId; role: GoverningBodyRole; label: string }[] = [
  { ruleId: 'GB-NURSE-INDEPENDENT', role: 'registered_nurse', label: 'registered nurse' },
  { ruleId: 'GB-SECONDARY-CARE-INDEPENDENT', role: 'secondary_care_doctor', label: 'secondary care doctor' },
];

type Limb = 'commissioned_provider' | 'member_practice_employee';

function limbOf(
  office: EmploymentOrOffice,
  body: SeatedBody,
  providerStaff: boolean,
  practiceStaff: boolean,
): Limb | null {
  const commissioned =
    office.organisationKind === 'provider_commissioned_by_ccg' ||
    officeCodeIn(office, body.commissionedProviderCodes);
  if (providerStaff && commissioned && PROVIDER_TIES.has(office.role)) return 'commissioned_provider';
  const memberPractice =
    office.organisationKind === 'member_practice' || officeCodeIn(office, body.memberPracticeCodes);
  if (practiceStaff && memberPractice && office.role === 'employee') return 'member_practice_employee';
  return null;
}

/** One violation per nurse or secondary care doctor who falls within the modelled reg 12(1). */
export function checkIndependence(body: SeatedBody, book: GovernanceRuleBook): GovernanceViolation[] {
  const violations: GovernanceViolation[] = [];
  for (const place of PLACES) {
    const rule = activeRule(book, place.ruleId, body.asAt);
    if (!rule) continue;
    const providerStaff = booleanParameter(rule, 'providerStaff');
    const practiceStaff = booleanParameter(rule, 'memberPracticeEmployees');
    for (const member of holders(body, place.role)) {
      const ties = officesInForce(member.person, body.asAt).flatMap((office) => {
        const limb = limbOf(office, body, providerStaff, practiceStaff);
        return limb ? [{ limb, office }] : [];
      });
      if (ties.length === 0) continue;
      violations.push(
        violationOf(
          rule,
          personSubject(member),
          `The ${place.label} ${names([member])} falls within reg 12(1) as modelled (unconfirmed text): ${ties
            .map((t) => describeOffice(t.office))
            .join('; ')}`,
          { role: place.role, ties: ties.map((t) => ({ limb: t.limb, ...officeDetail(t.office) })) },
        ),
      );
    }
  }
  return violations;
}
