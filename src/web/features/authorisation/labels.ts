import type { DemoCcgAuthorisation, EvidenceStatus, July2013Status } from './types.ts';

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
export function outcomeCategory(c: DemoCcgAuthorisation): OutcomeCategory {
  if (c.directionsAtGoLive) return 'directions';
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

export function outcomeLabel(c: DemoCcgAuthorisation): string {
  return c.outcome === 'authorised' ? 'Authorised' : 'Authorised with conditions';
}

export const JULY_2013_LABELS: Readonly<Record<July2013Status, string>> = {
  no_conditions: 'No conditions',
  lifted_before_review: 'Conditions lifted before the review',
  lifted_in_review: 'Conditions lifted in the July 2013 review',
  remaining: 'Conditions remaining after the review',
};

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
