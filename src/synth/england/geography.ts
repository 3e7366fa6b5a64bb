import type {
  ActivityReference,
  ReferencePractice,
  ReferenceTrust,
} from '../../modules/activity/reference-tables.ts';
import { AppError, type Problem } from '../../platform/errors.ts';
import type { PopulationDefinitions, ProviderDefinitions } from './definitions.ts';

/**
 * Where things are, for the generator: practice positions (with fallbacks), each practice's home and
 * neighbour CCG, its share of cross-border residents, the LSOA pool of every CCG, the nearest prison
 * and YOI health centres, and the nearest trusts of each kind. Pure: reference data in, plain tables out.
 */

export type Located = 'own' | 'postcode_district' | 'postcode_area' | 'ccg_centroid';

export interface PracticeGeography {
  readonly code: string;
  /** Membership on 1 April 2013 (null for practices in no CCG, e.g. most prison health centres). */
  readonly ccgCode: string | null;
  /** The membership CCG, or for a practice in none the CCG of the nearest practice that has one. */
  readonly homeCcg: string;
  readonly prescribingSetting: string;
  readonly lat: number;
  readonly lon: number;
  readonly located: Located;
  /** The CCG of the nearest practice (with its own position) in another CCG, that practice and the distance. */
  readonly neighbourCcg: string;
  readonly neighbourPractice: string;
  readonly neighbourKm: number;
  /** Chance that a registered patient lives in the neighbour CCG: within [minShare, maxShare]. */
  readonly crossBorderShare: number;
  /** Nearest located prison (setting 25) and YOI (setting 16) health centre, if any exist. */
  readonly prisonPractice: string | null;
  readonly yoiPractice: string | null;
}

export const PROVIDER_KINDS = [
  'acute',
  'specialised',
  'urgent',
  'community_services',
  'mental_health',
  'high_secure',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export type TrustRole = 'acute' | 'specialist' | 'community' | 'mental_health' | 'excluded';

export interface ProviderChoice {
  readonly anchor: string;
  readonly kind: ProviderKind;
  /** Nearest first; cumulative[i] is the chance of choosing providers[0..i]. The last is 1. */
  readonly providers: readonly string[];
  readonly cumulative: readonly number[];
}

export interface Geography {
  readonly practices: ReadonlyMap<string, PracticeGeography>;
  /** Every CCG → the CCG whose LSOAs its residents are drawn from (itself when it has any). */
  readonly poolOf: ReadonlyMap<string, string>;
  readonly trustRoles: ReadonlyMap<string, TrustRole>;
  readonly providerChoices: readonly ProviderChoice[];
  /** General acute trusts, by code: the choice for A&E attendances away from home. */
  readonly awayProviders: readonly string[];
  /** GP practices (setting 4) in a CCG and on the list, by code: the pool for temporary residence. */
  readonly temporaryPractices: readonly string[];
}

const KM_PER_DEGREE_LAT = 110.57;
const KM_PER_DEGREE_LON = 111.32 * Math.cos((52.5 * Math.PI) / 180);

/** Planar distance in km: accurate to a few per cent across England, and deterministic. */
export function distanceKm(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const dy = (aLat - bLat) * KM_PER_DEGREE_LAT;
  const dx = (aLon - bLon) * KM_PER_DEGREE_LON;
  return Math.sqrt(dx * dx + dy * dy);
}

export function crossBorderShare(km: number, c: PopulationDefinitions['residence']['crossBorder']): number {
  return c.minShare + (c.maxShare - c.minShare) * Math.exp(-km / c.decayKm);
}

const district = (postcode: string | null) => (postcode ?? '').trim().toUpperCase().split(/\s+/)[0] ?? '';
const area = (postcode: string | null) => /^[A-Z]+/.exec((postcode ?? '').trim().toUpperCase())?.[0] ?? '';

interface Point {
  readonly lat: number;
  readonly lon: number;
}
const mean = (points: readonly Point[]): Point | null =>
  points.length === 0
    ? null
    : {
        lat: points.reduce((t, p) => t + p.lat, 0) / points.length,
        lon: points.reduce((t, p) => t + p.lon, 0) / points.length,
      };

/** The nearest accepted candidate (ties to the smaller key), comparing squared planar distances. */
function nearest<T extends Point>(
  from: Point,
  candidates: readonly T[],
  key: (c: T) => string,
  accept: (c: T) => boolean,
) {
  let best: T | null = null;
  let bestSquare = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const dy = (from.lat - c.lat) * KM_PER_DEGREE_LAT;
    const dx = (from.lon - c.lon) * KM_PER_DEGREE_LON;
    const square = dx * dx + dy * dy;
    if (square > bestSquare || !accept(c)) continue;
    if (square < bestSquare || (best !== null && key(c) < key(best))) {
      best = c;
      bestSquare = square;
    }
  }
  return best === null ? null : { item: best, km: Math.sqrt(bestSquare) };
}

/**
 * Points bucketed in square cells of `cellKm`; `nearest` searches rings of cells outwards and gives
 * exactly what a scan of every point would (nearest accepted point, ties to the smaller key).
 */
export class GridIndex<T extends Point> {
  private readonly cells = new Map<string, T[]>();
  private readonly maxRing: number;

  constructor(
    points: readonly T[],
    private readonly key: (p: T) => string,
    private readonly cellKm = 5,
  ) {
    let maxX = 0;
    let maxY = 0;
    for (const p of points) {
      const [x, y] = this.cellOf(p);
      maxX = Math.max(maxX, Math.abs(x));
      maxY = Math.max(maxY, Math.abs(y));
      const k = `${x},${y}`;
      const list = this.cells.get(k);
      if (list) list.push(p);
      else this.cells.set(k, [p]);
    }
    this.maxRing = 2 * Math.max(maxX, maxY) + 2;
  }

  private cellOf(p: Point): [number, number] {
    return [
      Math.floor((p.lon * KM_PER_DEGREE_LON) / this.cellKm),
      Math.floor((p.lat * KM_PER_DEGREE_LAT) / this.cellKm),
    ];
  }

  nearest(from: Point, accept: (p: T) => boolean): { item: T; km: number } | null {
    const [cx, cy] = this.cellOf(from);
    let bestItem: T | null = null;
    let bestKm = Number.POSITIVE_INFINITY;
    for (let r = 0; r <= this.maxRing; r++) {
      for (let dx = -r; dx <= r; dx++) {
        for (let dy = -r; dy <= r; dy++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== r) continue;
          const found = nearest(from, this.cells.get(`${cx + dx},${cy + dy}`) ?? [], this.key, accept);
          if (!found) continue;
          if (
            bestItem === null ||
            found.km < bestKm ||
            (found.km === bestKm && this.key(found.item) < this.key(bestItem))
          ) {
            bestItem = found.item;
            bestKm = found.km;
          }
        }
      }
      // Points in ring r + 1 and beyond are at least r cells away.
      if (bestItem !== null && bestKm < r * this.cellKm) break;
    }
    return bestItem === null ? null : { item: bestItem, km: bestKm };
  }
}

export function trustRoles(
  trusts: readonly ReferenceTrust[],
  p: ProviderDefinitions,
): Map<string, TrustRole> {
  const problems: Problem[] = [];
  const known = new Set(trusts.map((t) => t.code));
  const listed = new Map<string, TrustRole>();
  const lists: [TrustRole, readonly string[], string][] = [
    ['mental_health', p.kinds.mental_health.codes, 'kinds.mental_health'],
    ['mental_health', p.kinds.high_secure.codes, 'kinds.high_secure'],
    ['community', p.kinds.community.codes, 'kinds.community'],
    ['specialist', p.kinds.specialist.codes, 'kinds.specialist'],
  ];
  for (const [role, codes, at] of lists) {
    for (const c of codes) {
      if (!known.has(c))
        problems.push({
          path: `synthetic-providers.json:${at}`,
          message: `${c} is not a trust of ref_trust`,
        });
      const before = listed.get(c);
      if (before !== undefined && before !== role) {
        problems.push({
          path: `synthetic-providers.json:${at}`,
          message: `${c} is listed as both ${before} and ${role}`,
        });
      }
      listed.set(c, role);
    }
  }
  for (const c of p.kinds.high_secure.codes) {
    if (!p.kinds.mental_health.codes.includes(c)) {
      problems.push({
        path: 'synthetic-providers.json:kinds.high_secure',
        message: `${c} is not also a mental health trust`,
      });
    }
  }
  if (problems.length) throw AppError.validation(problems, 'Invalid synthetic provider definitions');
  const excluded = new RegExp(p.excludedNamePattern, 'i');
  return new Map(
    trusts.map((t) => [
      t.code,
      t.lat === null || t.lon === null || excluded.test(t.name)
        ? 'excluded'
        : (listed.get(t.code) ?? 'acute'),
    ]),
  );
}

/** The n nearest trusts (ties to the smaller code), nearest first. */
function nearestN(
  from: Point,
  trusts: readonly (ReferenceTrust & Point)[],
  n: number,
): { code: string; km: number }[] {
  const best: { code: string; km: number }[] = [];
  for (const t of trusts) {
    const km = distanceKm(from.lat, from.lon, t.lat, t.lon);
    let i = best.length;
    while (i > 0 && (best[i - 1]!.km > km || (best[i - 1]!.km === km && best[i - 1]!.code > t.code))) i--;
    if (i >= n) continue;
    best.splice(i, 0, { code: t.code, km });
    if (best.length > n) best.pop();
  }
  return best;
}

function kindMembers(
  kind: ProviderKind,
  role: TrustRole,
  code: string,
  highSecure: ReadonlySet<string>,
): boolean {
  switch (kind) {
    case 'acute':
      return role === 'acute';
    case 'specialised':
      return role === 'acute' || role === 'specialist';
    case 'urgent':
    case 'community_services':
      return role === 'acute' || role === 'community';
    case 'mental_health':
      return role === 'mental_health';
    case 'high_secure':
      return role === 'mental_health' && highSecure.has(code);
  }
}

/**
 * Builds the geography for the practices in `neededPractices` (those on the list, plus every prison
 * and YOI health centre). Throws, naming them, if any needed practice cannot be placed.
 */
export function buildGeography(
  ref: ActivityReference,
  neededPractices: ReadonlySet<string>,
  population: PopulationDefinitions,
  providers: ProviderDefinitions,
): Geography {
  const own = ref.practices.filter((p) => p.lat !== null && p.lon !== null) as (ReferencePractice & Point)[];
  const byDistrict = new Map<string, Point[]>();
  const byArea = new Map<string, Point[]>();
  const byCcg = new Map<string, Point[]>();
  for (const p of own) {
    for (const [map, key] of [
      [byDistrict, district(p.postcode)],
      [byArea, area(p.postcode)],
      [byCcg, p.ccgCode ?? ''],
    ] as const) {
      if (!key) continue;
      const list = map.get(key);
      if (list) list.push(p);
      else map.set(key, [p]);
    }
  }
  const centroid = new Map([...byCcg].map(([ccg, points]) => [ccg, mean(points)!]));

  const problems: Problem[] = [];
  const placed: (Point & { code: string; ccgCode: string | null; setting: string; located: Located })[] = [];
  for (const p of ref.practices) {
    if (!neededPractices.has(p.code) && p.prescribingSetting !== '25' && p.prescribingSetting !== '16')
      continue;
    const fallbacks: [Located, Point | null][] = [
      ['own', p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon } : null],
      ['postcode_district', mean(byDistrict.get(district(p.postcode)) ?? [])],
      ['postcode_area', mean(byArea.get(area(p.postcode)) ?? [])],
      ['ccg_centroid', p.ccgCode ? (centroid.get(p.ccgCode) ?? null) : null],
    ];
    const found = fallbacks.find(([, point]) => point !== null);
    if (!found) {
      if (neededPractices.has(p.code)) {
        problems.push({
          path: `practice ${p.code}`,
          message: 'has patients but no position, postcode or CCG to place it by',
        });
      }
      continue;
    }
    const [located, point] = found as [Located, Point];
    placed.push({ ...point, code: p.code, ccgCode: p.ccgCode, setting: p.prescribingSetting, located });
  }
  const known = new Set(ref.practices.map((p) => p.code));
  for (const code of neededPractices) {
    if (!known.has(code)) problems.push({ path: `practice ${code}`, message: 'is not in ref_practice' });
  }
  if (problems.length)
    throw AppError.validation(problems, 'Practices the synthetic population needs cannot be placed');

  // Neighbours are measured between practices with their own position and a CCG.
  const ccgMembers = new GridIndex(
    own.filter((p) => p.ccgCode !== null && neededPractices.has(p.code)),
    (m) => m.code,
  );
  const prisons = placed.filter((p) => p.setting === '25');
  const yois = placed.filter((p) => p.setting === '16');
  const practices = new Map<string, PracticeGeography>();
  for (const p of placed) {
    const homeCcg = p.ccgCode ?? ccgMembers.nearest(p, () => true)?.item.ccgCode;
    if (!homeCcg)
      throw AppError.validation([
        { path: `practice ${p.code}`, message: 'no CCG practice to take a home CCG from' },
      ]);
    const other = ccgMembers.nearest(p, (m) => m.ccgCode !== homeCcg);
    if (!other)
      throw AppError.validation([{ path: `practice ${p.code}`, message: 'no practice in another CCG' }]);
    practices.set(p.code, {
      code: p.code,
      ccgCode: p.ccgCode,
      homeCcg,
      prescribingSetting: p.setting,
      lat: p.lat,
      lon: p.lon,
      located: p.located,
      neighbourCcg: other.item.ccgCode!,
      neighbourPractice: other.item.code,
      neighbourKm: other.km,
      crossBorderShare: crossBorderShare(other.km, population.residence.crossBorder),
      prisonPractice:
        nearest(
          p,
          prisons,
          (m) => m.code,
          () => true,
        )?.item.code ?? null,
      yoiPractice:
        nearest(
          p,
          yois,
          (m) => m.code,
          () => true,
        )?.item.code ?? null,
    });
  }

  const withLsoas = new Set(ref.lsoas.map((l) => l.ccgCode));
  const poolOf = new Map<string, string>();
  const poolCandidates = [...centroid]
    .filter(([ccg]) => withLsoas.has(ccg))
    .map(([ccg, point]) => ({ ...point, ccg }));
  const overrides = population.residence.lsoaPoolOverrides;
  const knownCcgs = new Set(ref.ccgs.map((c) => c.code));
  const badOverrides = Object.entries(overrides).filter(
    ([from, to]) => !knownCcgs.has(from) || !withLsoas.has(to),
  );
  if (badOverrides.length) {
    throw AppError.validation(
      badOverrides.map(([from, to]) => ({
        path: `synthetic-population.json:residence.lsoaPoolOverrides.${from}`,
        message: `${from} must be a CCG and ${to} a CCG with LSOAs in the lookup`,
      })),
    );
  }
  for (const { code } of ref.ccgs) {
    if (withLsoas.has(code)) {
      poolOf.set(code, code);
      continue;
    }
    if (overrides[code]) {
      poolOf.set(code, overrides[code]);
      continue;
    }
    const c = centroid.get(code);
    const pool = c
      ? nearest(
          c,
          poolCandidates,
          (x) => x.ccg,
          () => true,
        )?.item.ccg
      : undefined;
    if (!pool)
      throw AppError.validation([
        { path: `ccg ${code}`, message: 'has no LSOA and no practice position to find a neighbour by' },
      ]);
    poolOf.set(code, pool);
  }

  const roles = trustRoles(ref.trusts, providers);
  const highSecure = new Set(providers.kinds.high_secure.codes);
  const located = ref.trusts.filter((t) => roles.get(t.code) !== 'excluded') as (ReferenceTrust & Point)[];
  const weights = providers.choice.nearestWeights;
  const providerChoices: ProviderChoice[] = [];
  const members = new Map(
    PROVIDER_KINDS.map((kind) => [
      kind,
      located.filter((t) => kindMembers(kind, roles.get(t.code)!, t.code, highSecure)),
    ]),
  );
  for (const p of [...practices.values()].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    for (const kind of PROVIDER_KINDS) {
      const ranked = nearestN(p, members.get(kind)!, weights.length);
      if (ranked.length === 0)
        throw AppError.validation([{ path: `provider kind ${kind}`, message: 'has no located trust' }]);
      const w = weights.slice(0, ranked.length);
      const total = w.reduce((t, x) => t + x, 0);
      const cumulative: number[] = [];
      let running = 0;
      for (const [i, x] of w.entries()) {
        running += x;
        cumulative.push(i === w.length - 1 ? 1 : running / total);
      }
      providerChoices.push({ anchor: p.code, kind, providers: ranked.map((r) => r.code), cumulative });
    }
  }

  return {
    practices,
    poolOf,
    trustRoles: roles,
    providerChoices,
    awayProviders: located
      .filter((t) => roles.get(t.code) === 'acute')
      .map((t) => t.code)
      .sort(),
    temporaryPractices: [...practices.values()]
      .filter((p) => p.prescribingSetting === '4' && p.ccgCode !== null && neededPractices.has(p.code))
      .map((p) => p.code)
      .sort(),
  };
}
