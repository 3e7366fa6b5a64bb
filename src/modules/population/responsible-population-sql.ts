import { loadWhoPaysDefinitions } from '../activity/who-pays/definitions.ts';
import type { WhoPaysSwitches } from '../activity/who-pays/rules/model.ts';
import { attributionQuery, whoPaysClassColumns } from '../activity/who-pays/sql.ts';

/**
 * Distinct people per responsible commissioner and rule, with their activity and value. Only the
 * patients need the rows again (attribution, no pricing: a distinct count cannot come from the monthly
 * aggregate); activity and value are summed from `monthly` (the activity pipeline's monthlyQuery result
 * over the same input), in pence so that the sums are exact.
 */
export function responsiblePopulationQuery(
  input: string,
  monthly: string,
  switches: WhoPaysSwitches,
  options: { readonly input?: 'loaded' | 'untrusted' } = {},
): string {
  const byClass = whoPaysClassColumns('who_pays_class');
  const attributed = attributionQuery(input, switches, loadWhoPaysDefinitions(), {
    input: options.input ?? 'loaded',
    withClass: true,
  });
  return `with patients as (
      select ${byClass.kind} as responsible_kind, responsible_code, ${byClass.rule} as who_pays_rule, patients
      from (select who_pays_class, responsible_code, count(distinct patient_pseudonym)::bigint as patients
            from (${attributed}) group by who_pays_class, responsible_code)),
    money as (
      select responsible_kind, responsible_code, who_pays_rule, sum(activity)::bigint as activity,
        sum(round(value * 100)::bigint) as pence
      from ${monthly} group by responsible_kind, responsible_code, who_pays_rule)
    select p.responsible_kind, p.responsible_code, p.who_pays_rule, p.patients,
      coalesce(m.activity, 0)::bigint as activity, coalesce(m.pence, 0) / 100.0 as value
    from patients p left join money m
      on m.responsible_kind = p.responsible_kind and m.who_pays_rule = p.who_pays_rule
     and m.responsible_code is not distinct from p.responsible_code`;
}
