import { hashSeed } from '../random.ts';

/**
 * Seeded pseudo-random draws inside DuckDB SQL.
 *
 * A draw is DuckDB's 64-bit hash of ONE packed integer, (person id << 20 | key << 8 | stream), XORed
 * with a 64-bit mix of the seed, mapped to [0, 1). Packing matters: DuckDB's hash of several
 * arguments combines the per-argument hashes so that draws differing only in one argument are
 * strongly correlated (measured: hash(s, id, 1) < 0.5 exactly when hash(s, id, 2) < 0.5), while the
 * hash of one integer is a good mixer (uncorrelated streams, uniform buckets). Person ids must stay
 * below 2^43 and keys below 4096 (the generator caps events per person well below).
 */

/** Key of person-level draws (events use keys 0 .. 3999). */
export const PERSON_KEY = 4095;
/** Events of a person use keys 0 .. MAX_EVENTS - 1; an event's readmission uses key + READMISSION_OFFSET. */
export const MAX_EVENTS = 2000;
export const READMISSION_OFFSET = 2000;

/** Person-level streams. Condition group i uses CONDITION_STREAM_BASE + i. */
export const PERSON_STREAM = {
  age: 1,
  country: 2,
  lookedAfter: 3,
  lookedAfterRegistered: 4,
  careHome: 5,
  placementCareHome: 6,
  placementHospital: 7,
  placementSupported: 8,
  placementDomiciliary: 9,
  continuingCare: 10,
  temporary: 11,
  temporaryPractice: 12,
  temporaryStart: 13,
  temporaryLength: 14,
  s117: 15,
  s117Other: 16,
  veteran: 17,
  reservist: 18,
  yoi: 19,
  crossBorder: 20,
  lsoa: 21,
  birthday: 22,
  frailty1: 23,
  frailty2: 24,
  count: 25,
  countNormal1: 26,
  countNormal2: 27,
} as const;
export const CONDITION_STREAM_BASE = 100;

/** Event-level streams (the same numbers serve an event and its readmission, under different keys). */
export const EVENT_STREAM = {
  pod: 1,
  day: 2,
  caseMix: 3,
  provider: 4,
  los: 5,
  method: 6,
  selfDischarge: 7,
  death: 8,
  bpt: 9,
  aeType: 10,
  away: 11,
  awayProvider: 12,
  readmit: 13,
  gap: 14,
} as const;

/** A 64-bit mix of the seed, as an unsigned integer literal. */
export function seedMix(seed: number): bigint {
  const [a, b] = hashSeed(`synthetic-england\u241f${seed}`);
  return (BigInt(a) << 32n) | BigInt(b);
}

/** SQL for a uniform draw in [0, 1) for (person, key, stream). */
export function uniformSql(mix: bigint, personId: string, key: string | number, stream: number): string {
  if (!Number.isInteger(stream) || stream < 0 || stream > 255)
    throw new RangeError(`stream ${stream} out of 0..255`);
  return `(hash(xor(((${personId})::UBIGINT << 20) | ((${key})::UBIGINT << 8) | ${stream}::UBIGINT, ${mix}::UBIGINT)) / 18446744073709551616.0)`;
}

/**
 * Two uniform draws in [0, 1) with 32-bit resolution from one hash (its high and low halves): half
 * the hashing for the many condition draws, whose probabilities are far above 2^-32.
 */
export function uniformHalvesSql(
  mix: bigint,
  personId: string,
  key: string | number,
  stream: number,
): [string, string] {
  if (!Number.isInteger(stream) || stream < 0 || stream > 255)
    throw new RangeError(`stream ${stream} out of 0..255`);
  const h = `hash(xor(((${personId})::UBIGINT << 20) | ((${key})::UBIGINT << 8) | ${stream}::UBIGINT, ${mix}::UBIGINT))`;
  return [`((${h} >> 32) / 4294967296.0)`, `((${h} & 4294967295::UBIGINT) / 4294967296.0)`];
}

/**
 * A keyed bijection of ids below 2^64 (a four-round Feistel network over 32-bit halves, with DuckDB's
 * hash as the round function) printed as 16 hex digits: pseudonyms that look random and never collide.
 */
export function pseudonymSql(id: string, mix: bigint, salt: number): string {
  const mask = '4294967295::UBIGINT';
  const round = (r: string, k: number) =>
    `(hash(xor(${r}, ${(mix ^ BigInt(salt * 7919 + k)) & 0xffffffffffffffffn}::UBIGINT)) & ${mask})`;
  let l = `((${id})::UBIGINT >> 32)`;
  let r = `((${id})::UBIGINT & ${mask})`;
  for (let k = 1; k <= 4; k++) [l, r] = [r, `xor(${l}, ${round(r, k)})`];
  return `printf('%016x', (${l} << 32) | ${r})`;
}

/** A standard normal draw (Box-Muller) from two uniforms. */
export function normalSql(u1: string, u2: string): string {
  return `(sqrt(-2 * ln(1 - ${u1})) * cos(2 * pi() * ${u2}))`;
}

/**
 * A Poisson(lam) count by inverse CDF, as a chain of CTEs over `from` (which must have the columns
 * lam, u_count and z_count): each step adds one term of the CDF as a real column, so the work is
 * linear in the number of terms (DuckDB would expand a chain of select-list aliases into one ever
 * larger expression). For lam above `normalAbove`, the normal approximation with draw z_count.
 * The last CTE, named `${prefix}_n`, has the `keep` columns and n_events.
 */
export function poissonCtes(
  from: string,
  keep: readonly string[],
  prefix: string,
  terms = 30,
  normalAbove = 12,
): string {
  const cols = [...keep, 'lam', 'u_count', 'z_count'].join(', ');
  const steps = [
    `${prefix}_0 as (select ${cols}, exp(-lam) as q, exp(-lam) as c, (u_count >= exp(-lam))::INTEGER as n from ${from})`,
  ];
  for (let k = 1; k < terms; k++) {
    const q = `q * lam / ${k}`;
    steps.push(
      `${prefix}_${k} as (select ${cols}, ${q} as q, c + ${q} as c, n + (u_count >= c + ${q})::INTEGER as n from ${prefix}_${k - 1})`,
    );
  }
  steps.push(`${prefix}_n as (select ${keep.join(', ')},
    case when lam <= 0 then 0 when lam > ${normalAbove} then greatest(0, round(lam + sqrt(lam) * z_count))::INTEGER else n end
      as n_events
    from ${prefix}_${terms - 1})`);
  return steps.join(',\n');
}

/** A CASE choosing among labels by cumulative shares (shares in order; the last label takes the rest). */
export function categoricalSql(u: string, shares: readonly (readonly [string, number])[]): string {
  if (shares.length === 0) throw new RangeError('categoricalSql: no choices');
  if (shares.length === 1) return sqlText(shares[0]![0]);
  let running = 0;
  const whens = shares.slice(0, -1).map(([label, share]) => {
    running += share;
    return `when ${u} < ${literal(running)} then ${sqlText(label)}`;
  });
  return `(case ${whens.join(' ')} else ${sqlText(shares[shares.length - 1]![0])} end)`;
}

/** A number as a SQL DOUBLE literal that round-trips exactly. */
export function literal(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  return `${String(x)}::DOUBLE`;
}

export function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A geometric count with mean `mean` (0 when mean is 0), capped. */
export function geometricSql(u: string, mean: string, cap: number): string {
  return `(case when ${mean} <= 0 then 0 else least(${cap}, floor(ln(1 - ${u}) / ln(${mean} / (${mean} + 1))))::INTEGER end)`;
}

/** Shares by age steps ({fromAge, share} ascending): the share of the highest step at or below the age. */
export function ageStepSql(age: string, steps: readonly { fromAge: number; share: number }[]): string {
  if (steps.length === 0) return '0::DOUBLE';
  const sorted = [...steps].sort((a, b) => b.fromAge - a.fromAge);
  return `(case ${sorted.map((s) => `when ${age} >= ${s.fromAge} then ${literal(s.share)}`).join(' ')} else 0::DOUBLE end)`;
}
