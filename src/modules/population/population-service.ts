import type { ActivityResults } from '../activity/results-reader.ts';

/**
 * The responsible population (issue #5): the people each CCG is responsible for under "Who Pays?",
 * broken down by the rule that made it responsible, read from the current results run (the pipeline's
 * responsible-population stage, responsible-population-sql.ts). Counts people with activity in the
 * year, not the registered list (that is the registry's list sizes).
 */
export class PopulationService {
  constructor(
    private readonly results: ActivityResults,
    private readonly ruleTitles: ReadonlyMap<string, string>,
  ) {}

  /** The people the CCG is responsible for, by the Who Pays rule that made it responsible. */
  async responsiblePopulation(code: string) {
    const ccg = code.toUpperCase();
    const { dir, labels } = this.results.current();
    const rows = await (await this.results.db()).all<{
      rule: string;
      patients: number;
      activity: number;
    }>(
      // Patients and activity only: the money is commercial in confidence to the paying CCG (the
      // activity routes), while this answer is internal to the CCG, open to more roles.
      `select who_pays_rule as rule, sum(patients)::bigint as patients, sum(activity)::bigint as activity
       from ${this.results.file(dir, 'population')} where responsible_kind = 'ccg' and responsible_code = ?
       group by 1 order by activity desc, rule`,
      [ccg],
    );
    return {
      ccg,
      ...labels,
      byRule: rows.map((r) => ({ ...r, title: this.ruleTitles.get(r.rule) ?? r.rule })),
    };
  }
}
