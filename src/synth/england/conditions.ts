import { AppError, type Problem } from '../../platform/errors.ts';
import { AGE_BANDS, type AgeBand } from './age-bands.ts';
import type { PopulationDefinitions } from './definitions.ts';

/**
 * Long-term condition probabilities by CCG and age band, from the real QOF 2013/14 prevalence of the
 * CCG and an illustrative age curve, normalised over the CCG's real list so that its expected
 * register size is its QOF register size (up to the cap).
 */

export interface QofRow {
  readonly ccgCode: string;
  readonly group: string;
  readonly description: string;
  readonly registerSize: number;
  readonly prevalencePercent: number;
}

/** One row per (CCG, group): where the file has two (HF and HF due to LVD), the larger register. */
export function qofPrevalence(rows: readonly QofRow[]): Map<string, number> {
  const best = new Map<string, QofRow>();
  for (const r of rows) {
    const key = `${r.ccgCode}|${r.group}`;
    const before = best.get(key);
    if (!before || r.registerSize > before.registerSize) best.set(key, r);
  }
  return new Map([...best].map(([k, r]) => [k, r.prevalencePercent]));
}

export interface ConditionProbabilityRow {
  readonly ccgCode: string;
  readonly ageBand: AgeBand;
  /** In the order of the definitions' groups. */
  readonly probabilities: readonly number[];
}

/**
 * @param listByCcg the CCG's registered people by age band (real list sizes).
 * @param prevalence `${ccg}|${group}` → prevalence in per cent (QOF).
 */
export function conditionProbabilities(
  listByCcg: ReadonlyMap<string, ReadonlyMap<AgeBand, number>>,
  prevalence: ReadonlyMap<string, number>,
  conditions: PopulationDefinitions['conditions'],
): ConditionProbabilityRow[] {
  const problems: Problem[] = [];
  const rows: ConditionProbabilityRow[] = [];
  for (const ccg of [...listByCcg.keys()].sort()) {
    const bands = listByCcg.get(ccg)!;
    const total = AGE_BANDS.reduce((t, b) => t + (bands.get(b) ?? 0), 0);
    const factors = conditions.groups.map((g) => {
      const p = prevalence.get(`${ccg}|${g.id}`);
      if (p === undefined) {
        problems.push({
          path: `qof_1314_prevalencebyccg.csv`,
          message: `no ${g.id} prevalence for CCG ${ccg}`,
        });
        return 0;
      }
      const meanCurve = AGE_BANDS.reduce((t, b) => t + (bands.get(b) ?? 0) * g.curve[b], 0) / total;
      return meanCurve > 0 ? p / 100 / meanCurve : 0;
    });
    for (const band of AGE_BANDS) {
      rows.push({
        ccgCode: ccg,
        ageBand: band,
        probabilities: conditions.groups.map((g, i) =>
          Math.min(conditions.maxProbability, factors[i]! * g.curve[band]),
        ),
      });
    }
  }
  if (problems.length) throw AppError.validation(problems, 'QOF prevalence is missing for CCGs on the list');
  return rows;
}
