import { AGE_BANDS, type AgeBand, type Sex } from './age-bands.ts';
import type { CohortDefinitions } from './definitions.ts';

/**
 * How many people of each kind every list-size cell (practice x sex x age band) yields, their person
 * ids, and which chunk generates them. Pure and deterministic: the same list sizes and scale always
 * give the same plan.
 */

/** Registered people come from the list; the other kinds are on no practice list. */
export const PERSON_KINDS = [
  'registered',
  'unregistered',
  'overseas_visitor',
  'serving_armed_forces',
  'dms_family',
  'prisoner',
  'immigration_detainee',
] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export interface ListCell {
  readonly practiceCode: string;
  readonly sex: Sex;
  readonly ageBand: AgeBand;
  readonly patients: number;
}

export interface PlannedCell extends ListCell {
  readonly cellId: number;
  /** The practice's CCG (or, for a practice in none, the CCG of its nearest practice). */
  readonly homeCcg: string;
}

export interface CellKindCount {
  readonly cellId: number;
  readonly kind: PersonKind;
  readonly n: number;
  /** Person ids of this cell and kind are idStart .. idStart + n - 1. */
  readonly idStart: number;
  readonly chunk: number;
}

export interface CellPlan {
  readonly cells: readonly PlannedCell[];
  readonly counts: readonly CellKindCount[];
  readonly chunks: number;
  readonly peopleByKind: Readonly<Record<PersonKind, number>>;
  readonly people: number;
}

/** Rate per person on the list for each kind not on a list (sex x band; 0 where absent). */
export type ExtraRates = Readonly<Record<Exclude<PersonKind, 'registered'>, CohortRates>>;
type CohortRates = {
  readonly male: Partial<Record<AgeBand, number>>;
  readonly female: Partial<Record<AgeBand, number>>;
};

export function extraRatesFrom(c: CohortDefinitions): ExtraRates {
  const n = c.notRegistered;
  return {
    unregistered: n.unregistered.rates,
    overseas_visitor: n.overseasVisitor.rates,
    serving_armed_forces: n.servingArmedForces.rates,
    dms_family: n.dmsFamily.rates,
    prisoner: n.prisoner.rates,
    immigration_detainee: n.immigrationDetainee.rates,
  };
}

/**
 * Cumulative rounding: item i gets floor(C_i + 0.5) - floor(C_(i-1) + 0.5), where C_i is the running
 * total of the expected values. Every item gets the floor or the ceiling of its expected value and
 * the total is the rounded total, whatever the number of items.
 */
export function cumulativeRound(expected: readonly number[]): number[] {
  const out: number[] = [];
  let running = 0;
  let previous = 0;
  for (const x of expected) {
    if (!(x >= 0) || !Number.isFinite(x))
      throw new RangeError(`cumulativeRound: expected value ${x} is not a finite number ≥ 0`);
    running += x;
    const next = Math.floor(running + 0.5);
    out.push(next - previous);
    previous = next;
  }
  return out;
}

/**
 * The list rule exactly as definitions/activity/synthetic-population.json states it, on whole-number
 * running totals: a cell whose list sizes up to and including it sum to C gets
 * floor(scale*C + 0.5) - floor(scale*(C - patients) + 0.5) people.
 */
export function listCounts(patients: readonly number[], scale: number): number[] {
  let cumulative = 0;
  return patients.map((p) => {
    const before = cumulative;
    cumulative += p;
    return Math.floor(scale * cumulative + 0.5) - Math.floor(scale * before + 0.5);
  });
}

/** Cells in the sampling order: practice code, sex (female, male), age band (youngest first). */
export function orderCells<T extends ListCell>(cells: readonly T[]): T[] {
  const key = (c: ListCell) => `${c.practiceCode}\u0000${c.sex}\u0000${AGE_BANDS.indexOf(c.ageBand)}`;
  return cells
    .map((c) => ({ c, k: key(c) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .map(({ c }) => c);
}

export function planCells(
  listCells: readonly ListCell[],
  homeCcgOf: (practiceCode: string) => string,
  rates: ExtraRates,
  scale: number,
  maxPeoplePerChunk: number,
): CellPlan {
  if (!(scale > 0 && scale <= 1)) throw new RangeError(`scale must be in (0, 1], got ${scale}`);
  if (!(maxPeoplePerChunk >= 1))
    throw new RangeError(`maxPeoplePerChunk must be at least 1, got ${maxPeoplePerChunk}`);
  const homeCcgs = new Map<string, string>();
  const cells: PlannedCell[] = orderCells(listCells).map((c, cellId) => {
    let homeCcg = homeCcgs.get(c.practiceCode);
    if (homeCcg === undefined) {
      homeCcg = homeCcgOf(c.practiceCode);
      homeCcgs.set(c.practiceCode, homeCcg);
    }
    return {
      practiceCode: c.practiceCode,
      sex: c.sex,
      ageBand: c.ageBand,
      patients: c.patients,
      cellId,
      homeCcg,
    };
  });
  const patients = cells.map((c) => c.patients);
  const perKind = new Map<PersonKind, number[]>([['registered', listCounts(patients, scale)]]);
  for (const kind of PERSON_KINDS) {
    if (kind === 'registered') continue;
    // The rate of each (sex, band) once, then a plain array lookup per cell.
    const rate = new Map(cells.map((c) => [`${c.sex}|${c.ageBand}`, rates[kind][c.sex][c.ageBand] ?? 0]));
    perKind.set(
      kind,
      cumulativeRound(cells.map((c) => scale * c.patients * rate.get(`${c.sex}|${c.ageBand}`)!)),
    );
  }

  // Chunks are whole CCGs in code order, filled up to maxPeoplePerChunk people.
  const peopleByCcg = new Map<string, number>();
  const kindCounts = PERSON_KINDS.map((k) => perKind.get(k)!);
  for (const c of cells) {
    let total = 0;
    for (const n of kindCounts) total += n[c.cellId]!;
    peopleByCcg.set(c.homeCcg, (peopleByCcg.get(c.homeCcg) ?? 0) + total);
  }
  const chunkOfCcg = new Map<string, number>();
  let chunk = 0;
  let inChunk = 0;
  for (const ccg of [...peopleByCcg.keys()].sort()) {
    const n = peopleByCcg.get(ccg)!;
    if (inChunk > 0 && inChunk + n > maxPeoplePerChunk) {
      chunk += 1;
      inChunk = 0;
    }
    chunkOfCcg.set(ccg, chunk);
    inChunk += n;
  }

  const counts: CellKindCount[] = [];
  const peopleByKind = {} as Record<PersonKind, number>;
  let nextId = 0;
  for (const kind of PERSON_KINDS) {
    const n = perKind.get(kind)!;
    const start = nextId;
    for (const c of cells) {
      const k = n[c.cellId]!;
      if (k > 0)
        counts.push({ cellId: c.cellId, kind, n: k, idStart: nextId, chunk: chunkOfCcg.get(c.homeCcg)! });
      nextId += k;
    }
    peopleByKind[kind] = nextId - start;
  }
  return { cells, counts, chunks: peopleByCcg.size === 0 ? 0 : chunk + 1, peopleByKind, people: nextId };
}
