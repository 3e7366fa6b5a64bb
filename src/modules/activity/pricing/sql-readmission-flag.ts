import type { ReadmissionRule } from './model.ts';

/**
 * The SQL twin of rules/readmission-flag.ts: adds `emergency_readmission_30d` to every row of `input`
 * (a table name, a table function or a parenthesised subquery with the layout's columns). Admitted
 * rows get the window test; other rows get false. The window sorts only admitted rows (a UNION ALL
 * instead of a join back), partitioned by patient (and provider for 'same_provider').
 * `replace: true` drops an existing emergency_readmission_30d column of the input first.
 */
export function readmissionFlagQuery(
  input: string,
  rule: Pick<ReadmissionRule, 'scope' | 'windowDays'>,
  options: { replace?: boolean } = {},
): string {
  if (!Number.isSafeInteger(rule.windowDays) || rule.windowDays < 0) {
    throw new RangeError(`windowDays must be a whole number of days, got ${rule.windowDays}`);
  }
  const columns = options.replace ? 'i.* exclude (emergency_readmission_30d)' : 'i.*';
  const partition =
    rule.scope === 'same_provider' ? 'i.patient_pseudonym, i.provider_code' : 'i.patient_pseudonym';
  return `
select ${columns},
  coalesce(length(i.admission_method) = 2 and starts_with(i.admission_method, '2')
    and date_diff('day', max(i.activity_end_date) over (partition by ${partition}
      order by i.activity_start_date, i.activity_id rows between unbounded preceding and 1 preceding),
      i.activity_start_date) between 0 and ${rule.windowDays}, false) as emergency_readmission_30d
from ${input} as i
where i.activity_type = 'apc'
union all
select ${columns}, false as emergency_readmission_30d
from ${input} as i
where i.activity_type is distinct from 'apc'`;
}
