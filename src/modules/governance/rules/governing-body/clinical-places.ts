/** Reg 11(3)(b), (c) and (6): the registered nurse and the secondary care specialist doctor. */
import type {
  GovernanceRuleBook,
  GovernanceViolation,
  GoverningBodyRole,
  PersonAttributes,
} from '../../model.ts';
import type { GovernanceRuleId } from '../rule-book.ts';
import { activeRule } from '../rule-book.ts';
import { violationOf } from '../violation.ts';
import { ccgSubject, holders, names, type SeatedBody } from './seating.ts';

/** Reg 11(6)(a)–(c); further conditions of (6), if any, were not read. */
function secondaryCareShortfalls(a: PersonAttributes): string[] {
  const unmet: string[] = [];
  if (!a.gmcSpecialistRegisterOrEligible) unmet.push('not_on_specialist_register');
  if (!a.nhsConsultantWithin10Years) unmet.push('no_consultant_post_within_10_years');
  if (a.onGpRegister) unmet.push('on_gp_register');
  return unmet;
}

const nurseShortfalls = (a: PersonAttributes): string[] =>
  a.nmcRegisteredNurse ? [] : ['not_nmc_registered'];

interface Place {
  readonly ruleId: GovernanceRuleId;
  readonly role: GoverningBodyRole;
  readonly label: string;
  readonly shortfalls: (a: PersonAttributes) => string[];
}

const PLACES: readonly Place[] = [
  { ruleId: 'GB-NURSE', role: 'registered_nurse', label: 'registered nurse', shortfalls: nurseShortfalls },
  {
    ruleId: 'GB-SECONDARY-CARE-DOCTOR',
    role: 'secondary_care_doctor',
    label: 'secondary care specialist doctor',
    shortfalls: secondaryCareShortfalls,
  },
];

/** At least one holder of each place must qualify; the reg 12(1) exclusion is `checkIndependence`. */
export function checkClinicalPlaces(body: SeatedBody, book: GovernanceRuleBook): GovernanceViolation[] {
  const violations: GovernanceViolation[] = [];
  for (const place of PLACES) {
    const rule = activeRule(book, place.ruleId, body.asAt);
    if (!rule) continue;
    const seated = holders(body, place.role);
    if (seated.some((m) => place.shortfalls(m.person.attributes).length === 0)) continue;
    violations.push(
      violationOf(
        rule,
        ccgSubject(body),
        seated.length === 0
          ? `No ${place.label} sits on the governing body on ${body.asAt}`
          : `No one in the ${place.label} place qualifies on ${body.asAt}: ${seated
              .map((m) => `${names([m])}: ${place.shortfalls(m.person.attributes).join(', ')}`)
              .join('; ')}`,
        {
          reason: seated.length === 0 ? 'missing' : 'not_qualified',
          holders: seated.map((m) => ({
            personId: m.person.personId,
            unmet: place.shortfalls(m.person.attributes),
          })),
        },
      ),
    );
  }
  return violations;
}
