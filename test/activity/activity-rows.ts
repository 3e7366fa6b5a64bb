import { writeFileSync } from 'node:fs';
import { activityLayout } from '../../src/modules/activity/layout.ts';

/** A valid elective admission in the activity layout (real practice, LSOA, trust and CCG codes). */
export const BASE_ROW: Readonly<Record<string, string>> = {
  activity_id: 'A1',
  patient_pseudonym: 'p-0001',
  activity_type: 'apc',
  point_of_delivery: 'EL',
  admission_method: '11',
  admission_source: '19',
  discharge_method: '1',
  activity_start_date: '2013-05-01',
  activity_end_date: '2013-05-04',
  age_at_activity_date: '70',
  person_stated_gender_code: '2',
  general_medical_practice_code: 'A81001',
  temporary_resident_practice_code: '',
  lsoa_of_residence: 'E01012007',
  residence_country: 'england',
  site_ccg_code: '00K',
  provider_code: 'RVW',
  hrg_code: 'HB12C',
  treatment_function_code: '110',
  service_category: 'ccg_acute',
  ae_department_type: '',
  detained_in: '',
  armed_forces: '',
  placement_placing_ccg: '',
  placement_setting: '',
  placement_continuing_care: '',
  placement_planned_service: '',
  looked_after_placing_ccg: '',
  s117_responsible_ccg: '',
  best_practice_criteria_met: '',
};

const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export function csvLine(overrides: Readonly<Record<string, string>> = {}): string {
  return activityLayout()
    .columns.map((c) => csvField(overrides[c.name] ?? BASE_ROW[c.name] ?? ''))
    .join(',');
}

export function csvHeader(): string {
  return activityLayout()
    .columns.map((c) => c.name)
    .join(',');
}

/** Writes a CSV file: the header, then each entry (an override object, or a raw line as a string). */
export function writeActivityCsv(
  file: string,
  rows: readonly (Readonly<Record<string, string>> | string)[],
): void {
  const lines = [csvHeader(), ...rows.map((r) => (typeof r === 'string' ? r : csvLine(r)))];
  writeFileSync(file, `${lines.join('\n')}\n`);
}
