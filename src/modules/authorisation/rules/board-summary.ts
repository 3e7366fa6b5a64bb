/**
 * The national authorisation board, read from each CCG's stored lifecycle state: wave, outcome,
 * conditions and directions, whether directions stood at go-live, where the conditions stood after the
 * July 2013 review, and the totals by wave and domain. Each field keeps the provenance stored with it
 * (demo data says real, inferred or synthetic; data recorded through the platform says recorded).
 */
import type {
  CcgAuthorisationState,
  CcgAuthorisationSummary,
  DomainNumber,
  FactProvenance,
  StateSnapshot,
  StoredProvenance,
  SummaryField,
  SummaryJuly2013,
  SummaryOutcome,
  WaveNumber,
} from '../model.ts';
import { SUMMARY_FIELDS } from '../model.ts';

/** One CCG as stored: its state, name and the provenance the demo (or nobody) gave it. */
export interface StoredCcg {
  readonly ccgCode: string;
  readonly ccgName: string;
  readonly state: CcgAuthorisationState | StateSnapshot;
  readonly provenance: StoredProvenance | null;
}

/** The days a review ran over (a month, where the sources give only the month). */
export interface ReviewWindow {
  readonly from: string;
  readonly to: string;
}

/** `2013-07` → 1–31 July 2013. */
export function monthWindow(month: string): ReviewWindow {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

const OUTCOME: Record<string, SummaryOutcome> = {
  authorise: 'authorised',
  authorise_with_conditions: 'authorised_with_conditions',
  not_authorised_with_directions: 'not_authorised',
};

const inForceOn = (day: string) => (x: { givenOn?: string; liftedOn: string | null }) =>
  (x.givenOn === undefined || x.givenOn <= day) && (x.liftedOn === null || x.liftedOn > day);

function july2013(
  decidedOn: string,
  conditions: readonly { liftedOn: string | null }[],
  review: ReviewWindow,
): SummaryJuly2013 {
  if (decidedOn > review.to) return 'decided_after_review';
  if (!conditions.length) return 'no_conditions';
  if (conditions.some((c) => c.liftedOn === null || c.liftedOn > review.to)) return 'remaining';
  return conditions.every((c) => c.liftedOn! < review.from) ? 'lifted_before_review' : 'lifted_in_review';
}

/** A CCG's summary, or null while it has no decision (or has merged or dissolved: its state ended). */
export function summariseCcg(
  stored: StoredCcg,
  context: { readonly establishmentDate: string; readonly review: ReviewWindow },
): CcgAuthorisationSummary | null {
  const s = stored.state;
  if (
    s.status !== 'established_authorised' &&
    s.status !== 'established_with_conditions' &&
    s.status !== 'established_not_authorised_under_directions'
  ) {
    return null;
  }
  const recorded = (what: string): FactProvenance => ({
    basis: 'recorded',
    source: `${what} recorded through the platform (the CCG's lifecycle history)`,
  });
  const p = stored.provenance;
  const field = (f: SummaryField) => p?.fields[f] ?? recorded(f);
  const conditions = s.conditions.map((c) => ({
    ...c,
    criterionId: c.criterionIds[0]!,
    criterion: p?.conditions[c.conditionId]?.criterion ?? recorded('Criterion'),
    level: p?.conditions[c.conditionId]?.level ?? recorded('Support level'),
  }));
  const directions = s.directions.map((d) => ({
    ...d,
    provenance: p?.directions[d.directionId] ?? recorded('Direction'),
  }));
  const status = july2013(s.decision.decidedOn, s.conditions, context.review);
  const provenance = Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, field(f)])) as Record<
    SummaryField,
    FactProvenance
  >;
  const synthetic =
    Object.values(provenance).some((x) => x.basis === 'synthetic') ||
    conditions.some((c) => c.criterion.basis === 'synthetic' || c.level.basis === 'synthetic') ||
    directions.some((d) => d.provenance.basis === 'synthetic');
  return {
    code: stored.ccgCode,
    name: stored.ccgName,
    status: s.status,
    wave: s.application.wave,
    outcome: OUTCOME[s.decision.outcome]!,
    decidedOn: s.decision.decidedOn,
    establishedOn: s.decision.establishedOn,
    conditionCount: conditions.length,
    openConditions: conditions.filter((c) => c.liftedOn === null).length,
    conditions,
    directions,
    directionsAtGoLive: s.directions.some(inForceOn(context.establishmentDate)),
    july2013: status,
    conditionsLiftedInJuly2013Review: status === 'lifted_in_review',
    directionsAfterJuly2013: s.directions.some(inForceOn(context.review.to)),
    provenance,
    synthetic,
  };
}

export interface BoardStatus {
  readonly totals: {
    readonly ccgs: number;
    readonly authorised: number;
    readonly withConditions: number;
    readonly notAuthorised: number;
    readonly underDirectionsAtGoLive: number;
    readonly conditionsLiftedInJuly2013Review: number;
    readonly underDirectionsAfterJuly2013: number;
  };
  /** Where the CCGs stand now (conditions lifted since, directions given or lifted). */
  readonly current: {
    readonly authorised: number;
    readonly withConditions: number;
    readonly notAuthorisedUnderDirections: number;
    readonly openConditions: number;
    readonly underDirections: number;
  };
  readonly byWave: readonly {
    readonly wave: WaveNumber;
    readonly ccgs: number;
    readonly authorised: number;
    readonly withConditions: number;
    readonly underDirections: number;
  }[];
  readonly conditionsByDomain: readonly { readonly domain: DomainNumber; readonly conditions: number }[];
  readonly items: readonly CcgAuthorisationSummary[];
}

/** Totals over every summarised CCG; `items` only those of `wave` when given. */
export function boardStatus(
  all: readonly CcgAuthorisationSummary[],
  filter: { readonly wave?: number | undefined } = {},
): BoardStatus {
  const count = (pred: (c: CcgAuthorisationSummary) => boolean, list = all) => list.filter(pred).length;
  return {
    totals: {
      ccgs: all.length,
      authorised: count((c) => c.outcome === 'authorised'),
      withConditions: count((c) => c.outcome === 'authorised_with_conditions'),
      notAuthorised: count((c) => c.outcome === 'not_authorised'),
      underDirectionsAtGoLive: count((c) => c.directionsAtGoLive),
      conditionsLiftedInJuly2013Review: count((c) => c.conditionsLiftedInJuly2013Review),
      underDirectionsAfterJuly2013: count((c) => c.directionsAfterJuly2013),
    },
    current: {
      authorised: count((c) => c.status === 'established_authorised'),
      withConditions: count((c) => c.status === 'established_with_conditions'),
      notAuthorisedUnderDirections: count((c) => c.status === 'established_not_authorised_under_directions'),
      openConditions: all.reduce((n, c) => n + c.openConditions, 0),
      underDirections: count((c) => c.directions.some((d) => d.liftedOn === null)),
    },
    byWave: ([1, 2, 3, 4] as const).map((wave) => {
      const inWave = all.filter((c) => c.wave === wave);
      return {
        wave,
        ccgs: inWave.length,
        authorised: count((c) => c.outcome === 'authorised', inWave),
        withConditions: count((c) => c.outcome === 'authorised_with_conditions', inWave),
        underDirections: count((c) => c.directionsAtGoLive, inWave),
      };
    }),
    conditionsByDomain: ([1, 2, 3, 4, 5, 6] as const).map((domain) => ({
      domain,
      conditions: all.reduce((n, c) => n + c.conditions.filter((k) => k.domain === domain).length, 0),
    })),
    items: all.filter((c) => filter.wave === undefined || c.wave === filter.wave),
  };
}
