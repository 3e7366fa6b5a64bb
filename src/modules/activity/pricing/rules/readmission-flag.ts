import type { ReadmissionScope } from '../model.ts';
import { daysBetween } from './money.ts';

/** The fields the readmission flag reads. */
export interface ReadmissionFlagRow {
  readonly activity_id: string;
  readonly patient_pseudonym: string;
  readonly activity_type: string;
  readonly admission_method: string | null;
  readonly provider_code: string;
  readonly activity_start_date: string | Date;
  readonly activity_end_date: string | Date | null;
}

/** Emergency admission methods: 21–28 and 2A–2D (NHS Data Dictionary ADMISSION METHOD). */
export function isEmergencyAdmission(admissionMethod: string | null): boolean {
  return admissionMethod !== null && admissionMethod.length === 2 && admissionMethod.startsWith('2');
}

/**
 * Derives `emergency_readmission_30d` for every row: an emergency admission that starts within
 * `windowDays` days (0 to windowDays inclusive) after the latest discharge among the patient's earlier
 * admitted spells — at the same provider (`same_provider`, the layout's definition) or at any provider
 * (`any_provider`). "Earlier" is the order of (start date, activity id), the same order the SQL uses.
 * Rows that are not admitted care get false. Returns the flags by activity id.
 */
export function markEmergencyReadmissions(
  rows: readonly ReadmissionFlagRow[],
  scope: ReadmissionScope,
  windowDays: number,
): Map<string, boolean> {
  const groups = new Map<string, ReadmissionFlagRow[]>();
  for (const row of rows) {
    if (row.activity_type !== 'apc') continue;
    const key =
      scope === 'same_provider'
        ? `${row.patient_pseudonym}\u0000${row.provider_code}`
        : row.patient_pseudonym;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const flags = new Map<string, boolean>(rows.map((r) => [r.activity_id, false]));
  for (const group of groups.values()) {
    group.sort(
      (a, b) =>
        compareDates(a.activity_start_date, b.activity_start_date) ||
        compareText(a.activity_id, b.activity_id),
    );
    let latestDischarge: string | Date | null = null;
    for (const row of group) {
      if (latestDischarge !== null && isEmergencyAdmission(row.admission_method)) {
        const gap = daysBetween(latestDischarge, row.activity_start_date) as number;
        if (gap >= 0 && gap <= windowDays) flags.set(row.activity_id, true);
      }
      if (
        row.activity_end_date !== null &&
        (latestDischarge === null || compareDates(row.activity_end_date, latestDischarge) > 0)
      ) {
        latestDischarge = row.activity_end_date;
      }
    }
  }
  return flags;
}

function compareDates(a: string | Date, b: string | Date): number {
  return (daysBetween(b, a) as number) || 0;
}

/** Byte order, as DuckDB compares VARCHAR (codes and ids are ASCII). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
