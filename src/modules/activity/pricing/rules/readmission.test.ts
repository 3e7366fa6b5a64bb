import { describe, expect, it } from 'vitest';
import { loadTariff } from '../definitions.ts';
import type { Condition, PriceSource, PricingRow, ReadmissionExclusion } from '../model.ts';
import { conditionHolds, readmissionStatus } from './readmission.ts';

/** A counted emergency readmission unless a test changes something: adult, English, NEL, general medicine. */
const BASE: PricingRow = {
  activity_type: 'apc',
  point_of_delivery: 'NEL',
  admission_method: '21',
  admission_source: '19',
  discharge_method: '1',
  activity_start_date: '2013-06-01',
  activity_end_date: '2013-06-04',
  age_at_activity_date: 67,
  residence_country: 'england',
  provider_code: 'RAA',
  hrg_code: 'EB03C',
  treatment_function_code: '300',
  service_category: 'ccg_acute',
  ae_department_type: null,
  best_practice_criteria_met: null,
  emergency_readmission_30d: true,
};

describe('conditionHolds', () => {
  it.each<[string, Condition, Partial<PricingRow>, PriceSource, boolean]>([
    [
      'in: value listed',
      { field: 'admission_method', in: ['31', '32'] },
      { admission_method: '32' },
      'national_tariff_derived',
      true,
    ],
    [
      'in: value not listed',
      { field: 'admission_method', in: ['31', '32'] },
      {},
      'national_tariff_derived',
      false,
    ],
    [
      'in: missing value never matches',
      { field: 'admission_source', in: ['51'] },
      { admission_source: null },
      'national_tariff_derived',
      false,
    ],
    [
      'prefix matches',
      { field: 'hrg_code', prefixes: ['LD', 'NZ'] },
      { hrg_code: 'NZ30C' },
      'national_tariff_derived',
      true,
    ],
    [
      'prefix does not match inside the code',
      { field: 'hrg_code', prefixes: ['30'] },
      { hrg_code: 'NZ30C' },
      'national_tariff_derived',
      false,
    ],
    [
      'lessThan below the bound',
      { field: 'age_at_activity_date', lessThan: 4 },
      { age_at_activity_date: 3 },
      'national_tariff_derived',
      true,
    ],
    [
      'lessThan at the bound',
      { field: 'age_at_activity_date', lessThan: 4 },
      { age_at_activity_date: 4 },
      'national_tariff_derived',
      false,
    ],
    ['no national price: local price', { noNationalPrice: true }, {}, 'local_price', true],
    ['no national price: not priced', { noNationalPrice: true }, {}, 'no_price', true],
    ['no national price: national price', { noNationalPrice: true }, {}, 'national_tariff_derived', false],
  ])('%s', (_name, condition, overrides, source, expected) => {
    expect(conditionHolds(condition, { ...BASE, ...overrides }, source)).toBe(expected);
  });
});

const { exclusions } = loadTariff().defaults.readmissions;

describe('each exclusion of REFERENCE.md §8.2, as rules.json defines it', () => {
  it.each<[string, Partial<PricingRow>, PriceSource]>([
    ['no_national_tariff', {}, 'local_price'],
    [
      'maternity',
      { point_of_delivery: 'MAT', admission_method: '31', hrg_code: 'NZ30C' },
      'national_tariff_derived',
    ],
    ['maternity', { admission_method: '32' }, 'national_tariff_derived'],
    ['maternity', { hrg_code: 'NZ26B' }, 'national_tariff_derived'],
    ['cancer', { treatment_function_code: '370' }, 'national_tariff_derived'],
    ['cancer', { treatment_function_code: '800' }, 'national_tariff_derived'],
    ['cancer', { treatment_function_code: '503' }, 'national_tariff_derived'],
    ['cancer', { hrg_code: 'SB12Z' }, 'national_tariff_derived'],
    ['cancer', { hrg_code: 'SC22Z' }, 'national_tariff_derived'],
    ['children_under_4', { age_at_activity_date: 3 }, 'national_tariff_derived'],
    ['children_under_4', { age_at_activity_date: 0 }, 'national_tariff_derived'],
    ['self_discharge', { discharge_method: '2' }, 'national_tariff_derived'],
    ['emergency_transfer', { admission_source: '51' }, 'national_tariff_derived'],
    ['emergency_transfer', { admission_source: '53' }, 'national_tariff_derived'],
    ['emergency_transfer', { admission_method: '2B' }, 'national_tariff_derived'],
    ['cross_border', { residence_country: 'wales' }, 'national_tariff_derived'],
    ['cross_border', { residence_country: 'scotland' }, 'national_tariff_derived'],
    ['cross_border', { residence_country: 'northern_ireland' }, 'national_tariff_derived'],
    ['renal_dialysis', { hrg_code: 'LD02A' }, 'national_tariff_derived'],
    ['post_transplant', { treatment_function_code: '102' }, 'national_tariff_derived'],
    ['post_transplant', { hrg_code: 'LA02A' }, 'national_tariff_derived'],
    ['post_transplant', { hrg_code: 'SA26A' }, 'national_tariff_derived'],
  ])('%s: %j', (id, overrides, source) => {
    expect(readmissionStatus({ ...BASE, ...overrides }, source, exclusions)).toBe(id);
  });

  it.each<[string, Partial<PricingRow>]>([
    ['an adult English emergency readmission', {}],
    ['aged exactly 4', { age_at_activity_date: 4 }],
    ['resident abroad (not cross-border)', { residence_country: 'abroad' }],
    ['usual residence as the source of admission', { admission_source: '19' }],
    ['discharged on clinical advice', { discharge_method: '1' }],
    ['a haematology HRG that is not a transplant', { hrg_code: 'SA08G' }],
  ])('is counted: %s', (_name, overrides) => {
    expect(readmissionStatus({ ...BASE, ...overrides }, 'national_tariff_derived', exclusions)).toBe(
      'counted',
    );
  });

  it('lists every exclusion of REFERENCE.md §8.2, all enabled by default', () => {
    expect(exclusions.map((e) => [e.id, e.enabled])).toEqual(
      [
        'no_national_tariff',
        'maternity',
        'cancer',
        'children_under_4',
        'self_discharge',
        'emergency_transfer',
        'cross_border',
        'renal_dialysis',
        'post_transplant',
      ].map((id) => [id, true]),
    );
  });
});

describe('readmissionStatus', () => {
  const only = (enabled: boolean): ReadmissionExclusion[] => [
    { id: 'first', title: 'first', enabled, anyOf: [{ field: 'residence_country', in: ['wales'] }] },
    { id: 'second', title: 'second', enabled: true, anyOf: [{ field: 'age_at_activity_date', lessThan: 4 }] },
  ];

  it.each<[string, Partial<PricingRow>, ReadmissionExclusion[], string | null]>([
    ['not flagged', { emergency_readmission_30d: false }, only(true), null],
    ['flag missing', { emergency_readmission_30d: null }, only(true), null],
    ['flagged but not admitted care', { activity_type: 'op' }, only(true), null],
    [
      'the first exclusion that holds names the status',
      { residence_country: 'wales', age_at_activity_date: 2 },
      only(true),
      'first',
    ],
    [
      'a disabled exclusion is skipped',
      { residence_country: 'wales', age_at_activity_date: 2 },
      only(false),
      'second',
    ],
    ['no exclusion holds: counted', {}, only(true), 'counted'],
  ])('%s', (_name, overrides, list, expected) => {
    expect(readmissionStatus({ ...BASE, ...overrides }, 'national_tariff_derived', list)).toBe(expected);
  });
});
