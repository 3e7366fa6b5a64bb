import { AppError, type Problem } from '../../platform/errors.ts';
import {
  AGE_BANDS,
  AGE_CLASSES,
  type AgeClass,
  bandBounds,
  PODS,
  type Pod,
  SEXES,
  type Sex,
} from './age-bands.ts';
import { cumulativeRound } from './cells.ts';
import type { CaseMixEntry, LocalCurrencyEntry, SyntheticDefinitions } from './definitions.ts';
import type { ProviderKind } from './geography.ts';

/**
 * The case mix as lookup ranges: for each point of delivery and group (age class x sex, or the A&E
 * department type), the buckets 0..BUCKETS-1 are shared out among the currencies in proportion to
 * their weights, so an activity row picks its currency with one equality join on a random bucket.
 * Every code is checked against the 2013-14 reference cost sheet of its point of delivery.
 */

export const BUCKETS = 10_000;
/** The case-mix key of emergency readmissions after a maternity spell. */
export const READMISSION_AFTER_MATERNITY = 'READM_MAT';
export type CaseMixKey = Pod | typeof READMISSION_AFTER_MATERNITY;

export interface CaseMixRange {
  readonly key: CaseMixKey;
  /** `${ageClass}_${sex}`, or the department type '01'..'04' for A&E. */
  readonly group: string;
  /** Buckets lo .. hi - 1. */
  readonly lo: number;
  readonly hi: number;
  readonly currency: string;
  readonly tfc: string;
  readonly service: string;
  readonly bpt: string | null;
  /** Mean length of stay in days (admitted care; 0 for day cases), null otherwise. */
  readonly losMean: number | null;
  readonly providerKind: ProviderKind;
}

export interface CaseMix {
  readonly ranges: readonly CaseMixRange[];
  /** A&E codes left out for a department type that does not have them on the EM sheet. */
  readonly leftOut: readonly string[];
}

/**
 * The integer a row joins the case mix on: ((key index × 16) + group index) × BUCKETS + bucket, where
 * the key index is the point of delivery's place in PODS (READM_MAT after them) and the group index is
 * age class × 2 + sex (male 0, female 1), or 8 + department type − 1 for A&E. One integer equality
 * join is several times cheaper than three string keys over millions of rows.
 */
export function caseMixKeyIndex(key: CaseMixKey): number {
  return key === READMISSION_AFTER_MATERNITY ? PODS.length : PODS.indexOf(key);
}

export function caseMixGroupIndex(group: string): number {
  if (/^0[1-4]$/.test(group)) return 8 + Number(group) - 1;
  const [cls, sex] = group.split('_') as [AgeClass, Sex];
  const c = AGE_CLASSES.indexOf(cls);
  const s = SEXES.indexOf(sex);
  if (c < 0 || s < 0) throw new RangeError(`not a case-mix group: ${group}`);
  return c * 2 + s;
}

/** A reference-cost key: sheet | currency | service code ('' where the sheet has none). */
export const costKey = (sheet: string, currency: string, serviceCode = '') =>
  `${sheet}|${currency}|${serviceCode}`;

const SHEET_OF: Readonly<Record<string, string>> = {
  EL: 'EL',
  DC: 'DC',
  NEL: 'NEL',
  MAT: 'NEL',
  READM_MAT: 'NEL',
};

interface Candidate {
  readonly currency: string;
  readonly tfc: string;
  readonly service: string;
  readonly bpt: string | null;
  readonly losMean: number | null;
  readonly providerKind: ProviderKind;
  readonly weight: number;
  readonly where: string;
}

export function classOfAge(age: number, classes: SyntheticDefinitions['caseMix']['ageClasses']): AgeClass {
  return AGE_CLASSES.find((c) => age >= classes[c][0] && age <= classes[c][1]) ?? 'older';
}

/** Groups (age class x sex) that rows of a point of delivery can fall in, from where its shape is positive. */
export function reachableGroups(d: SyntheticDefinitions, pod: Pod): Set<string> {
  const out = new Set<string>();
  const max = d.population.ages.openBand.maximumAge;
  for (const sex of SEXES) {
    for (const band of AGE_BANDS) {
      if (!(d.rates.ageSexShape[sex][pod][band] > 0)) continue;
      const [lo, hi] = bandBounds(band, max);
      // The age at the activity can be one more than the age on the list date.
      for (let age = lo; age <= Math.min(hi + 1, 120); age++)
        out.add(`${classOfAge(age, d.caseMix.ageClasses)}_${sex}`);
    }
  }
  return out;
}

export function buildCaseMix(d: SyntheticDefinitions, referenceCosts: ReadonlySet<string>): CaseMix {
  const problems: Problem[] = [];
  const leftOut: string[] = [];
  const file = 'synthetic-case-mix.json';
  const cm = d.caseMix;
  const groups = new Map<string, Candidate[]>();
  const add = (key: CaseMixKey, group: string, c: Candidate) => {
    const k = `${key}|${group}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  };
  const forEachGroup = (
    sex: Sex | undefined,
    weights: Partial<Record<AgeClass, number>>,
    f: (group: string, w: number) => void,
  ) => {
    for (const s of SEXES) {
      if (sex !== undefined && sex !== s) continue;
      for (const cls of AGE_CLASSES) {
        const w = weights[cls] ?? 0;
        if (w > 0) f(`${cls}_${s}`, w);
      }
    }
  };
  const kindFor = (service: string): ProviderKind => (service === 'specialised' ? 'specialised' : 'acute');

  const admitted = (key: CaseMixKey, entries: readonly CaseMixEntry[], at: string) => {
    const sheet = SHEET_OF[key]!;
    for (const [i, e] of entries.entries()) {
      if (!referenceCosts.has(costKey(sheet, e.hrg))) {
        problems.push({
          path: `${file}:${at}.${i}.hrg`,
          message: `${e.hrg} is not on the ${sheet} sheet of the 2013-14 reference costs`,
        });
      }
      if ((key === 'MAT' || key === READMISSION_AFTER_MATERNITY) && e.sex !== 'female') {
        problems.push({
          path: `${file}:${at}.${i}.sex`,
          message: 'a maternity entry must be for women (sex: female)',
        });
      }
      if (key !== 'DC' && e.losDays === undefined) {
        problems.push({
          path: `${file}:${at}.${i}.losDays`,
          message: 'an admitted (non day-case) entry needs losDays',
        });
      }
      const service = e.service ?? cm.defaultService[key === READMISSION_AFTER_MATERNITY ? 'NEL' : key];
      forEachGroup(e.sex, e.weights, (group, weight) =>
        add(key, group, {
          currency: e.hrg,
          tfc: e.tfc,
          service,
          bpt: e.bpt ?? null,
          losMean: key === 'DC' ? 0 : (e.losDays ?? 0),
          providerKind: kindFor(service),
          weight,
          where: `${at}.${i}`,
        }),
      );
    }
  };
  for (const pod of ['EL', 'DC', 'NEL', 'MAT'] as const) admitted(pod, cm.admitted[pod], `admitted.${pod}`);
  admitted(
    READMISSION_AFTER_MATERNITY,
    cm.readmissionAfterMaternity.entries,
    'readmissionAfterMaternity.entries',
  );

  for (const [i, e] of cm.outpatients.entries.entries()) {
    const service = e.service ?? cm.defaultService.OPFA;
    const variants: [Pod, string, number][] = [
      ['OPFA', 'WF01B', 1 - e.multiprofessionalShare],
      ['OPFA', 'WF02B', e.multiprofessionalShare],
      ['OPFU', 'WF01A', e.followUpRatio * (1 - e.multiprofessionalShare)],
      ['OPFU', 'WF02A', e.followUpRatio * e.multiprofessionalShare],
    ];
    for (const [pod, currency, factor] of variants) {
      if (factor <= 0) continue;
      if (!referenceCosts.has(costKey('CL', currency, e.tfc))) {
        problems.push({
          path: `${file}:outpatients.entries.${i}`,
          message: `${currency} with treatment function ${e.tfc} is not on the CL sheet of the 2013-14 reference costs`,
        });
      }
      forEachGroup(e.sex, e.weights, (group, weight) =>
        add(pod, group, {
          currency,
          tfc: e.tfc,
          service,
          bpt: null,
          losMean: null,
          providerKind: kindFor(service),
          weight: weight * factor,
          where: `outpatients.entries.${i}`,
        }),
      );
    }
  }

  for (const [type, weights] of Object.entries(cm.ae.hrgWeightsByDepartmentType)) {
    for (const [hrg, weight] of Object.entries(weights)) {
      const onSheet = ['A', 'NA'].every((admittedOrNot) =>
        referenceCosts.has(costKey('EM', hrg, `T${type}${admittedOrNot}`)),
      );
      if (!onSheet) {
        leftOut.push(`${hrg} for department type ${type}`);
        continue;
      }
      if (weight > 0) {
        add('AE', type, {
          currency: hrg,
          tfc: cm.ae.tfc,
          service: cm.defaultService.AE,
          bpt: null,
          losMean: null,
          providerKind: type === '01' || type === '02' ? 'acute' : 'urgent',
          weight,
          where: `ae.hrgWeightsByDepartmentType.${type}`,
        });
      }
    }
  }

  const local = (
    pod: 'COM' | 'MH',
    entries: readonly LocalCurrencyEntry[],
    at: string,
    kind: ProviderKind,
  ) => {
    for (const [i, e] of entries.entries()) {
      const service = e.service ?? cm.defaultService[pod];
      forEachGroup(e.sex, e.weights, (group, weight) =>
        add(pod, group, {
          currency: e.currency,
          tfc: e.tfc,
          service,
          bpt: null,
          losMean: null,
          providerKind: (e.providerKind as ProviderKind | undefined) ?? kind,
          weight,
          where: `${at}.${i}`,
        }),
      );
    }
  };
  local('COM', cm.community.entries, 'community.entries', 'community_services');
  local('MH', cm.mentalHealth.entries, 'mentalHealth.entries', 'mental_health');

  // Every group a row can fall in must have a case mix.
  const needed: [CaseMixKey, Set<string>][] = PODS.filter((p) => p !== 'AE').map((p) => [
    p,
    reachableGroups(d, p),
  ]);
  needed.push(['NEL', new Set(AGE_CLASSES.flatMap((c) => SEXES.map((s) => `${c}_${s}`)))]);
  needed.push([READMISSION_AFTER_MATERNITY, reachableGroups(d, 'MAT')]);
  for (const [key, set] of needed) {
    for (const group of set) {
      if (!groups.has(`${key}|${group}`)) {
        problems.push({
          path: `${file}`,
          message: `no case mix for ${key} rows of ${group.replace('_', ' ')} patients`,
        });
      }
    }
  }
  for (const type of ['01', '02', '03', '04']) {
    if (!groups.has(`AE|${type}`))
      problems.push({ path: `${file}:ae`, message: `no A&E case mix for department type ${type}` });
  }

  const ranges: CaseMixRange[] = [];
  for (const [k, candidates] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [key, group] = k.split('|') as [CaseMixKey, string];
    const total = candidates.reduce((t, c) => t + c.weight, 0);
    const buckets = cumulativeRound(candidates.map((c) => (c.weight / total) * BUCKETS));
    let lo = 0;
    const drawn = new Set<string>();
    for (const [i, c] of candidates.entries()) {
      const n = buckets[i]!;
      if (n === 0) continue;
      drawn.add(c.where);
      const { weight: _, where: __, ...rest } = c;
      ranges.push({ key, group, lo, hi: lo + n, ...rest });
      lo += n;
    }
    // A variant below the resolution (e.g. a tiny multiprofessional share) may vanish; a whole entry may not.
    for (const where of new Set(candidates.map((c) => c.where))) {
      if (!drawn.has(where)) {
        problems.push({
          path: `${file}:${where}`,
          message: `weight too small to be drawn for ${key} ${group} (under 1/${BUCKETS})`,
        });
      }
    }
  }
  if (problems.length) throw AppError.validation(problems, 'Invalid synthetic case mix');
  return { ranges, leftOut };
}
