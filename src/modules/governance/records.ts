import type { ConstitutionContent } from './constitution-model.ts';
import type {
  AgendaItem,
  AttendeeCategory,
  ConflictManagement,
  EntityRef,
  GovernanceViolation,
  InterestDeclaration,
  QuorumRule,
} from './model.ts';

/**
 * Stored governance records beyond the rule inputs: meetings with their outcome and minutes, breaches,
 * and entries in the register of procurement decisions. `synthetic` marks generated demo data.
 */

export const MEETING_BODIES = [
  'governing_body',
  'audit_committee',
  'remuneration_committee',
  'other_committee',
] as const;
export type MeetingBody = (typeof MEETING_BODIES)[number];
export type MeetingStatus = 'draft' | 'held' | 'published';

export interface MeetingAttendance {
  readonly personId: string;
  readonly voting: boolean;
  readonly categories: readonly AttendeeCategory[];
}

export interface Meeting {
  readonly meetingId: string;
  readonly ccgCode: string;
  readonly body: MeetingBody;
  readonly date: string;
  readonly part: 'public' | 'private';
  readonly chairPersonId: string;
  readonly deputyChairPersonId: string | null;
  readonly quorum: QuorumRule;
  readonly agendaItems: readonly AgendaItem[];
  readonly attendees: readonly MeetingAttendance[];
  readonly status: MeetingStatus;
  readonly minutes: Minutes | null;
  readonly publishedAt: string | null;
  readonly synthetic: boolean;
}

/** What happened at the meeting, item by item: the record the minutes are made from. */
export interface ItemOutcome {
  readonly itemId: string;
  /** How each conflict was actually handled (the plan proposes; the chair decides). */
  readonly conflictsHandled: readonly {
    readonly personId: string;
    readonly declarationId: string | null;
    readonly management: ConflictManagement;
    readonly note: string;
  }[];
  readonly chairedBy: string | null;
  readonly quorate: boolean;
  readonly discussion: string;
  readonly decision: string | null;
  readonly votes: { readonly for: number; readonly against: number; readonly abstain: number } | null;
  /** Whether the decision is about procurement or a contract (it then enters the register). */
  readonly procurement: boolean;
}

export interface Minutes {
  readonly presentPersonIds: readonly string[];
  /** Interests declared at the meeting itself (also added to the register). */
  readonly declarationsAtMeeting: readonly InterestDeclaration[];
  readonly items: readonly ItemOutcome[];
  readonly recordedAt: string;
}

export interface Breach {
  readonly breachId: string;
  readonly ccgCode: string;
  readonly reportedOn: string;
  readonly personId: string | null;
  readonly description: string;
  readonly actionTaken: string;
  readonly synthetic: boolean;
}

export interface ProcurementDecision {
  readonly id: number;
  readonly ccgCode: string;
  readonly decidedOn: string;
  readonly meetingId: string | null;
  readonly itemId: string | null;
  readonly description: string;
  readonly concernedEntities: readonly EntityRef[];
  readonly participants: readonly {
    readonly personId: string;
    readonly name: string;
    readonly voting: boolean;
  }[];
  readonly conflicts: readonly {
    readonly personId: string;
    readonly name: string;
    readonly management: ConflictManagement;
    readonly note: string;
  }[];
  readonly source: string;
  readonly synthetic: boolean;
}

export interface ComplianceSummary {
  readonly ccgCode: string;
  readonly asAt: string;
  readonly counts: { readonly error: number; readonly warning: number };
  readonly violations: readonly GovernanceViolation[];
}

export type { ConstitutionContent };
