import type { QuorumRule } from './model.ts';

/** What a CCG constitution holds (NHS Act 2006 Sch 1A; the model constitution framework, 2012). */
export interface ConstitutionContent {
  readonly name: string;
  /** A description of the area, e.g. the local authorities it covers. */
  readonly area: string;
  /** ODS codes of the member practices named in the constitution. */
  readonly members: readonly string[];
  readonly decisionMaking: {
    readonly schemeOfReservationAndDelegation: readonly string[];
    readonly committees: readonly { readonly name: string; readonly quorum: QuorumRule }[];
    readonly governingBodyQuorum: QuorumRule | null;
  };
  readonly conflictsOfInterest: string;
  readonly transparency: string;
  readonly publicInvolvement: string;
}

export type ConstitutionStatus = 'draft' | 'submitted' | 'approved' | 'rejected';

export interface ConstitutionVersion {
  readonly ccgCode: string;
  readonly version: number;
  readonly effectiveFrom: string;
  readonly status: ConstitutionStatus;
  readonly content: ConstitutionContent;
  readonly submittedAt: string | null;
  readonly decidedAt: string | null;
  readonly decidedBy: string | null;
  readonly decisionNote: string | null;
  readonly synthetic: boolean;
}
