import type { CcgAuthorisationSummary, EvidenceStatus, LifecycleStatus, SummaryJuly2013 } from './types.ts';

/** The six domains of the authorisation criteria (definitions/authorisation/criteria.json). */
export const DOMAIN_TITLES: Readonly<Record<number, string>> = {
  1: 'Clinical focus',
  2: 'Patient engagement',
  3: 'Plans',
  4: 'Governance',
  5: 'Collaboration',
  6: 'Leadership',
};

export function domainLabel(domain: number): string {
  return `Domain ${domain}: ${DOMAIN_TITLES[domain] ?? 'Unknown'}`;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI'];

export function supportLevelLabel(level: number): string {
  return `Level ${ROMAN[level] ?? level}`;
}

export type OutcomeCategory = 'authorised' | 'conditions' | 'directions';

/** The map's three outcomes: directions at go-live outrank conditions alone. */
export function outcomeCategory(c: CcgAuthorisationSummary): OutcomeCategory {
  if (c.directionsAtGoLive || c.outcome === 'not_authorised') return 'directions';
  return c.outcome === 'authorised' ? 'authorised' : 'conditions';
}

export const OUTCOME_LABELS: Readonly<Record<OutcomeCategory, string>> = {
  authorised: 'Authorised',
  conditions: 'Authorised with conditions',
  directions: 'Under directions at go-live',
};

export const OUTCOME_COLOURS: Readonly<Record<OutcomeCategory, string>> = {
  authorised: '#007f3b',
  conditions: '#ffb81c',
  directions: '#d5281b',
};

export function outcomeLabel(c: Pick<CcgAuthorisationSummary, 'outcome'>): string {
  return c.outcome === 'authorised'
    ? 'Authorised'
    : c.outcome === 'authorised_with_conditions'
      ? 'Authorised with conditions'
      : 'Established, not authorised (under directions)';
}

export const JULY_2013_LABELS: Readonly<Record<SummaryJuly2013, string>> = {
  no_conditions: 'No conditions',
  lifted_before_review: 'Conditions lifted before the review',
  lifted_in_review: 'Conditions lifted in the July 2013 review',
  remaining: 'Conditions remaining after the review',
  decided_after_review: 'Decided after the July 2013 review',
};

export const STATUS_LABELS: Readonly<Record<LifecycleStatus, string>> = {
  emerging: 'Emerging',
  pathfinder: 'Pathfinder',
  applicant: 'Applicant (being assessed)',
  established_authorised: 'Authorised',
  established_with_conditions: 'Authorised with conditions',
  established_not_authorised_under_directions: 'Established, not authorised, under directions',
  merged: 'Merged',
  dissolved: 'Dissolved',
};

export function directionExerciser(d: {
  readonly exercisedBy: { readonly kind: string; readonly ccgCode?: string; readonly ccgName?: string };
}): string {
  if (d.exercisedBy.kind === 'board') return 'the Board';
  if (d.exercisedBy.kind === 'ccg_itself') return 'the CCG itself';
  return d.exercisedBy.ccgName ?? d.exercisedBy.ccgCode ?? 'another CCG';
}

export const EVIDENCE_LABELS: Readonly<Record<EvidenceStatus, string>> = {
  met: 'Met',
  gap: 'Gap',
  manual: 'Manual evidence',
  no_data: 'No data',
  none: 'Not linked',
};

export const EVIDENCE_TAGS: Readonly<Record<EvidenceStatus, string>> = {
  met: 'tag tag--current',
  gap: 'tag tag--error',
  manual: 'tag tag--pending',
  no_data: 'tag tag--ended',
  none: 'tag tag--ended',
};

/** The note every page with the demo's data carries. */
export const SYNTHETIC_NOTE =
  'Made up for the demo: only CCGs and facts named in published sources are real; the rest is generated.';
