/** The authorisation API's answers, as the web app reads them (shapes from src/modules/authorisation). */
import type {
  DemoCcgAuthorisation,
  DemoOutcome,
  DomainNumber,
  FactBasis,
  July2013Status,
  LinkedEvidenceResult,
  LinkedEvidenceStatus,
  WaveNumber,
} from '../../../modules/authorisation/model.ts';

export type { DemoCcgAuthorisation, DemoOutcome, FactBasis, July2013Status };

export interface WaveTally {
  readonly wave: WaveNumber;
  readonly ccgs: number;
  readonly authorised: number;
  readonly withConditions: number;
  readonly underDirections: number;
}

export interface DomainTally {
  readonly domain: DomainNumber;
  readonly conditions: number;
}

export interface AuthorisationStatusResponse {
  readonly totals: {
    readonly ccgs: number;
    readonly authorised: number;
    readonly withConditions: number;
    readonly underDirectionsAtGoLive: number;
    readonly conditionsLiftedInJuly2013Review: number;
  };
  readonly byWave: readonly WaveTally[];
  readonly conditionsByDomain: readonly DomainTally[];
  readonly items: readonly DemoCcgAuthorisation[];
}

export interface CcgAuthorisationResponse {
  readonly authorisation: DemoCcgAuthorisation;
}

export type EvidenceStatus = LinkedEvidenceStatus | 'none';

export interface ReadinessCriterion {
  readonly id: string;
  readonly domain: DomainNumber;
  readonly wording: string;
  readonly provenance: 'real' | 'reconstructed';
  readonly evidence: {
    readonly criterionId: string;
    readonly status: EvidenceStatus;
    readonly links: readonly LinkedEvidenceResult[];
  };
}

export interface ReadinessResponse {
  readonly ccgCode: string;
  readonly ccgName: string;
  readonly asAt: string;
  readonly criteriaVersion: string;
  readonly summary: {
    readonly criteria: number;
    readonly met: number;
    readonly gaps: number;
    readonly manual: number;
    readonly noData: number;
    readonly notLinked: number;
  };
  readonly criteria: readonly ReadinessCriterion[];
}
