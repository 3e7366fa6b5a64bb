import { sqlString } from '../../../platform/analytics/duckdb.ts';
import type { ActivityLayout, LayoutColumn } from '../layout.ts';
import { FINANCIAL_YEAR } from '../layout.ts';

/** The words of the reason a row gets when another load holds its activity id (read back by the loader). */
export const HELD_BY_ANOTHER_LOAD = 'is already loaded from';

/**
 * SQL that checks raw activity rows (every column as text, plus `line`) against the layout and the
 * reference tables, giving each row a `reason` (null = valid). Every failed check is named with its
 * column and the offending value, and all of a row's problems are listed, not only the first.
 *
 * Code columns are checked against small tables the caller has created:
 *   ref_practice, ref_lsoa, ref_trust, ref_ccg (reference-tables.ts), known_service(code), known_currency(code).
 */
const CODE_CHECKS: Readonly<Record<string, { table: string; key: string; what: string }>> = {
  general_medical_practice_code: { table: 'ref_practice', key: 'practice_code', what: 'GP practice' },
  temporary_resident_practice_code: { table: 'ref_practice', key: 'practice_code', what: 'GP practice' },
  lsoa_of_residence: { table: 'ref_lsoa', key: 'lsoa_code', what: 'LSOA' },
  provider_code: { table: 'ref_trust', key: 'provider_code', what: 'provider' },
  site_ccg_code: { table: 'ref_ccg', key: 'ccg_code', what: 'CCG' },
  placement_placing_ccg: { table: 'ref_ccg', key: 'ccg_code', what: 'CCG' },
  looked_after_placing_ccg: { table: 'ref_ccg', key: 'ccg_code', what: 'CCG' },
  s117_responsible_ccg: { table: 'ref_ccg', key: 'ccg_code', what: 'CCG' },
  service_category: { table: 'known_service', key: 'code', what: 'service category' },
  hrg_code: { table: 'known_currency', key: 'code', what: 'currency (HRG or local)' },
};

const PODS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  apc: ['EL', 'DC', 'NEL', 'MAT'],
  op: ['OPFA', 'OPFU'],
  ae: ['AE'],
  community: ['COM'],
  mental_health: ['MH'],
};

const BOOLEAN_TEXT = ['true', 'false', 't', 'f', '1', '0', 'yes', 'no', 'y', 'n'];

const q = (name: string) => `"${name}"`;
/** Text of a value for an error message, cut to 40 characters. */
const shown = (name: string) => `'"' || left(${q(name)}, 40) || '"'`;
const present = (name: string) => `(${q(name)} is not null and trim(${q(name)}) <> '')`;

function columnChecks(c: LayoutColumn): string[] {
  const checks: string[] = [];
  const name = c.name;
  if (c.required) checks.push(`case when not ${present(name)} then '${name}: missing' end`);
  const bad = (cond: string, what: string) =>
    `case when ${present(name)} and ${cond} then '${name}: ' || ${shown(name)} || ' ${what}' end`;
  if (c.type === 'DATE')
    checks.push(bad(`try_strptime(${q(name)}, '%Y-%m-%d') is null`, 'is not a date (YYYY-MM-DD)'));
  if (c.type === 'INTEGER')
    checks.push(bad(`try_cast(${q(name)} as integer) is null`, 'is not a whole number'));
  if (c.type === 'BOOLEAN') {
    checks.push(
      bad(
        `lower(trim(${q(name)})) not in (${BOOLEAN_TEXT.map(sqlString).join(', ')})`,
        'is not true or false',
      ),
    );
  }
  if (c.values) {
    checks.push(
      bad(
        `${q(name)} not in (${c.values.map(sqlString).join(', ')})`,
        `is not one of ${c.values.join(', ')}`,
      ),
    );
  }
  const code = CODE_CHECKS[name];
  if (code) {
    checks.push(
      bad(`${q(name)} not in (select ${code.key} from ${code.table})`, `is not a known ${code.what} code`),
    );
  }
  return checks;
}

/** Checks across columns: impossible dates and inconsistent combinations. */
function rowChecks(): string[] {
  const start = `try_strptime(activity_start_date, '%Y-%m-%d')::date`;
  const end = `try_strptime(activity_end_date, '%Y-%m-%d')::date`;
  const pods = Object.entries(PODS_BY_TYPE)
    .map(
      ([type, list]) =>
        `(activity_type = '${type}' and point_of_delivery in (${list.map(sqlString).join(', ')}))`,
    )
    .join(' or ');
  return [
    `case when ${start} not between DATE '${FINANCIAL_YEAR.start}' and DATE '${FINANCIAL_YEAR.end}' then 'activity_start_date: ' || activity_start_date || ' is outside the financial year ${FINANCIAL_YEAR.label} (${FINANCIAL_YEAR.start} to ${FINANCIAL_YEAR.end})' end`,
    `case when ${end} < ${start} then 'activity_end_date: ' || activity_end_date || ' is before the start date ' || activity_start_date end`,
    `case when ${end} > ${start} + interval 3650 day then 'activity_end_date: ' || activity_end_date || ' is more than ten years after the start date' end`,
    `case when activity_type = 'apc' and ${start} is not null and not ${present('activity_end_date')} then 'activity_end_date: missing for admitted patient care' end`,
    `case when activity_type <> 'apc' and ${present('activity_end_date')} then 'activity_end_date: only admitted patient care has a discharge date' end`,
    `case when try_cast(age_at_activity_date as integer) not between 0 and 120 then 'age_at_activity_date: ' || age_at_activity_date || ' is not between 0 and 120' end`,
    `case when activity_type in (${Object.keys(PODS_BY_TYPE).map(sqlString).join(', ')}) and point_of_delivery is not null and not (${pods}) then 'point_of_delivery: ' || point_of_delivery || ' does not belong to activity type ' || activity_type end`,
    `case when activity_type = 'ae' and not ${present('ae_department_type')} then 'ae_department_type: missing for an A&E attendance' end`,
    `case when ${present('lsoa_of_residence')} and residence_country <> 'england' then 'lsoa_of_residence: an English LSOA but residence_country is ' || residence_country end`,
    `case when duplicate_of is not null then 'activity_id: ' || ${shown('activity_id')} || ' repeats line ' || duplicate_of end`,
    `case when loaded_before_in is not null then 'activity_id: ' || ${shown('activity_id')} || ' ${HELD_BY_ANOTHER_LOAD} ' || loaded_before_in || ' (load this file with --supersede to replace it)' end`,
  ];
}

/**
 * `select line, <raw columns>, reason from <raw> left join <duplicates> left join <loaded>`: `raw` has
 * `line`, `parse_error` (a line the CSV reader could not split, else null) and every layout column as
 * VARCHAR; `duplicates(activity_id, first_line)` lists ids seen more than once in the file;
 * `loaded(activity_id, earlier_file)` lists ids another load already holds.
 */
export function validationQuery(
  layout: ActivityLayout,
  raw: string,
  duplicates: string,
  loaded: string,
): string {
  const checks = [...layout.columns.flatMap(columnChecks), ...rowChecks()];
  const cols = layout.columns.map((c) => `r.${q(c.name)}`).join(', ');
  return `select r.line, ${cols},
      case when r.parse_error is not null then 'unreadable line: ' || r.parse_error
           else nullif(concat_ws('; ', ${checks.join(',\n ')}), '') end as reason
    from (select raw.*, case when raw.line > d.first_line then d.first_line end as duplicate_of,
            s.earlier_file as loaded_before_in
          from ${raw} raw left join ${duplicates} d on trim(raw.activity_id) = d.activity_id
          left join ${loaded} s on trim(raw.activity_id) = s.activity_id) r`;
}

/**
 * Casts a raw row to the layout's types. Strict by default (a value that does not parse is an error:
 * for rows already checked valid); `tolerant` makes such a value null instead, for a pass that casts
 * every row and keeps only those the checks passed.
 */
export function typedColumns(layout: ActivityLayout, options: { tolerant?: boolean } = {}): string {
  const t = options.tolerant ? 'try_' : '';
  return layout.columns
    .map((c) => {
      const v = `nullif(trim(${q(c.name)}), '')`;
      switch (c.type) {
        case 'DATE':
          return `${t}strptime(${v}, '%Y-%m-%d')::date as ${q(c.name)}`;
        case 'INTEGER':
          return `${t}cast(${v} as integer) as ${q(c.name)}`;
        case 'BOOLEAN':
          return `(lower(${v}) in ('true', 't', '1', 'yes', 'y')) as ${q(c.name)}`;
        default:
          return `${v} as ${q(c.name)}`;
      }
    })
    .join(',\n ');
}
