/**
 * The authorisation waves of 2012–13 (definitions/authorisation/waves.json): deadlines, real results,
 * the July 2013 review and what the sources say about named CCGs. Schema, loader and checks that the
 * numbers add up and the named facts agree with each other.
 */
import { z } from 'zod';
import { AppError, type Problem } from '../../../platform/errors.ts';
import {
  DOMAIN_NUMBERS,
  type NamedCcgFacts,
  SUPPORT_LEVEL_NUMBERS,
  WAVE_NUMBERS,
  type WaveDefinitions,
  type WaveResult,
} from '../model.ts';
import {
  isoDate,
  metadataShape,
  periodProblems,
  text,
  toProblems,
  wholeNumber,
} from './definition-schema.ts';

const CODE = 'invalid_waves';
const wave = z.literal(WAVE_NUMBERS);
const fact = <T extends z.ZodType>(value: T) =>
  z.strictObject({ value, basis: z.enum(['real', 'inferred']), source: text });
const weight = z.number().min(0, 'must not be negative');

const result = {
  authorised: wholeNumber(0),
  withoutConditions: wholeNumber(0),
  withConditions: wholeNumber(0),
  withDirections: wholeNumber(0),
};

const namedCcg = z.strictObject({
  sourceName: text,
  ccgName: text,
  odsCode: text,
  wave: fact(wave).optional(),
  outcome: fact(z.enum(['authorised', 'authorised_with_conditions'])).optional(),
  directionsAtGoLive: fact(z.boolean()).optional(),
  conditionCount: fact(wholeNumber(0)).optional(),
  knownConditions: z
    .array(
      z.strictObject({
        criterionId: text.nullable(),
        supportLevel: z.literal(SUPPORT_LEVEL_NUMBERS).nullable(),
        basis: z.enum(['real', 'inferred']),
        source: text,
      }),
    )
    .optional(),
  otherConditionDomains: fact(z.array(z.literal(DOMAIN_NUMBERS)).min(1)).optional(),
  knownDirections: z
    .array(
      z.strictObject({
        description: text,
        exercisedBy: z.discriminatedUnion('kind', [
          z.strictObject({ kind: z.literal('board') }),
          z.strictObject({ kind: z.literal('ccg'), ccgCode: text, ccgName: text }),
        ]),
        source: text,
      }),
    )
    .optional(),
  july2013: fact(
    z.enum(['no_conditions', 'lifted_before_review', 'lifted_in_review', 'remaining']),
  ).optional(),
  directionsAfterJuly2013: fact(z.boolean()).optional(),
  note: text.optional(),
}) satisfies z.ZodType<NamedCcgFacts>;

export const wavesFileSchema = z.strictObject({
  ...metadataShape,
  establishmentDate: isoDate,
  establishmentSource: text,
  waves: z.array(
    z.strictObject({
      wave,
      applicationDeadline: isoDate,
      plannedSize: wholeNumber(1),
      announcedOn: isoDate,
      announcedPrecision: z.enum(['day', 'month']),
      result: z.strictObject(result),
      conditionsPerCcg: z.strictObject({ min: wholeNumber(1), max: wholeNumber(1), source: text }).nullable(),
      source: text,
    }),
  ),
  totals: z.strictObject({ ccgs: wholeNumber(1), ...result, source: text }),
  reviews: z.array(
    z.strictObject({
      id: text,
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM'),
      conditionsLiftedFrom: wholeNumber(0),
      stillWithConditions: wholeNumber(0),
      directionsBefore: wholeNumber(0),
      directionsAfter: wholeNumber(0),
      source: text,
    }),
  ),
  namedCcgs: z.array(namedCcg),
  demoAssumptions: z.strictObject({
    conditionDomainWeights: z.strictObject({
      1: weight,
      2: weight,
      3: weight,
      4: weight,
      5: weight,
      6: weight,
    }),
    conditionDomainWeightsSource: text,
    levelWeightsWithoutDirections: z.strictObject({ 1: weight, 2: weight, 3: weight }),
    levelWeightsWithDirections: z.strictObject({ 4: weight, 5: weight, 6: weight }),
    levelWeightsSource: text,
    conditionCountWhereUnknown: z.strictObject({ min: wholeNumber(1), max: wholeNumber(1), source: text }),
  }),
}) satisfies z.ZodType<WaveDefinitions>;
type WavesFile = z.infer<typeof wavesFileSchema>;

function resultProblems(r: WaveResult, path: string): Problem[] {
  const problems: Problem[] = [];
  if (r.withoutConditions + r.withConditions !== r.authorised) {
    problems.push({
      path,
      message: `${r.withoutConditions} without conditions + ${r.withConditions} with conditions ≠ ${r.authorised} authorised`,
      code: 'totals_mismatch',
    });
  }
  if (r.withDirections > r.withConditions) {
    problems.push({
      path: `${path}.withDirections`,
      message: 'more CCGs under directions than with conditions',
      code: 'totals_mismatch',
    });
  }
  return problems;
}

function waveProblems(file: WavesFile): Problem[] {
  const problems: Problem[] = [];
  WAVE_NUMBERS.forEach((n, i) => {
    if (file.waves[i]?.wave !== n) {
      problems.push({
        path: `waves.${i}`,
        message: `waves must be 1–4 in order; expected wave ${n}`,
        code: 'bad_waves',
      });
    }
  });
  file.waves.forEach((w, i) => {
    problems.push(...resultProblems(w.result, `waves.${i}.result`));
    const previous = file.waves[i - 1];
    if (previous && previous.applicationDeadline >= w.applicationDeadline) {
      problems.push({
        path: `waves.${i}.applicationDeadline`,
        message: `must be after wave ${previous.wave}'s deadline (${previous.applicationDeadline})`,
        code: 'bad_deadline',
      });
    }
    if (w.conditionsPerCcg && w.conditionsPerCcg.min > w.conditionsPerCcg.max) {
      problems.push({ path: `waves.${i}.conditionsPerCcg`, message: 'min is above max', code: 'bad_range' });
    }
  });
  problems.push(...resultProblems(file.totals, 'totals'));
  for (const key of ['authorised', 'withoutConditions', 'withConditions', 'withDirections'] as const) {
    const sum = file.waves.reduce((s, w) => s + w.result[key], 0);
    if (sum !== file.totals[key]) {
      problems.push({
        path: `totals.${key}`,
        message: `the waves add up to ${sum}, not ${file.totals[key]}`,
        code: 'totals_mismatch',
      });
    }
  }
  if (file.totals.authorised !== file.totals.ccgs) {
    problems.push({
      path: 'totals.ccgs',
      message: 'every CCG was decided in a wave',
      code: 'totals_mismatch',
    });
  }
  file.reviews.forEach((r, i) => {
    if (r.conditionsLiftedFrom + r.stillWithConditions > file.totals.withConditions) {
      problems.push({
        path: `reviews.${i}`,
        message: `${r.conditionsLiftedFrom} lifted + ${r.stillWithConditions} remaining exceeds the ${file.totals.withConditions} with conditions`,
        code: 'totals_mismatch',
      });
    }
  });
  const { min, max } = file.demoAssumptions.conditionCountWhereUnknown;
  if (min > max) {
    problems.push({
      path: 'demoAssumptions.conditionCountWhereUnknown',
      message: 'min is above max',
      code: 'bad_range',
    });
  }
  return problems;
}

function namedProblems(file: WavesFile): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message, code: 'inconsistent_facts' });
  const seen = new Map<string, number>();
  file.namedCcgs.forEach((c, i) => {
    const path = `namedCcgs.${i}`;
    for (const key of [c.odsCode, c.ccgName.toLowerCase()]) {
      if (seen.has(key)) add(path, `${c.sourceName} is named twice (first at namedCcgs.${seen.get(key)})`);
      seen.set(key, i);
    }
    const known = c.knownConditions ?? [];
    const authorised = c.outcome?.value === 'authorised';
    if (authorised && (known.length || c.conditionCount?.value || c.directionsAtGoLive?.value)) {
      add(path, `${c.sourceName} is authorised without conditions but has conditions or directions`);
    }
    if (c.directionsAtGoLive?.value && c.outcome && c.outcome.value !== 'authorised_with_conditions') {
      add(`${path}.outcome`, `${c.sourceName} is under directions, so it was authorised with conditions`);
    }
    if (c.conditionCount && known.length > c.conditionCount.value) {
      add(
        `${path}.conditionCount`,
        `${known.length} known conditions exceed the count ${c.conditionCount.value}`,
      );
    }
    const ids = known.flatMap((k) => (k.criterionId ? [k.criterionId] : []));
    if (new Set(ids).size !== ids.length) add(`${path}.knownConditions`, 'a criterion is listed twice');
    // Levels IV–VI bring directions (support-levels.json); only CCGs named as under directions had them.
    if (c.directionsAtGoLive?.value !== true && known.some((k) => (k.supportLevel ?? 0) >= 4)) {
      add(
        `${path}.knownConditions`,
        `${c.sourceName} has a level IV–VI condition but is not named under directions`,
      );
    }
    if (c.directionsAfterJuly2013?.value && c.july2013 && c.july2013.value !== 'remaining') {
      add(`${path}.july2013`, 'a CCG still under directions after the review still had conditions');
    }
  });
  const byWave = (n: number, pick: (c: NamedCcgFacts) => boolean) =>
    file.namedCcgs.filter((c) => c.wave?.value === n && pick(c)).length;
  file.waves.forEach((w, i) => {
    if (byWave(w.wave, (c) => c.directionsAtGoLive?.value === true) > w.result.withDirections) {
      add(
        `waves.${i}.result.withDirections`,
        `more CCGs named under directions in wave ${w.wave} than the result`,
      );
    }
    if (byWave(w.wave, (c) => c.outcome?.value === 'authorised') > w.result.withoutConditions) {
      add(
        `waves.${i}.result.withoutConditions`,
        `more CCGs named without conditions in wave ${w.wave} than the result`,
      );
    }
    if (byWave(w.wave, () => true) > w.result.authorised) {
      add(`waves.${i}.result.authorised`, `more CCGs named in wave ${w.wave} than it had`);
    }
  });
  return problems;
}

/** Validates the parsed waves file; reports every problem (structure, sums, named facts) at once. */
export function loadWaves(json: unknown): WaveDefinitions {
  const parsed = wavesFileSchema.safeParse(json);
  if (!parsed.success)
    throw AppError.validation(toProblems(parsed.error, '', CODE), 'Invalid wave definitions');
  const file = parsed.data;
  const problems = [
    ...periodProblems(file.effective_from, file.effective_to, ''),
    ...waveProblems(file),
    ...namedProblems(file),
  ];
  if (problems.length) throw AppError.validation(problems, 'Invalid wave definitions');
  return file;
}
