/**
 * Which CCGs get which deliberate faults. Governing body faults go to distinct CCGs (one each), so
 * every other CCG's governing body is clean; register, gifts and meeting faults are drawn separately.
 * Counts scale with the number of CCGs (the base counts are for England's 211).
 */
import { createRng } from '../random.ts';
import type { SynthCcg } from './types.ts';

export const FAULT_KINDS = [
  'no_registered_nurse',
  'no_secondary_care_doctor',
  'nurse_tied_to_commissioned_provider',
  'doctor_tied_to_commissioned_provider',
  'lay_member_council_employee',
  'councillor_on_governing_body',
  'audit_lay_member_chairs',
  'late_declaration',
  'missing_nil_return',
  'missed_annual_review',
  'undeclared_hospitality',
  'inquorate_item',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The rule id each fault should make the checks report. */
export const FAULT_RULE_IDS: Record<FaultKind, string> = {
  no_registered_nurse: 'GB-NURSE',
  no_secondary_care_doctor: 'GB-SECONDARY-CARE-DOCTOR',
  nurse_tied_to_commissioned_provider: 'GB-NURSE-INDEPENDENT',
  doctor_tied_to_commissioned_provider: 'GB-SECONDARY-CARE-INDEPENDENT',
  lay_member_council_employee: 'GB-LAY-SCH4-EXCLUSION',
  councillor_on_governing_body: 'GB-SCH5-DISQUALIFICATION',
  audit_lay_member_chairs: 'GB-CHAIR-NOT-AUDIT-LAY',
  late_declaration: 'ROI-28-DAY',
  missing_nil_return: 'ROI-NIL-RETURN',
  missed_annual_review: 'ROI-ANNUAL-REVIEW',
  undeclared_hospitality: 'GH-UNDECLARED',
  inquorate_item: 'MTG-INQUORATE',
};

/** How many of England's 211 CCGs get each fault. */
const BASE_COUNTS: Record<FaultKind, number> = {
  no_registered_nurse: 5,
  no_secondary_care_doctor: 4,
  nurse_tied_to_commissioned_provider: 2,
  doctor_tied_to_commissioned_provider: 2,
  lay_member_council_employee: 2,
  councillor_on_governing_body: 2,
  audit_lay_member_chairs: 2,
  late_declaration: 8,
  missing_nil_return: 5,
  missed_annual_review: 5,
  undeclared_hospitality: 5,
  inquorate_item: 4,
};

const GOVERNING_BODY_FAULTS: readonly FaultKind[] = [
  'no_registered_nurse',
  'no_secondary_care_doctor',
  'nurse_tied_to_commissioned_provider',
  'doctor_tied_to_commissioned_provider',
  'lay_member_council_employee',
  'councillor_on_governing_body',
  'audit_lay_member_chairs',
];

/**
 * The wave 1 CCGs authorised with a condition for having no nurse on the governing body
 * (REFERENCE.md §1.7, Nursing Times 5052941): matched on the normalised CCG name.
 */
export const WAVE_1_NO_NURSE = [
  'wokingham',
  'newbury',
  'north and west reading',
  'south reading',
  'wandsworth',
] as const;

export const normaliseCcgName = (name: string): string =>
  name.toLowerCase().replace(/&/g, ' and ').replace(/\s+/g, ' ').trim();

export const isWave1NoNurse = (name: string): boolean => {
  const normalised = normaliseCcgName(name);
  return WAVE_1_NO_NURSE.some((w) => normalised.includes(w));
};

const scaled = (base: number, n: number): number => (n === 0 ? 0 : Math.max(1, Math.round((base * n) / 211)));

const needsProviders = (kind: FaultKind): boolean =>
  kind === 'nurse_tied_to_commissioned_provider' || kind === 'doctor_tied_to_commissioned_provider';

/** The faults of each CCG, by input position. */
export function planFaults(seed: string, ccgs: readonly SynthCcg[]): Set<FaultKind>[] {
  const n = ccgs.length;
  const plan = ccgs.map(() => new Set<FaultKind>());
  const eligible = (i: number, kind: FaultKind) =>
    !needsProviders(kind) || ccgs[i]!.commissionedProviderCodes.length > 0;
  const indices = ccgs.map((_, i) => i);

  const withGbFault = new Set<number>();
  const wave1 = indices.filter((i) => isWave1NoNurse(ccgs[i]!.name));
  for (const i of wave1) {
    plan[i]!.add('no_registered_nurse');
    withGbFault.add(i);
  }
  const order = createRng(seed, 'faults', 'governing-body').shuffle(indices);
  for (const kind of GOVERNING_BODY_FAULTS) {
    const already = kind === 'no_registered_nurse' ? wave1.length : 0;
    let wanted = scaled(BASE_COUNTS[kind], n) - already;
    for (const i of order) {
      if (wanted <= 0) break;
      if (withGbFault.has(i) || !eligible(i, kind)) continue;
      plan[i]!.add(kind);
      withGbFault.add(i);
      wanted--;
    }
  }

  for (const kind of FAULT_KINDS.filter((k) => !GOVERNING_BODY_FAULTS.includes(k))) {
    for (const i of createRng(seed, 'faults', kind).sample(indices, scaled(BASE_COUNTS[kind], n))) {
      plan[i]!.add(kind);
    }
  }
  return plan;
}
