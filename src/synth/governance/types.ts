/**
 * Shapes of the synthetic governance demo data: for each CCG a governing body and other people on
 * the register of interests, declarations, nil returns, gifts and hospitality, upcoming meetings, a
 * constitution, and the faults planted on purpose. Everything is synthetic; the organisations it
 * refers to (practices, providers, CSUs) are the real ones passed in.
 */
import type {
  AgendaItem,
  AttendeeCategory,
  GiftHospitalityEntry,
  GoverningBodyPerson,
  InterestDeclaration,
  NilReturn,
  QuorumRule,
  RegisterPopulationMember,
} from '../../modules/governance/model.ts';

/** One CCG as the generator needs it, from the registry. */
export interface SynthCcg {
  /** ODS code, e.g. `10W`. */
  readonly code: string;
  /** e.g. `NHS South Reading` or `NHS South Reading CCG`. */
  readonly name: string;
  /** ODS codes of the CCG's member practices. */
  readonly memberPracticeCodes: readonly string[];
  /** ODS codes of providers the CCG commissions from (its nearby trusts). */
  readonly commissionedProviderCodes: readonly string[];
  /** ODS code of the CSU supporting the CCG. */
  readonly csuCode: string | null;
  readonly localAuthorityNames: readonly string[];
}

export interface GovernanceSynthInput {
  readonly seed: string;
  readonly ccgs: readonly SynthCcg[];
  /** The date the data describes (YYYY-MM-DD, on or after 2013-04-01); meetings fall after it. */
  readonly asAt: string;
  /** Optional registry names by ODS code (practices, providers, CSUs, CCGs); otherwise "Provider RXX" etc. */
  readonly organisationNames?: Readonly<Record<string, string>>;
  /** Optional: provider codes that are NHS foundation trusts (otherwise an employer is taken as an NHS trust). */
  readonly foundationTrustCodes?: readonly string[];
}

export type SynthMeetingBody = 'governing_body' | 'audit_committee' | 'remuneration_committee';

export interface SynthMeetingAttendee {
  readonly personId: string;
  readonly voting: boolean;
  readonly categories: readonly AttendeeCategory[];
}

/** An upcoming meeting; its quorum is the constitution's rule for the body. */
export interface SynthMeeting {
  readonly meetingId: string;
  readonly body: SynthMeetingBody;
  readonly date: string;
  readonly part: 'public';
  readonly chairPersonId: string;
  readonly deputyChairPersonId: string | null;
  readonly quorum: QuorumRule;
  readonly agendaItems: readonly AgendaItem[];
  readonly attendees: readonly SynthMeetingAttendee[];
}

export interface SynthCommittee {
  readonly name: string;
  readonly quorum: QuorumRule;
}

export interface SynthConstitution {
  /** e.g. `NHS South Reading Clinical Commissioning Group`. */
  readonly name: string;
  readonly area: string;
  /** ODS codes of the member practices. */
  readonly members: readonly string[];
  readonly decisionMaking: {
    readonly schemeOfReservationAndDelegation: readonly string[];
    readonly committees: readonly SynthCommittee[];
    readonly governingBodyQuorum: QuorumRule;
  };
  readonly conflictsOfInterest: string;
  readonly transparency: string;
  readonly publicInvolvement: string;
}

/** A deliberate fault, and the rule id the checks should report for it. */
export interface PlantedFault {
  readonly ccgCode: string;
  readonly ruleId: string;
  readonly description: string;
}

export interface CcgGovernanceSeed {
  readonly ccgCode: string;
  /**
   * Governing body members (with appointments), then committee members, employees and member GPs
   * (no appointments; their capacity is in `population`).
   */
  readonly people: readonly GoverningBodyPerson[];
  /** Everyone the register of interests must cover (s14O(1)), with their capacity. */
  readonly population: readonly RegisterPopulationMember[];
  readonly declarations: readonly InterestDeclaration[];
  readonly nilReturns: readonly NilReturn[];
  readonly gifts: readonly GiftHospitalityEntry[];
  readonly meetings: readonly SynthMeeting[];
  readonly constitution: SynthConstitution;
  readonly faults: readonly PlantedFault[];
}

export interface GovernanceSeed {
  readonly synthetic: true;
  readonly seed: string;
  readonly asAt: string;
  /** One per input CCG, in input order. */
  readonly ccgs: readonly CcgGovernanceSeed[];
}
