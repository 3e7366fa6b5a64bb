/**
 * The demo of the real 2012–13 authorisation waves over England's 211 CCGs. It reproduces the real
 * aggregates exactly (34/67/62/48 per wave; 43 authorised without conditions and 168 with; 15 of those
 * also under directions; the July 2013 review lifting all conditions from 46 and leaving 59), keeps
 * every fact the sources give about named CCGs, and draws everything else from a seeded generator.
 * Each field says whether it is real (with its source), inferred or synthetic.
 */
import { AppError, type Problem } from '../../../platform/errors.ts';
import { createRng, type Rng } from '../../../synth/random.ts';
import type {
  DemoCcgAuthorisation,
  DemoReferenceFacts,
  FactProvenance,
  July2013Status,
  NamedCcgFacts,
  WaveDefinition,
  WaveNumber,
} from '../model.ts';
import { matchCcgName } from './ccg-names.ts';
import {
  type CountRange,
  conditionCountRange,
  drawConditionCount,
  drawConditions,
} from './demo-conditions.ts';

type Category = 'none' | 'conditions' | 'directions';
interface Slot {
  readonly wave: WaveNumber;
  readonly category: Category;
}
interface Ccg {
  readonly code: string;
  readonly name: string;
}

const synthetic = (source: string): FactProvenance => ({ basis: 'synthetic', source });
const ofFact = (f: { basis: 'real' | 'inferred'; source: string }): FactProvenance => ({
  basis: f.basis,
  source: f.source,
});

/** Each CCG's named facts (by index), or every problem matching them: wrong count, unmatched or ambiguous names. */
function matchNamed(ccgs: readonly Ccg[], facts: DemoReferenceFacts): (NamedCcgFacts | null)[] {
  const problems: Problem[] = [];
  const expected = facts.waves.totals.ccgs;
  if (ccgs.length !== expected) {
    problems.push({
      path: 'ccgs',
      message: `the demo reproduces England's ${expected} CCGs; got ${ccgs.length}`,
      code: 'wrong_ccg_count',
    });
  }
  const codes = new Set<string>();
  ccgs.forEach((c, i) => {
    if (codes.has(c.code))
      problems.push({ path: `ccgs.${i}.code`, message: `duplicate code ${c.code}`, code: 'duplicate_ccg' });
    codes.add(c.code);
  });
  const byIndex: (NamedCcgFacts | null)[] = ccgs.map(() => null);
  facts.waves.namedCcgs.forEach((named, i) => {
    const matches = matchCcgName(named.ccgName, ccgs);
    if (matches.length !== 1) {
      problems.push({
        path: `namedCcgs.${i}`,
        message: `"${named.ccgName}" (${named.sourceName}) matches ${matches.length} CCGs, not one`,
        code: 'unmatched_named_ccg',
      });
      return;
    }
    byIndex[matches[0]!] = named;
  });
  if (problems.length) throw AppError.validation(problems, 'Cannot assign the demo waves');
  return byIndex;
}

function slotsOf(waves: readonly WaveDefinition[]): Slot[] {
  return waves.flatMap((w) => [
    ...Array.from({ length: w.result.withoutConditions }, () => ({
      wave: w.wave,
      category: 'none' as const,
    })),
    ...Array.from({ length: w.result.withConditions - w.result.withDirections }, () => ({
      wave: w.wave,
      category: 'conditions' as const,
    })),
    ...Array.from({ length: w.result.withDirections }, () => ({
      wave: w.wave,
      category: 'directions' as const,
    })),
  ]);
}

/** The category a named CCG must have, if its facts fix one. */
function fixedCategory(named: NamedCcgFacts | null): Category | null {
  if (!named) return null;
  if (named.directionsAtGoLive?.value) return 'directions';
  if (named.outcome?.value === 'authorised') return 'none';
  if (named.outcome?.value === 'authorised_with_conditions') return 'conditions';
  return null;
}

/** Gives every CCG a (wave, outcome) slot: the most constrained first, each from the slots that fit it. */
function assignSlots(
  named: readonly (NamedCcgFacts | null)[],
  waves: readonly WaveDefinition[],
  rng: Rng,
): Slot[] {
  const free = slotsOf(waves);
  const need = named.map((n) => ({ wave: n?.wave?.value ?? null, category: fixedCategory(n) }));
  const rank = (i: number) => (need[i]!.wave === null ? 2 : 0) + (need[i]!.category === null ? 1 : 0);
  const order = rng.shuffle(named.map((_, i) => i)).sort((a, b) => rank(a) - rank(b));
  const assigned: Slot[] = [];
  for (const i of order) {
    const { wave, category } = need[i]!;
    // Only CCGs the sources name as under directions take a directions slot; those are all named.
    const fits = free.flatMap((s, at) =>
      (wave === null || s.wave === wave) &&
      (category === null ? s.category !== 'directions' : s.category === category)
        ? [at]
        : [],
    );
    if (!fits.length) throw new AppError('internal', `No wave and outcome left that fit CCG ${i}'s facts`);
    const at = rng.pick(fits);
    assigned[i] = free[at]!;
    free.splice(at, 1);
  }
  return assigned;
}

/** July 2013: 46 lifted in the review and 59 left (HSJ 5061704); the rest of the 168 lifted earlier. */
function assignJuly2013(
  named: readonly (NamedCcgFacts | null)[],
  slots: readonly Slot[],
  facts: DemoReferenceFacts,
  rng: Rng,
): July2013Status[] {
  const review = facts.waves.reviews.find((r) => r.id === 'july-2013');
  if (!review) throw new AppError('internal', 'The waves definitions have no july-2013 review');
  const quota: Record<July2013Status, number> = {
    no_conditions: 0,
    lifted_in_review: review.conditionsLiftedFrom,
    remaining: review.stillWithConditions,
    lifted_before_review:
      facts.waves.totals.withConditions - review.conditionsLiftedFrom - review.stillWithConditions,
  };
  const status: July2013Status[] = slots.map((s) =>
    s.category === 'none' ? 'no_conditions' : 'lifted_before_review',
  );
  const open: number[] = [];
  slots.forEach((s, i) => {
    const fixed = named[i]?.july2013?.value;
    if (s.category === 'none') return;
    if (fixed) {
      status[i] = fixed;
      quota[fixed] -= 1;
    } else {
      open.push(i);
    }
  });
  // Directions fell from 15 at go-live to 14 before the review: a CCG under directions keeps its conditions till then.
  const directed = rng.shuffle(open.filter((i) => slots[i]!.category === 'directions'));
  const others = rng.shuffle(open.filter((i) => slots[i]!.category !== 'directions'));
  for (const i of [...directed, ...others]) {
    const choices = (['lifted_in_review', 'remaining', 'lifted_before_review'] as const).filter(
      (s) => quota[s] > 0 && !(s === 'lifted_before_review' && slots[i]!.category === 'directions'),
    );
    const choice = rng.pick(choices);
    status[i] = choice;
    quota[choice] -= 1;
  }
  if (Object.values(quota).some((q) => q !== 0)) {
    throw new AppError('internal', 'The July 2013 review totals cannot be met by the named facts');
  }
  return status;
}

/** Counts for each CCG with conditions; in a wave with a published range, its ends are reached. */
function assignCounts(
  named: readonly (NamedCcgFacts | null)[],
  slots: readonly Slot[],
  facts: DemoReferenceFacts,
  rng: Rng,
): { counts: number[]; ranges: (CountRange | null)[] } {
  const ranges = slots.map((s, i) =>
    s.category === 'none'
      ? null
      : conditionCountRange(
          named[i] ?? null,
          facts.waves.waves.find((w) => w.wave === s.wave)!,
          s.category === 'directions',
          facts,
        ),
  );
  const counts = slots.map((_, i) => {
    const range = ranges[i];
    if (!range) return 0;
    return named[i]?.conditionCount?.value ?? drawConditionCount(rng, range);
  });
  for (const w of facts.waves.waves) {
    const published = w.conditionsPerCcg;
    if (!published) continue;
    const inRange = slots.flatMap((s, i) => (s.wave === w.wave && s.category === 'conditions' ? [i] : []));
    const drawn = inRange.filter((i) => named[i]?.conditionCount === undefined);
    for (const end of [published.min, published.max]) {
      if (inRange.some((i) => counts[i] === end)) continue;
      const fit = drawn.filter(
        (i) => ranges[i]!.min <= end && counts[i] !== published.min && counts[i] !== published.max,
      );
      if (fit.length) counts[rng.pick(fit)] = end;
    }
  }
  return { counts, ranges };
}

/**
 * The demo assignment for England's CCGs (`ccgs`: the 211 of April 2013). Deterministic from `seed`.
 * Throws a validation error listing every problem when the CCGs do not fit the facts (wrong count, a
 * named CCG not matched exactly once).
 */
export function assignDemoWaves(
  ccgs: readonly Ccg[],
  seed: string,
  referenceFacts: DemoReferenceFacts,
): DemoCcgAuthorisation[] {
  const facts = referenceFacts;
  const named = matchNamed(ccgs, facts);
  const rng = createRng('authorisation-demo-waves', seed);
  const slots = assignSlots(named, facts.waves.waves, rng);
  const july = assignJuly2013(named, slots, facts, rng);
  const { counts, ranges } = assignCounts(named, slots, facts, rng);
  const namedDirections = facts.waves.namedCcgs.filter((n) => n.directionsAtGoLive?.value).length;
  const namedAfterJuly = facts.waves.namedCcgs.filter((n) => n.directionsAfterJuly2013?.value).length;
  const review = facts.waves.reviews.find((r) => r.id === 'july-2013')!;
  const seeded = `seeded generator (seed "${seed}")`;

  return ccgs.map((ccg, i) => {
    const n = named[i] ?? null;
    const slot = slots[i]!;
    const withConditions = slot.category !== 'none';
    const underDirections = slot.category === 'directions';
    const outcome = withConditions ? 'authorised_with_conditions' : 'authorised';
    const outcomeProvenance = n?.outcome
      ? ofFact(n.outcome)
      : n?.directionsAtGoLive?.value
        ? ofFact(n.directionsAtGoLive)
        : null;
    const range = ranges[i];
    const conditions = withConditions ? drawConditions(rng, n, counts[i]!, underDirections, facts) : [];
    const provenance = {
      wave: n?.wave
        ? ofFact(n.wave)
        : synthetic(`Drawn by the ${seeded} to fill the real wave sizes 34/67/62/48`),
      outcome:
        outcomeProvenance ??
        synthetic(`Drawn by the ${seeded} to fill each wave's real split with and without conditions`),
      conditionCount: n?.conditionCount
        ? ofFact(n.conditionCount)
        : !withConditions
          ? (outcomeProvenance ?? synthetic('No conditions: follows the synthetic outcome'))
          : synthetic(`Drawn by the ${seeded} from ${range!.min}–${range!.max} (${range!.source})`),
      directionsAtGoLive: n?.directionsAtGoLive
        ? ofFact(n.directionsAtGoLive)
        : namedDirections === facts.waves.totals.withDirections
          ? {
              basis: 'real' as const,
              source: `Not among the ${namedDirections} CCGs the sources name as under directions at go-live, which are all of them (REFERENCE.md §3.2; BMJ f1916)`,
            }
          : synthetic(`Drawn by the ${seeded}`),
      july2013: n?.july2013
        ? ofFact(n.july2013)
        : !withConditions
          ? (outcomeProvenance ?? synthetic('No conditions: follows the synthetic outcome'))
          : synthetic(
              `Drawn by the ${seeded} to reproduce the July 2013 review: ${review.conditionsLiftedFrom} lifted, ${review.stillWithConditions} left (${review.source}); the rest lifted earlier (INFERRED)`,
            ),
      directionsAfterJuly2013: n?.directionsAfterJuly2013
        ? ofFact(n.directionsAfterJuly2013)
        : namedAfterJuly === review.directionsAfter
          ? {
              basis: 'real' as const,
              source: `Not among the ${review.directionsAfter} CCGs named as under directions after the July 2013 review (${review.source})`,
            }
          : synthetic(`Drawn by the ${seeded}`),
    };
    const isSynthetic =
      Object.values(provenance).some((p) => p.basis === 'synthetic') ||
      conditions.some((c) => c.criterion.basis === 'synthetic' || c.level.basis === 'synthetic');
    return {
      code: ccg.code,
      name: ccg.name,
      wave: slot.wave,
      outcome,
      conditionCount: conditions.length,
      conditions,
      directionsAtGoLive: underDirections,
      knownDirections: n?.knownDirections ?? [],
      july2013: july[i]!,
      conditionsLiftedInJuly2013Review: july[i] === 'lifted_in_review',
      directionsAfterJuly2013: n?.directionsAfterJuly2013?.value ?? false,
      provenance,
      synthetic: isSynthetic,
    };
  });
}
