/**
 * The support levels I–VI attached to authorisation conditions (definitions/authorisation/
 * support-levels.json): schema, loader, and which levels bring legal directions.
 */
import { z } from 'zod';
import { AppError, type Problem } from '../../../platform/errors.ts';
import {
  type RomanNumeral,
  SUPPORT_LEVEL_NUMBERS,
  type SupportLevel,
  type SupportLevelDefinitions,
  type SupportLevelNumber,
} from '../model.ts';
import {
  metadataShape,
  periodProblems,
  text,
  toProblems,
  unconfirmedNoteProblems,
} from './definition-schema.ts';

export const ROMAN: Readonly<Record<SupportLevelNumber, RomanNumeral>> = {
  1: 'I',
  2: 'II',
  3: 'III',
  4: 'IV',
  5: 'V',
  6: 'VI',
};

const levelSchema = z.strictObject({
  level: z.literal(SUPPORT_LEVEL_NUMBERS),
  roman: z.enum(['I', 'II', 'III', 'IV', 'V', 'VI']),
  definition: text,
  quote: text.nullable(),
  definitionConfidence: z.enum(['confirmed', 'unconfirmed']),
  definitionSource: text,
  bringsDirections: z.boolean(),
  directionsBasis: z.enum(['confirmed', 'inferred']),
  directionsSource: text,
}) satisfies z.ZodType<SupportLevel>;

export const supportLevelsFileSchema = z.strictObject({
  ...metadataShape,
  legalBasis: z.strictObject({ conditionsAndDirections: text, laterIntervention: text }),
  levels: z.array(levelSchema),
  discrepancies: z.array(text),
});

function levelProblems(levels: readonly SupportLevel[]): Problem[] {
  const problems: Problem[] = [];
  for (const n of SUPPORT_LEVEL_NUMBERS) {
    const count = levels.filter((l) => l.level === n).length;
    if (count !== 1) {
      problems.push({ path: 'levels', message: `level ${n} is defined ${count} times`, code: 'bad_levels' });
    }
  }
  levels.forEach((l, i) => {
    const path = `levels.${i}`;
    if (l.roman !== ROMAN[l.level]) {
      problems.push({
        path: `${path}.roman`,
        message: `level ${l.level} is ${ROMAN[l.level]}`,
        code: 'bad_roman',
      });
    }
    problems.push(
      ...unconfirmedNoteProblems(l.definitionConfidence, l.definitionSource, `${path}.definitionSource`),
    );
    if (l.directionsBasis === 'inferred' && !/INFERRED/.test(l.directionsSource)) {
      problems.push({
        path: `${path}.directionsSource`,
        message: 'an inferred entry must say INFERRED where it records its source',
        code: 'inferred_without_note',
      });
    }
  });
  // Severity only rises: once a level brings directions, every higher level does too.
  const sorted = [...levels].sort((a, b) => a.level - b.level);
  sorted.forEach((l, i) => {
    const lower = sorted[i - 1];
    if (lower?.bringsDirections && !l.bringsDirections) {
      problems.push({
        path: `levels.${levels.indexOf(l)}.bringsDirections`,
        message: `level ${l.roman} must bring directions as level ${lower.roman} does`,
        code: 'directions_not_monotone',
      });
    }
  });
  if (!levels.some((l) => l.bringsDirections)) {
    problems.push({ path: 'levels', message: 'no level brings directions', code: 'bad_levels' });
  }
  return problems;
}

/** Validates the parsed support levels file; reports every problem at once. */
export function loadSupportLevels(json: unknown): SupportLevelDefinitions {
  const parsed = supportLevelsFileSchema.safeParse(json);
  if (!parsed.success) {
    throw AppError.validation(
      toProblems(parsed.error, '', 'invalid_support_levels'),
      'Invalid support levels',
    );
  }
  const file = parsed.data;
  const problems = [
    ...periodProblems(file.effective_from, file.effective_to, ''),
    ...levelProblems(file.levels),
  ];
  if (problems.length) throw AppError.validation(problems, 'Invalid support levels');
  return { ...file, levels: [...file.levels].sort((a, b) => a.level - b.level) };
}

/** Whether a condition at this level comes with legal directions (CCG Regs 2012 reg 8). */
export function bringsDirections(
  levels: readonly Pick<SupportLevel, 'level' | 'bringsDirections'>[],
  level: SupportLevelNumber,
): boolean {
  const found = levels.find((l) => l.level === level);
  if (!found) throw new AppError('internal', `No support level ${level}`);
  return found.bringsDirections;
}
