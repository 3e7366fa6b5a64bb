/**
 * Types of CCG governance: the governing body, registers of interests, gifts and hospitality, and
 * meetings that manage conflicts. Plain readonly data shared by rules, repository, service, routes,
 * CLI and web. Dates are ISO `YYYY-MM-DD` strings; an `endDate` is the inclusive last day and `null`
 * means still in force. Money is in pence (integers).
 */
import type { Severity, Violation } from '../organisations/model.ts';

export type { Severity } from '../organisations/model.ts';

// ---- violations --------------------------------------------------------------------------------

export const GOVERNANCE_SUBJECT_TYPES = [
  'ccg',
  'person',
  'appointment',
  'declaration',
  'gift_or_hospitality',
  'meeting',
  'agenda_item',
] as const;
export type GovernanceSubjectType = (typeof GOVERNANCE_SUBJECT_TYPES)[number];

/** The organisations `Violation` shape with governance subjects (a person, a declaration, an item…). */
export interface GovernanceViolation extends Omit<Violation, 'subjectType'> {
  readonly subjectType: GovernanceSubjectType;
}

// ---- rule book (definitions/governance/governance-rules.json) -----------------------------------

export type Confidence = 'confirmed' | 'unconfirmed';

export interface GovernanceRuleDefinition {
  readonly id: string;
  readonly title: string;
  readonly legalRef: string;
  /** Where the legal reference was confirmed, or why it could not be. */
  readonly source: string;
  readonly confidence: Confidence;
  /** The switch: an unconfirmed rule can be turned off without a code change. */
  readonly enabled: boolean;
  readonly severity: Severity;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly reviewedOn: string;
  readonly parameters: Readonly<Record<string, number | string | boolean>>;
}

export interface GovernanceRuleBook {
  readonly version: 1;
  readonly rules: readonly GovernanceRuleDefinition[];
}

// ---- entities (what an interest, an item or a donor is about) ----------------------------------

/**
 * An organisation in the registry (by ODS code), a company (by Companies House number) or a service
 * (by name, matched only on the whole normalised name).
 */
export type EntityRef =
  | { readonly kind: 'organisation'; readonly code: string }
  | { readonly kind: 'company'; readonly companyNumber: string }
  | { readonly kind: 'service'; readonly name: string };

/** What a declaration can resolve to: the registry or Companies House, never a bare name. */
export type DeclaredEntity = Extract<EntityRef, { kind: 'organisation' | 'company' }>;

// ---- governing body ----------------------------------------------------------------------------

export const GOVERNING_BODY_ROLES = [
  'chair',
  'deputy_chair',
  'accountable_officer',
  'chief_finance_officer',
  'registered_nurse',
  'secondary_care_doctor',
  'lay_member_audit',
  'lay_member_ppi',
  'gp_member',
  'other',
] as const;
export type GoverningBodyRole = (typeof GOVERNING_BODY_ROLES)[number];

/**
 * Kinds of organisation a person is employed by or holds office in, named after the categories of
 * CCG Regs 2012 Schedules 4 and 5 and reg 12(1).
 * - nhs_body: an NHS body other than a CCG, FT or PCT (NHS trust, SHA, Special Health Authority, the Board…)
 * - parliament: the UK Parliament, the European Parliament or the London Assembly
 * - member_practice / gp_practice: a practice that is / is not a member of this CCG
 */
export const ORGANISATION_KINDS = [
  'local_authority',
  'department_of_health',
  'nhs_body',
  'ccg',
  'foundation_trust',
  'pct',
  'cqc',
  'monitor',
  'provider_commissioned_by_ccg',
  'provider_commissioned_by_board',
  'social_services_contractor',
  'dental_arrangements_party',
  'commissioning_support_supplier',
  'parliament',
  'member_practice',
  'gp_practice',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** `contractor`: provides services, or contracts, in their own right (Sch 4 paras 8, 9 and 11; Sch 5 para 3). */
export const OFFICE_ROLES = [
  'employee',
  'director',
  'chair',
  'governor',
  'member',
  'shareholder',
  'partner',
  'officer',
  'contractor',
] as const;
export type OfficeRole = (typeof OFFICE_ROLES)[number];

/** A declared employment or office, effective-dated. */
export interface EmploymentOrOffice {
  readonly organisationName: string;
  /** ODS code, where the organisation is in the registry. */
  readonly organisationCode: string | null;
  readonly companyNumber: string | null;
  readonly organisationKind: OrganisationKind;
  readonly role: OfficeRole;
  readonly startDate: string;
  readonly endDate: string | null;
}

/** Facts about a person, as recorded by the CCG (the statutory tests are judged on these). */
export interface PersonAttributes {
  readonly isCcgEmployee: boolean;
  readonly hasAccountancyQualification: boolean;
  /** Reg 11(3)(a): "the expertise or experience to lead the financial management of the CCG". */
  readonly canLeadFinancialManagement: boolean;
  readonly nmcRegisteredNurse: boolean;
  /** Reg 11(6)(a): on the GMC Specialist Register, or eligible for it. */
  readonly gmcSpecialistRegisterOrEligible: boolean;
  /**
   * Reg 11(6)(b): held an NHS consultant post (or an armed forces medical specialty) at some time in
   * the 10 years ending with appointment, while meeting (a) and (c).
   */
  readonly nhsConsultantWithin10Years: boolean;
  /** On the GMC General Practitioner Register (reg 11(6)(c) excludes these). */
  readonly onGpRegister: boolean;
  readonly isGpOfMemberPractice: boolean;
  /** An individual who is a member of the CCG (s14L(4)(a)); not a lay person (s14N(6)). */
  readonly isIndividualMemberOfCcg: boolean;
  /** In a profession regulated under NHSRHCPA 2002 s25(3) other than nursing and medicine (s14N(6)). */
  readonly otherHealthCareProfessional: boolean;
  /** Reg 12(3): can express informed views about financial management and audit matters. */
  readonly financeAndAuditExpertise: boolean;
  /** Reg 12(4): knowledge of the CCG's area to express informed views about its functions. */
  readonly knowledgeOfArea: boolean;
}

/** Sch 5 para 4. `imprisonmentMonths` null: no sentence of imprisonment. */
export interface Conviction {
  readonly convictedOn: string;
  readonly description: string;
  readonly imprisonmentMonths: number | null;
  readonly suspended: boolean;
  readonly optionOfFine: boolean;
  readonly outsideUk: boolean;
  /** For a conviction outside the UK: would the act be an offence in the part of the UK concerned. */
  readonly wouldBeOffenceInUk: boolean;
}

/** Sch 5 para 5: a bankruptcy restrictions order or interim order (E&W, Scotland or NI). */
export interface BankruptcyRestriction {
  readonly kind: 'order' | 'interim_order';
  readonly startDate: string;
  readonly endDate: string | null;
}

/**
 * Employers for Sch 5 para 6. Only some of the para 6(1) list has been read: (a) the Board, (b) a
 * CCG, (f) an NHS foundation trust, (h) a Local Health Board, (u), (v) and (y) Northern Ireland bodies.
 * `other_health_body` is a health body whose place on the list is not confirmed.
 */
export const DISMISSAL_EMPLOYER_KINDS = [
  'nhs_commissioning_board',
  'ccg',
  'foundation_trust',
  'local_health_board',
  'ni_regional_agency_public_health',
  'ni_regional_business_services',
  'ni_patient_client_council',
  'other_health_body',
  'other',
] as const;
export type DismissalEmployerKind = (typeof DISMISSAL_EMPLOYER_KINDS)[number];

export interface Dismissal {
  readonly dismissedOn: string;
  readonly employerName: string;
  readonly employerKind: DismissalEmployerKind;
  readonly redundancy: boolean;
}

/** One appointment to the governing body. A person may hold several roles under one appointment. */
export interface GoverningBodyAppointment {
  readonly appointmentId: string;
  readonly roles: readonly GoverningBodyRole[];
  readonly startDate: string;
  /** The end of the term the CCG determined (reg 11(4)); `null` when none was set. */
  readonly termEndDate: string | null;
  /** The day the person actually left; `null` while serving. */
  readonly endDate: string | null;
}

export interface GoverningBodyPerson {
  readonly personId: string;
  readonly name: string;
  readonly attributes: PersonAttributes;
  readonly employments: readonly EmploymentOrOffice[];
  readonly convictions: readonly Conviction[];
  readonly bankruptcyRestrictions: readonly BankruptcyRestriction[];
  readonly dismissals: readonly Dismissal[];
  readonly appointments: readonly GoverningBodyAppointment[];
}

export interface GoverningBodyContext {
  /** ODS codes of the providers the CCG commissions services from (reg 12(1), Sch 4 para 8). */
  readonly commissionedProviderCodes: readonly string[];
  /** ODS codes of the CCG's member practices. */
  readonly memberPracticeCodes: readonly string[];
}

export interface GoverningBodyInput {
  readonly ccgCode: string;
  readonly people: readonly GoverningBodyPerson[];
  readonly context: GoverningBodyContext;
}

// ---- registers of interests (s14O) -------------------------------------------------------------

export const INTEREST_TYPES = [
  'financial',
  'non_financial_professional',
  'non_financial_personal',
  'indirect',
] as const;
export type InterestType = (typeof INTEREST_TYPES)[number];

/** The four populations of s14O(1)(a)–(d). */
export const DECLARANT_CAPACITIES = ['member', 'gb_member', 'committee_member', 'employee'] as const;
export type DeclarantCapacity = (typeof DECLARANT_CAPACITIES)[number];

export interface InterestDeclaration {
  readonly declarationId: string;
  readonly declarant: { readonly personId: string; readonly capacity: DeclarantCapacity };
  readonly interestType: InterestType;
  readonly description: string;
  /** The organisation or company the interest resolves to, where it can be resolved. */
  readonly entity: DeclaredEntity | null;
  /** When the interest arose (or the declarant became aware of it: s14O(3)(b)). */
  readonly aroseOn: string;
  readonly declaredOn: string;
  readonly startDate: string;
  readonly endDate: string | null;
  /** Last time the declarant confirmed the entry is still accurate (annual review); `null` if never. */
  readonly confirmedOn: string | null;
}

/** A return saying the person has no interests to declare. */
export interface NilReturn {
  readonly personId: string;
  readonly capacity: DeclarantCapacity;
  readonly returnedOn: string;
}

/** Someone who must be on the register (s14O(1)) for the period they hold the capacity. */
export interface RegisterPopulationMember {
  readonly personId: string;
  readonly name: string;
  readonly capacity: DeclarantCapacity;
  readonly startDate: string;
  readonly endDate: string | null;
}

export interface RegisterOfInterests {
  readonly population: readonly RegisterPopulationMember[];
  readonly declarations: readonly InterestDeclaration[];
  readonly nilReturns: readonly NilReturn[];
}

// ---- gifts and hospitality ---------------------------------------------------------------------

export interface GiftHospitalityEntry {
  readonly entryId: string;
  readonly personId: string;
  readonly kind: 'gift' | 'hospitality';
  readonly description: string;
  readonly offeredOn: string;
  readonly valuePence: number;
  readonly donor: {
    readonly name: string;
    readonly entity: DeclaredEntity | null;
    /** A supplier or contractor doing, or likely to do, business with the CCG. */
    readonly isSupplierOrContractor: boolean;
  };
  readonly cashOrVoucher: boolean;
  readonly accepted: boolean;
  readonly declaredOn: string | null;
  /** Who gave senior approval to accept hospitality above the refusal threshold, if anyone. */
  readonly seniorApprovalBy: string | null;
}

/** Thresholds of one guidance version, in pence. `null`: the version sets no such threshold. */
export interface GiftHospitalityThresholds {
  /** Gifts from suppliers/contractors are declined unless worth at most this; `null`: treated as other gifts. */
  readonly supplierGiftAcceptUpToPence: number | null;
  /** Other gifts worth more than this must be declared. */
  readonly giftDeclareAbovePence: number;
  /** Gifts above the declaration threshold may be accepted only on behalf of the organisation. */
  readonly giftAboveThresholdOnBehalfOfOrganisation: boolean;
  /** Gifts from one donor are added up over this many months; `null`: each gift on its own. */
  readonly cumulativeGiftWindowMonths: number | null;
  readonly declineCashAndVouchers: boolean;
  /** Hospitality worth more than this must be declared. */
  readonly hospitalityDeclareAbovePence: number;
  /** Hospitality worth more than this is refused unless senior approval is given; `null`: no limit. */
  readonly hospitalityRefuseAbovePence: number | null;
}

export interface GiftHospitalityTableVersion {
  readonly version: string;
  readonly title: string;
  readonly legalRef: string;
  readonly source: string;
  readonly confidence: Confidence;
  readonly enabled: boolean;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly reviewedOn: string;
  readonly thresholds: GiftHospitalityThresholds;
  /** Why each threshold has the value it has, by threshold name. */
  readonly notes: Readonly<Record<string, string>>;
}

export interface GiftHospitalityTable {
  readonly id: 'gifts-hospitality-thresholds';
  readonly versions: readonly GiftHospitalityTableVersion[];
}

export type GiftHospitalityOutcome =
  | 'accept_without_declaring'
  | 'accept_and_declare'
  | 'accept_on_behalf_of_organisation'
  | 'accept_with_senior_approval'
  | 'decline'
  | 'no_thresholds';

export interface GiftHospitalityAssessment {
  readonly entryId: string;
  /** The table version chosen by the entry's date; `null` when no enabled version covers it. */
  readonly tableVersion: string | null;
  readonly tableConfidence: Confidence | null;
  readonly outcome: GiftHospitalityOutcome;
  readonly mustDeclare: boolean;
  /** Must be declined (or, for hospitality, needed senior approval that was not given). */
  readonly prohibited: boolean;
  /** The value the thresholds were applied to (the cumulative value for repeated gifts). */
  readonly assessedValuePence: number;
  readonly reason: string;
  readonly violations: readonly GovernanceViolation[];
}

// ---- meetings and conflicts --------------------------------------------------------------------

export type MeetingPart = 'public' | 'private';

export const ATTENDEE_CATEGORIES = [
  'lay',
  'clinician',
  'gp',
  'registered_nurse',
  'secondary_care_doctor',
  'executive',
] as const;
export type AttendeeCategory = (typeof ATTENDEE_CATEGORIES)[number];

export interface MeetingAttendee {
  readonly personId: string;
  readonly name: string;
  readonly voting: boolean;
  readonly categories: readonly AttendeeCategory[];
  /** The attendee's entries in the register of interests. */
  readonly declarations: readonly InterestDeclaration[];
}

export interface AgendaItem {
  readonly itemId: string;
  readonly title: string;
  /** Defaults to the meeting's part. */
  readonly part?: MeetingPart;
  /** Why the item is taken in private; required for a private item. */
  readonly privateReason: string | null;
  readonly decision: boolean;
  readonly concernedEntities: readonly EntityRef[];
}

export type QuorumFallback = 'defer' | 'refer_to_committee' | 'co_opt';

/** The quorum rule from the constitution or the committee's terms of reference. */
export interface QuorumRule {
  readonly minimumMembers: number;
  readonly requiredRoles: readonly { readonly category: AttendeeCategory; readonly minimum: number }[];
  readonly fallback: QuorumFallback;
}

export interface MeetingConflictInput {
  readonly meeting: {
    readonly meetingId: string;
    readonly date: string;
    readonly part: MeetingPart;
    readonly chairPersonId: string;
    readonly deputyChairPersonId: string | null;
  };
  readonly agendaItems: readonly AgendaItem[];
  readonly attendees: readonly MeetingAttendee[];
  readonly quorum: QuorumRule;
}

/** How a conflict is managed: leave the room, take part without voting, or declare and take part. */
export type ConflictManagement = 'leave_room' | 'no_vote' | 'declare_only';
export type ConflictSeverity = 'high' | 'medium' | 'low';

export interface ItemConflict {
  readonly personId: string;
  readonly declarationId: string;
  readonly interestType: InterestType;
  /** The item's entity that matched the declaration (as written on the item). */
  readonly matchedEntity: EntityRef;
  readonly severity: ConflictSeverity;
  readonly management: ConflictManagement;
}

export type ItemChairBasis = 'chair' | 'deputy_chair' | 'lay_member' | 'none';

export interface QuorumResult {
  readonly quorate: boolean;
  /** Voting members who can take part in the item after recusals. */
  readonly eligibleVoters: readonly string[];
  readonly minimumMembers: number;
  /** Required categories short of their minimum, with how many are present. */
  readonly missingRoles: readonly {
    readonly category: AttendeeCategory;
    readonly minimum: number;
    readonly present: number;
  }[];
  /** The constitution's fallback, offered only when the item is inquorate. */
  readonly fallback: QuorumFallback | null;
}

export interface ItemPlan {
  readonly itemId: string;
  readonly title: string;
  readonly part: MeetingPart;
  readonly decision: boolean;
  readonly conflicts: readonly ItemConflict[];
  /** The strictest management per conflicted attendee. */
  readonly recusals: readonly { readonly personId: string; readonly management: ConflictManagement }[];
  readonly itemChair: { readonly personId: string | null; readonly basis: ItemChairBasis };
  readonly quorum: QuorumResult;
}

export interface MeetingConflictPlan {
  readonly meetingId: string;
  readonly date: string;
  readonly items: readonly ItemPlan[];
  /** In-force declarations the check could not match automatically (no entity, or an unreadable one). */
  readonly unresolvedDeclarations: readonly { readonly personId: string; readonly declarationId: string }[];
  readonly violations: readonly GovernanceViolation[];
}
