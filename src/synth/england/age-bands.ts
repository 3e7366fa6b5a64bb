/**
 * The age bands of the NHSBSA list-size file (ref_list_size) and the points of delivery of the activity
 * layout, in their fixed order. Every rate table in definitions/activity/synthetic-*.json is keyed by
 * these.
 */
import { AGE_BANDS, type AgeBand } from '../../modules/organisations/model.ts';

// The same bands as the organisations' population pyramids: one list, defined with the organisations.
export { AGE_BANDS, type AgeBand };

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

export const PODS = ['EL', 'DC', 'NEL', 'MAT', 'OPFA', 'OPFU', 'AE', 'COM', 'MH'] as const;
export type Pod = (typeof PODS)[number];

export const ADMITTED_PODS = ['EL', 'DC', 'NEL', 'MAT'] as const;
export type AdmittedPod = (typeof ADMITTED_PODS)[number];

export const ACTIVITY_TYPE_OF_POD: Readonly<Record<Pod, string>> = {
  EL: 'apc',
  DC: 'apc',
  NEL: 'apc',
  MAT: 'apc',
  OPFA: 'op',
  OPFU: 'op',
  AE: 'ae',
  COM: 'community',
  MH: 'mental_health',
};

export const AGE_CLASSES = ['infant', 'child', 'adult', 'older'] as const;
export type AgeClass = (typeof AGE_CLASSES)[number];

/** The first and last single year of age of a band; the open band's last year is the configured maximum. */
export function bandBounds(band: AgeBand, maximumAge: number): readonly [number, number] {
  if (band === '75+') return [75, maximumAge];
  const [lo, hi] = band.split('-').map(Number);
  return [lo!, hi!];
}

export function isAgeBand(value: string): value is AgeBand {
  return (AGE_BANDS as readonly string[]).includes(value);
}
