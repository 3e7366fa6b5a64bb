/**
 * The conditions of one CCG in the demo of the real waves: how many, on which criteria, at which
 * support levels. What the sources say (a named CCG's count, criteria and levels) is kept and marked;
 * the rest is drawn from the seeded generator within the real constraints (a wave's range of counts;
 * levels I–III without directions; at least one level that brings directions for a CCG under them).
 */
import { AppError } from '../../../platform/errors.ts';
import type { Rng } from '../../../synth/random.ts';
import {
  type DemoCondition,
  type DemoReferenceFacts,
  DOMAIN_NUMBERS,
  type DomainNumber,
  type FactProvenance,
  type NamedCcgFacts,
  SUPPORT_LEVEL_NUMBERS,
  type SupportLevelNumber,
  type WaveDefinition,
} from '../model.ts';

export interface CountRange {
  readonly min: number;
  readonly max: number;
  /** The source of the range: a wave's real range, or the demo's assumption. */
  readonly source: string;
  readonly real: boolean;
}

/** One of `entries`, with probability proportional to its weight (weights not all zero). */
export function weightedPick<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  if (!(total > 0)) throw new AppError('internal', 'weightedPick needs a positive total weight');
  let x = rng.next() * total;
  for (const [item, w] of entries) {
    x -= w;
    if (x < 0) return item;
  }
  return entries.at(-1)![0];
}

/** The range a CCG's count is drawn from, widened to hold its known conditions. */
export function conditionCountRange(
  named: NamedCcgFacts | null,
  wave: WaveDefinition,
  underDirections: boolean,
  facts: DemoReferenceFacts,
): CountRange {
  const known = named?.knownConditions?.length ?? 0;
  // A wave's published range covers CCGs with conditions but no directions.
  const waveRange = underDirections ? null : wave.conditionsPerCcg;
  const base = waveRange ?? facts.waves.demoAssumptions.conditionCountWhereUnknown;
  return {
    min: Math.max(base.min, known),
    max: Math.max(base.max, known),
    source: base.source,
    real: waveRange !== null,
  };
}

/** A count from the range, skewed towards few conditions (most CCGs had a handful). */
export const drawConditionCount = (rng: Rng, range: CountRange): number =>
  range.min + Math.floor((range.max - range.min + 1) * rng.next() ** 2);

function drawLevel(rng: Rng, facts: DemoReferenceFacts, directing: boolean): SupportLevelNumber {
  const weights = directing
    ? facts.waves.demoAssumptions.levelWeightsWithDirections
    : facts.waves.demoAssumptions.levelWeightsWithoutDirections;
  const entries = SUPPORT_LEVEL_NUMBERS.flatMap((level) => {
    const w = (weights as Readonly<Record<string, number>>)[String(level)];
    const allowed = facts.supportLevels.find((l) => l.level === level)?.bringsDirections === directing;
    return w !== undefined && allowed ? [[level, w] as const] : [];
  });
  return weightedPick(rng, entries);
}

function drawCriterion(
  rng: Rng,
  facts: DemoReferenceFacts,
  used: Set<string>,
  domains: readonly DomainNumber[],
): { id: string; domain: DomainNumber } {
  const weights = facts.waves.demoAssumptions.conditionDomainWeights;
  const free = (d: DomainNumber) => facts.criteria.filter((c) => c.domain === d && !used.has(c.id));
  const open = domains.filter((d) => free(d).length && weights[`${d}`] > 0);
  if (!open.length) throw new AppError('internal', 'No criterion left to draw a condition on');
  const domain = weightedPick(
    rng,
    open.map((d) => [d, weights[`${d}`]] as const),
  );
  const criterion = rng.pick(free(domain));
  used.add(criterion.id);
  return { id: criterion.id, domain };
}

const SYNTHETIC_CRITERION: FactProvenance = {
  basis: 'synthetic',
  source:
    'Drawn by the seeded generator: domain by demoAssumptions.conditionDomainWeights, then a criterion of that domain',
};
const syntheticLevel = (directing: boolean): FactProvenance => ({
  basis: 'synthetic',
  source: directing
    ? 'Drawn by the seeded generator from levels that bring directions (demoAssumptions.levelWeightsWithDirections): the CCG was under directions'
    : 'Drawn by the seeded generator from levels I–III (demoAssumptions.levelWeightsWithoutDirections)',
});

/**
 * `count` conditions for one CCG: its known ones first (kept as the sources give them), the rest drawn.
 * A CCG under directions gets at least one condition at a level that brings them.
 */
export function drawConditions(
  rng: Rng,
  named: NamedCcgFacts | null,
  count: number,
  underDirections: boolean,
  facts: DemoReferenceFacts,
): DemoCondition[] {
  const known = named?.knownConditions ?? [];
  const domainOf = (id: string) => facts.criteria.find((c) => c.id === id)?.domain;
  const brings = (level: SupportLevelNumber) =>
    facts.supportLevels.find((l) => l.level === level)?.bringsDirections;
  const used = new Set(known.flatMap((k) => (k.criterionId ? [k.criterionId] : [])));
  const otherDomains = named?.otherConditionDomains?.value ?? DOMAIN_NUMBERS;
  let needsDirecting =
    underDirections && !known.some((k) => k.supportLevel !== null && brings(k.supportLevel));
  const level = (given: SupportLevelNumber | null, source: FactProvenance) => {
    if (given !== null) return { supportLevel: given, level: source };
    const directing = needsDirecting;
    needsDirecting = false;
    return { supportLevel: drawLevel(rng, facts, directing), level: syntheticLevel(directing) };
  };

  const conditions: DemoCondition[] = known.map((k) => {
    const source: FactProvenance = { basis: k.basis, source: k.source };
    const domain = k.criterionId ? domainOf(k.criterionId) : undefined;
    if (k.criterionId && domain === undefined) {
      throw new AppError('internal', `Known condition cites ${k.criterionId}, which is not in the criteria`);
    }
    const criterion = k.criterionId
      ? { id: k.criterionId, domain: domain! }
      : drawCriterion(rng, facts, used, DOMAIN_NUMBERS);
    return {
      criterionId: criterion.id,
      domain: criterion.domain,
      criterion: k.criterionId ? source : SYNTHETIC_CRITERION,
      ...level(k.supportLevel, source),
    };
  });
  while (conditions.length < count) {
    const criterion = drawCriterion(rng, facts, used, otherDomains);
    conditions.push({
      criterionId: criterion.id,
      domain: criterion.domain,
      criterion: SYNTHETIC_CRITERION,
      ...level(null, SYNTHETIC_CRITERION),
    });
  }
  if (needsDirecting) {
    throw new AppError(
      'internal',
      `${named?.sourceName ?? 'A CCG'} is under directions but no condition can bring them`,
    );
  }
  return conditions;
}
