import { describe, expect, it } from 'vitest';
import {
  type BptArea,
  type PricedActivity,
  type PriceEntry,
  type PricingOptions,
  type PricingRow,
  priceKey,
  type Tariff,
} from '../model.ts';
import { priceActivity } from './price-activity.ts';
import { applySwitches } from './switches.ts';

/**
 * Table tests on a small hand-made tariff, so that every expected figure is worked out by hand:
 * round(x × bp / 10000) to the penny, halves away from zero.
 */

const LABEL = 'derived from 2013-14 reference costs';
const national = (
  e: Partial<PriceEntry> & Pick<PriceEntry, 'pod' | 'currency' | 'pricePence'>,
): PriceEntry => ({
  treatmentFunction: '',
  departmentType: '',
  shortStayPricePence: null,
  trimPointDays: null,
  excessBedDayPricePence: null,
  source: 'national_tariff_derived',
  label: LABEL,
  bptArea: null,
  ...e,
});
const local = (pod: 'COM' | 'MH', currency: string, pricePence: number): PriceEntry =>
  national({ pod, currency, pricePence, source: 'local_price', label: 'illustrative local price' });

const entries: PriceEntry[] = [
  national({
    pod: 'EL',
    currency: 'HB12A',
    pricePence: 786_117,
    trimPointDays: 36,
    excessBedDayPricePence: 32_845,
    bptArea: 'primary_hip_knee_replacement',
  }),
  national({ pod: 'DC', currency: 'GA10K', pricePence: 182_587, bptArea: 'cholecystectomy' }),
  national({
    pod: 'NEL',
    currency: 'HA11A',
    pricePence: 1_340_818,
    shortStayPricePence: 271_083,
    trimPointDays: 65,
    excessBedDayPricePence: 31_165,
    bptArea: 'fragility_hip_fracture',
  }),
  national({
    pod: 'NEL',
    currency: 'XX01Z',
    pricePence: 100_000,
    trimPointDays: 10,
    excessBedDayPricePence: 20_000,
  }),
  national({
    pod: 'MAT',
    currency: 'NZ30C',
    pricePence: 212_165,
    shortStayPricePence: 122_308,
    trimPointDays: 8,
    excessBedDayPricePence: 40_589,
  }),
  national({ pod: 'OPFA', currency: 'WF01B', treatmentFunction: '110', pricePence: 13_000 }),
  national({ pod: 'OPFU', currency: 'WF01A', treatmentFunction: '110', pricePence: 10_535 }),
  national({ pod: 'AE', currency: 'VB01Z', departmentType: '01', pricePence: 32_481 }),
  national({ pod: 'AE', currency: 'VB01Z', departmentType: '04', pricePence: 2_721 }),
  local('COM', 'N02AF', 3_726),
  local('MH', 'MHSTIAPTA', 9_401),
];

const area = (
  id: string,
  pods: BptArea['pods'],
  hrg: string,
  met: [number, number],
  notMet: [number, number],
  minimumAge: number | null = null,
): BptArea => ({
  id,
  title: id,
  enabled: true,
  pods,
  hrgCodes: [hrg],
  minimumAge,
  criteriaMet: { shareOfBaseBp: met[0], fixedPence: met[1] },
  criteriaNotMet: { shareOfBaseBp: notMet[0], fixedPence: notMet[1] },
});

const DEFAULTS: PricingOptions = {
  shortStayEmergency: 'reference_cost_short_stay',
  applyMff: true,
  bptMissingCriteria: 'not_met',
  bptAreas: [
    area('fragility_hip_fracture', ['NEL'], 'HA11A', [0, 133_500], [0, 0], 60),
    area('cholecystectomy', ['DC'], 'GA10K', [500, 0], [-500, 0]),
    area('primary_hip_knee_replacement', ['EL'], 'HB12A', [0, 0], [-300, 0]),
  ],
  readmissions: {
    windowDays: 30,
    scope: 'same_provider',
    avoidableShareBp: 2500,
    exclusions: [
      {
        id: 'no_national_tariff',
        title: 'No national tariff',
        enabled: true,
        anyOf: [{ noNationalPrice: true }],
      },
      {
        id: 'maternity',
        title: 'Maternity',
        enabled: true,
        anyOf: [{ field: 'point_of_delivery', in: ['MAT'] }],
      },
      {
        id: 'children_under_4',
        title: 'Under 4',
        enabled: true,
        anyOf: [{ field: 'age_at_activity_date', lessThan: 4 }],
      },
    ],
  },
  marginalRate: {
    ratePaidAboveBaselineBp: 3000,
    pods: ['NEL'],
    phasing: 'year_to_date',
    baselineMethod: 'share_of_outturn',
    baselineShareOfOutturnBp: 9000,
  },
};

const TARIFF: Tariff = {
  version: 'test',
  label: LABEL,
  prices: new Map(
    entries.map((e) => [priceKey(e.pod, e.currency, e.treatmentFunction, e.departmentType), e]),
  ),
  mff: new Map([
    ['RAA', 12_106],
    ['RBB', 9_702],
  ]),
  defaults: DEFAULTS,
};

const ACTIVITY_TYPE: Record<string, string> = {
  OPFA: 'op',
  OPFU: 'op',
  AE: 'ae',
  COM: 'community',
  MH: 'mental_health',
};

/** A row at `pod` for `hrg`, admitted on 1 May 2013 for `los` days (null: no discharge date). */
function row(pod: string, hrg: string, los: number | null, overrides: Partial<PricingRow> = {}): PricingRow {
  const admitted = ['EL', 'DC', 'NEL', 'MAT'].includes(pod);
  const end = los === null ? null : new Date(Date.UTC(2013, 4, 1 + los)).toISOString().slice(0, 10);
  return {
    activity_type: ACTIVITY_TYPE[pod] ?? 'apc',
    point_of_delivery: pod,
    admission_method: admitted ? (pod === 'NEL' ? '21' : pod === 'MAT' ? '31' : '11') : null,
    admission_source: admitted ? '19' : null,
    discharge_method: admitted ? '1' : null,
    activity_start_date: '2013-05-01',
    activity_end_date: admitted ? end : null,
    age_at_activity_date: 70,
    residence_country: 'england',
    provider_code: 'RBB',
    hrg_code: hrg,
    treatment_function_code: '110',
    service_category: 'ccg_acute',
    ae_department_type: null,
    best_practice_criteria_met: null,
    emergency_readmission_30d: false,
    ...overrides,
  };
}

type Expected = Partial<PricedActivity>;
interface Case {
  readonly name: string;
  readonly row: PricingRow;
  readonly switches?: Record<string, string>;
  readonly expected: Expected;
}

const priced = (price: number, extra: Expected = {}): Expected => ({
  price,
  priceSource: 'national_tariff_derived',
  reason: LABEL,
  readmissionDeduction: 0,
  ...extra,
});
const noPrice = (reason: string): Expected => ({
  priceSource: 'no_price',
  reason,
  basePrice: 0,
  excessBedDays: 0,
  excessBedDayPayment: 0,
  bptAdjustment: 0,
  mffFactor: null,
  readmissionDeduction: 0,
  price: 0,
  bptArea: null,
});

const CASES: Case[] = [
  // Admitted care: spell price, trim point, excess bed days, MFF.
  {
    name: 'elective spell within the trim point: spell price × MFF',
    row: row('EL', 'HB12A', 5, { provider_code: 'RAA', best_practice_criteria_met: true }),
    expected: priced(951_673, { basePrice: 786_117, excessBedDays: 0, bptAdjustment: 0, mffFactor: 1.2106 }),
  },
  {
    name: 'elective spell 4 days over the trim point of 36 earns 4 excess bed days',
    row: row('EL', 'HB12A', 40, { provider_code: 'RAA', best_practice_criteria_met: true }),
    expected: priced(1_110_722, { excessBedDays: 4, excessBedDayPayment: 131_380 }),
  },
  {
    name: 'a spell exactly at the trim point earns none',
    row: row('EL', 'HB12A', 36, { provider_code: 'RAA', best_practice_criteria_met: true }),
    expected: priced(951_673, { excessBedDays: 0, excessBedDayPayment: 0 }),
  },
  {
    name: 'non-elective spell of 2 days takes the long-stay price',
    row: row('NEL', 'HA11A', 2),
    expected: priced(1_300_862, { basePrice: 1_340_818 }),
  },
  {
    name: 'non-elective spell of 1 day takes the short-stay price',
    row: row('NEL', 'HA11A', 1),
    expected: priced(263_005, { basePrice: 271_083 }),
  },
  {
    name: 'short_stay_emergency = single_price: a 1-day spell takes the long-stay price',
    row: row('NEL', 'HA11A', 1),
    switches: { short_stay_emergency: 'single_price' },
    expected: priced(1_300_862, { basePrice: 1_340_818 }),
  },
  {
    name: 'a 0-day spell of an HRG with no short-stay price pays the full price',
    row: row('NEL', 'XX01Z', 0),
    expected: priced(97_020, { basePrice: 100_000 }),
  },
  {
    name: 'non-elective spell 3 days over the trim point',
    row: row('NEL', 'XX01Z', 13),
    expected: priced(155_232, { excessBedDays: 3, excessBedDayPayment: 60_000 }),
  },
  {
    name: 'no discharge date: long-stay price, no excess bed days, and the reason says so',
    row: row('NEL', 'XX01Z', null),
    expected: priced(97_020, {
      excessBedDays: 0,
      reason: `${LABEL}; no discharge date: length of stay unknown`,
    }),
  },
  {
    name: 'maternity admission of 1 day: short-stay price',
    row: row('MAT', 'NZ30C', 1),
    expected: priced(118_663, { basePrice: 122_308 }),
  },
  {
    name: 'maternity admission 2 days over the trim point of 8',
    row: row('MAT', 'NZ30C', 10),
    expected: priced(284_601, { excessBedDays: 2, excessBedDayPayment: 81_178 }),
  },
  // Best practice tariffs.
  {
    name: 'BPT hip fracture, criteria met, aged 60+: the top-up',
    row: row('NEL', 'HA11A', 20, {
      provider_code: 'RAA',
      age_at_activity_date: 85,
      best_practice_criteria_met: true,
    }),
    expected: priced(1_784_809, { bptAdjustment: 133_500, bptArea: 'fragility_hip_fracture' }),
  },
  {
    name: 'BPT hip fracture under 60: outside the area',
    row: row('NEL', 'HA11A', 20, {
      provider_code: 'RAA',
      age_at_activity_date: 45,
      best_practice_criteria_met: true,
    }),
    expected: priced(1_623_194, { bptAdjustment: 0, bptArea: null }),
  },
  {
    name: 'BPT day case cholecystectomy, criteria met: +5%',
    row: row('DC', 'GA10K', 0, { best_practice_criteria_met: true }),
    expected: priced(186_003, { bptAdjustment: 9_129, bptArea: 'cholecystectomy' }),
  },
  {
    name: 'BPT primary hip, criteria not met: −3% (rounded away from zero)',
    row: row('EL', 'HB12A', 5, { best_practice_criteria_met: false }),
    expected: priced(739_810, { bptAdjustment: -23_584, bptArea: 'primary_hip_knee_replacement' }),
  },
  {
    name: 'BPT criteria not recorded: non-BPT price by default (bpt_missing_criteria = not_met)',
    row: row('EL', 'HB12A', 5, { best_practice_criteria_met: null }),
    expected: priced(739_810, { bptAdjustment: -23_584 }),
  },
  {
    name: 'BPT criteria not recorded, bpt_missing_criteria = no_adjustment: base price',
    row: row('EL', 'HB12A', 5, { best_practice_criteria_met: null }),
    switches: { bpt_missing_criteria: 'no_adjustment' },
    expected: priced(762_691, { bptAdjustment: 0, bptArea: 'primary_hip_knee_replacement' }),
  },
  {
    name: 'BPT area switched off: no adjustment and no area',
    row: row('EL', 'HB12A', 5, { best_practice_criteria_met: false }),
    switches: { 'bpt_area.primary_hip_knee_replacement': 'false' },
    expected: priced(762_691, { bptAdjustment: 0, bptArea: null }),
  },
  // Outpatients and A&E.
  {
    name: 'outpatient first attendance priced by treatment function',
    row: row('OPFA', 'WF01B', null),
    expected: priced(12_613, { basePrice: 13_000, excessBedDays: 0 }),
  },
  {
    name: 'outpatient treatment function without a price',
    row: row('OPFA', 'WF01B', null, { treatment_function_code: '999' }),
    expected: noPrice('no price for WF01B at OPFA for treatment function 999'),
  },
  {
    name: 'a follow-up currency at a first-attendance POD has no price',
    row: row('OPFA', 'WF01A', null),
    expected: noPrice('no price for WF01A at OPFA for treatment function 110'),
  },
  {
    name: 'A&E by HRG and department type',
    row: row('AE', 'VB01Z', null, { ae_department_type: '04' }),
    expected: priced(2_640, { basePrice: 2_721 }),
  },
  {
    name: 'A&E without a department type',
    row: row('AE', 'VB01Z', null),
    expected: noPrice('no price for VB01Z at AE: no A&E department type'),
  },
  {
    name: 'A&E department type with no price',
    row: row('AE', 'VB01Z', null, { ae_department_type: '02' }),
    expected: noPrice('no price for VB01Z at AE for department type 02'),
  },
  // Local prices.
  {
    name: 'community contact at its local price, without MFF',
    row: row('COM', 'N02AF', null, { provider_code: 'RAA' }),
    expected: { price: 3_726, priceSource: 'local_price', reason: 'illustrative local price', mffFactor: 1 },
  },
  {
    name: 'mental health contact at its local price',
    row: row('MH', 'MHSTIAPTA', null),
    expected: { price: 9_401, priceSource: 'local_price', mffFactor: 1 },
  },
  {
    name: 'unknown local currency',
    row: row('COM', 'ABC', null),
    expected: noPrice('no local price for ABC at COM'),
  },
  // Bad input.
  { name: 'unknown HRG', row: row('EL', 'ZZ99Z', 3), expected: noPrice('no price for ZZ99Z at EL') },
  {
    name: 'unknown point of delivery',
    row: row('XX', 'HB12A', null),
    expected: noPrice("unknown point of delivery 'XX'"),
  },
  {
    name: 'discharge before admission',
    row: row('EL', 'HB12A', -1),
    expected: noPrice('discharge date before admission date'),
  },
  // MFF.
  {
    name: 'provider without an MFF: 1.0000, and the reason says so',
    row: row('EL', 'HB12A', 5, { provider_code: 'ZZZ', best_practice_criteria_met: true }),
    expected: priced(786_117, { mffFactor: 1, reason: `${LABEL}; provider ZZZ has no MFF: 1.0000 applied` }),
  },
  {
    name: 'apply_mff = false: national price without MFF',
    row: row('EL', 'HB12A', 5, { provider_code: 'RAA', best_practice_criteria_met: true }),
    switches: { apply_mff: 'false' },
    expected: priced(786_117, { mffFactor: 1 }),
  },
  // Emergency readmissions within 30 days.
  {
    name: 'a counted readmission: the avoidable 25% is withheld',
    row: row('NEL', 'XX01Z', 5, { age_at_activity_date: 50, emergency_readmission_30d: true }),
    expected: priced(72_765, { readmissionDeduction: 24_255, readmissionStatus: 'counted' }),
  },
  {
    name: 'avoidable share 33.33%',
    row: row('NEL', 'XX01Z', 5, { age_at_activity_date: 50, emergency_readmission_30d: true }),
    switches: { readmission_avoidable_share_bp: '3333' },
    expected: priced(64_683, { readmissionDeduction: 32_337, readmissionStatus: 'counted' }),
  },
  {
    name: 'not flagged: no status, no deduction',
    row: row('NEL', 'XX01Z', 5, { emergency_readmission_30d: null }),
    expected: priced(97_020, { readmissionStatus: null }),
  },
  {
    name: 'an excluded readmission (maternity) is paid in full',
    row: row('MAT', 'NZ30C', 3, { emergency_readmission_30d: true }),
    expected: priced(205_842, { readmissionStatus: 'maternity' }),
  },
  {
    name: 'children under 4 are excluded',
    row: row('NEL', 'XX01Z', 5, { age_at_activity_date: 2, emergency_readmission_30d: true }),
    expected: priced(97_020, { readmissionStatus: 'children_under_4' }),
  },
  {
    name: 'an exclusion switched off: the readmission is counted',
    row: row('NEL', 'XX01Z', 5, { age_at_activity_date: 2, emergency_readmission_30d: true }),
    switches: { 'readmission_exclusion.children_under_4': 'false' },
    expected: priced(72_765, { readmissionDeduction: 24_255, readmissionStatus: 'counted' }),
  },
  {
    name: 'a flagged readmission without a price: excluded as having no national tariff',
    row: row('EL', 'ZZ99Z', 3, { emergency_readmission_30d: true }),
    expected: { ...noPrice('no price for ZZ99Z at EL'), readmissionStatus: 'no_national_tariff' },
  },
  {
    name: 'a readmission flag on an outpatient row is ignored',
    row: row('OPFA', 'WF01B', null, { emergency_readmission_30d: true }),
    expected: priced(12_613, { readmissionStatus: null }),
  },
];

describe('priceActivity', () => {
  it.each(CASES)('$name', ({ row: r, switches, expected }) => {
    const options = switches ? applySwitches(DEFAULTS, switches) : DEFAULTS;
    const result = priceActivity(r, TARIFF, options);
    expect(result).toMatchObject(expected);
    // The parts always add up to the price.
    if (result.priceSource !== 'no_price') {
      const gross = result.price + result.readmissionDeduction;
      const unrounded =
        (result.basePrice + result.excessBedDayPayment + result.bptAdjustment) * (result.mffFactor ?? 0);
      expect(Math.abs(gross - unrounded)).toBeLessThanOrEqual(0.5);
    }
    expect(result.currency).toBe(r.hrg_code);
  });
});
