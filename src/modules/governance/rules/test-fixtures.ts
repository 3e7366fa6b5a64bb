/**
 * Builders for the governance table tests: a compliant governing body to patch row by row, and rule
 * book variations (switches, parameters). Pure data; the tests read the real rule book themselves.
 */
import type {
  EmploymentOrOffice,
  GovernanceRuleBook,
  GovernanceRuleDefinition,
  GoverningBodyInput,
  GoverningBodyPerson,
  GoverningBodyRole,
  InterestDeclaration,
  PersonAttributes,
} from '../model.ts';
import type { GovernanceRuleId } from './rule-book.ts';

export const RULE_BOOK_URL = new URL(
  '../../../../definitions/governance/governance-rules.json',
  import.meta.url,
);
export const THRESHOLDS_URL = new URL(
  '../../../../definitions/governance/gifts-hospitality-thresholds.json',
  import.meta.url,
);

export const AS_AT = '2013-06-30';

export const attributes = (overrides: Partial<PersonAttributes> = {}): PersonAttributes => ({
  isCcgEmployee: false,
  hasAccountancyQualification: false,
  canLeadFinancialManagement: false,
  nmcRegisteredNurse: false,
  gmcSpecialistRegisterOrEligible: false,
  nhsConsultantWithin10Years: false,
  onGpRegister: false,
  isGpOfMemberPractice: false,
  isIndividualMemberOfCcg: false,
  otherHealthCareProfessional: false,
  financeAndAuditExpertise: false,
  knowledgeOfArea: false,
  ...overrides,
});

export const office = (overrides: Partial<EmploymentOrOffice> = {}): EmploymentOrOffice => ({
  organisationName: 'Somewhere',
  organisationCode: null,
  companyNumber: null,
  organisationKind: 'other',
  role: 'employee',
  startDate: '2010-01-01',
  endDate: null,
  ...overrides,
});

export function person(
  personId: string,
  roles: readonly GoverningBodyRole[],
  attributeOverrides: Partial<PersonAttributes> = {},
  extra: Partial<Omit<GoverningBodyPerson, 'personId' | 'attributes'>> = {},
): GoverningBodyPerson {
  const accountableOfficer = roles.includes('accountable_officer');
  return {
    personId,
    name: `Person ${personId}`,
    attributes: attributes(attributeOverrides),
    employments: [],
    convictions: [],
    bankruptcyRestrictions: [],
    dismissals: [],
    appointments: [
      {
        appointmentId: `A-${personId}`,
        roles,
        startDate: '2013-04-01',
        termEndDate: accountableOfficer ? null : '2016-03-31',
        endDate: null,
      },
    ],
    ...extra,
  };
}

const GP = { onGpRegister: true, isGpOfMemberPractice: true, isIndividualMemberOfCcg: true } as const;

/** A governing body that meets every rule in the book on AS_AT: eight people, GP chair, lay deputy. */
export function compliantBody(): GoverningBodyInput {
  return {
    ccgCode: '00X',
    people: [
      person('chair', ['chair', 'gp_member'], GP),
      person('deputy', ['deputy_chair', 'lay_member_ppi'], { knowledgeOfArea: true }),
      person('audit', ['lay_member_audit'], { financeAndAuditExpertise: true }),
      person('ao', ['accountable_officer'], { isCcgEmployee: true }),
      person('cfo', ['chief_finance_officer'], {
        isCcgEmployee: true,
        hasAccountancyQualification: true,
        canLeadFinancialManagement: true,
      }),
      person(
        'nurse',
        ['registered_nurse'],
        { nmcRegisteredNurse: true },
        {
          employments: [
            office({
              organisationName: 'Distant FT',
              organisationCode: 'RZZ',
              organisationKind: 'foundation_trust',
            }),
          ],
        },
      ),
      person('doctor', ['secondary_care_doctor'], {
        gmcSpecialistRegisterOrEligible: true,
        nhsConsultantWithin10Years: true,
      }),
      person('gp2', ['gp_member'], GP),
    ],
    context: { commissionedProviderCodes: ['RA1', 'RB2'], memberPracticeCodes: ['P10001', 'P10002'] },
  };
}

/** Replaces one person (by id) through `patch`; `null` removes them. */
export function withPerson(
  input: GoverningBodyInput,
  personId: string,
  patch: ((p: GoverningBodyPerson) => GoverningBodyPerson) | null,
): GoverningBodyInput {
  const people = input.people.flatMap((p) => (p.personId !== personId ? [p] : patch ? [patch(p)] : []));
  return { ...input, people };
}

export const addPeople = (
  input: GoverningBodyInput,
  ...people: GoverningBodyPerson[]
): GoverningBodyInput => ({
  ...input,
  people: [...input.people, ...people],
});

export const patchAttributes =
  (overrides: Partial<PersonAttributes>) =>
  (p: GoverningBodyPerson): GoverningBodyPerson => ({ ...p, attributes: { ...p.attributes, ...overrides } });

export const withRoles =
  (roles: readonly GoverningBodyRole[]) =>
  (p: GoverningBodyPerson): GoverningBodyPerson => ({
    ...p,
    appointments: p.appointments.map((a) => ({ ...a, roles })),
  });

export const withOffices =
  (...offices: EmploymentOrOffice[]) =>
  (p: GoverningBodyPerson): GoverningBodyPerson => ({ ...p, employments: [...p.employments, ...offices] });

/** The book with one rule's definition patched (e.g. switched off, or given other parameters). */
export function bookWith(
  book: GovernanceRuleBook,
  id: GovernanceRuleId,
  patch: Partial<GovernanceRuleDefinition>,
): GovernanceRuleBook {
  return { ...book, rules: book.rules.map((r) => (r.id === id ? { ...r, ...patch } : r)) };
}

export const declaration = (overrides: Partial<InterestDeclaration> = {}): InterestDeclaration => ({
  declarationId: 'D1',
  declarant: { personId: 'p1', capacity: 'gb_member' },
  interestType: 'financial',
  description: 'Director of a provider',
  entity: null,
  aroseOn: '2013-04-01',
  declaredOn: '2013-04-10',
  startDate: '2013-04-01',
  endDate: null,
  confirmedOn: null,
  ...overrides,
});
