/**
 * Ongoing assurance as versioned data (definitions/authorisation/assurance.json): the annual assessment
 * (s14Z16) and the intervention powers of s14Z21 as STATUTES.md §7 lists them. Schema, loader and
 * checks: every power exactly once, its prerequisites known, unconfirmed entries labelled.
 */
import { z } from 'zod';
import { AppError, type Problem } from '../../../platform/errors.ts';
import { type AssuranceDefinitions, INTERVENTION_POWER_IDS } from '../assurance-model.ts';
import {
  metadataShape,
  periodProblems,
  text,
  toProblems,
  unconfirmedNoteProblems,
  wholeNumber,
} from './definition-schema.ts';

const CODE = 'invalid_assurance_definitions';
const confidence = z.enum(['confirmed', 'unconfirmed']);
const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case');
const labelled = z.array(z.strictObject({ id, label: text })).min(1);
const power = z.enum(INTERVENTION_POWER_IDS);

export const assuranceFileSchema = z.strictObject({
  ...metadataShape,
  annualAssessment: z.strictObject({
    legalRef: text,
    source: text,
    duties: z.array(z.strictObject({ id: text, label: text })).min(1),
    dutiesSource: text,
    consultRelevantHwbs: z.strictObject({ enabled: z.boolean(), confidence, source: text }),
    consultationDays: z.strictObject({
      value: wholeNumber(1),
      enabled: z.boolean(),
      confidence,
      source: text,
    }),
    hwbViews: labelled,
    hwbViewsConfidence: confidence,
    hwbViewsSource: text,
    ratings: labelled,
    ratingsConfidence: confidence,
    ratingsSource: text,
  }),
  intervention: z.strictObject({
    legalRef: text,
    source: text,
    grounds: z
      .array(z.strictObject({ id: z.enum(['failing', 'significant_risk']), subsection: text, text }))
      .length(2),
    powers: z.array(
      z.strictObject({
        id: power,
        subsection: z.string().regex(/^s14Z2[12]/, 'must cite s14Z21 or s14Z22'),
        title: text,
        needsFunctions: z.boolean(),
        requires: z.array(power),
        consultation: z
          .strictObject({
            subsection: text,
            who: z.enum(['directed_ccg', 'ccg_and_local_authorities']),
            text,
          })
          .nullable(),
      }),
    ),
    requiresNote: text,
  }),
}) satisfies z.ZodType<AssuranceDefinitions>;

function checks(d: AssuranceDefinitions): Problem[] {
  const problems: Problem[] = [...periodProblems(d.effective_from, d.effective_to, '')];
  const a = d.annualAssessment;
  for (const [path, c, note] of [
    [
      'annualAssessment.consultRelevantHwbs.source',
      a.consultRelevantHwbs.confidence,
      a.consultRelevantHwbs.source,
    ],
    ['annualAssessment.consultationDays.source', a.consultationDays.confidence, a.consultationDays.source],
    ['annualAssessment.hwbViewsSource', a.hwbViewsConfidence, a.hwbViewsSource],
    ['annualAssessment.ratingsSource', a.ratingsConfidence, a.ratingsSource],
  ] as const) {
    problems.push(...unconfirmedNoteProblems(c, note, path));
  }
  const powers = d.intervention.powers;
  const seen = new Set<string>();
  powers.forEach((p, i) => {
    if (seen.has(p.id)) {
      problems.push({
        path: `intervention.powers.${i}.id`,
        message: `duplicate power "${p.id}"`,
        code: CODE,
      });
    }
    seen.add(p.id);
    if (p.requires.includes(p.id)) {
      problems.push({
        path: `intervention.powers.${i}.requires`,
        message: `${p.id} cannot require itself`,
        code: CODE,
      });
    }
  });
  for (const idWanted of INTERVENTION_POWER_IDS) {
    if (!seen.has(idWanted)) {
      problems.push({ path: 'intervention.powers', message: `missing power "${idWanted}"`, code: CODE });
    }
  }
  return problems;
}

/** Validates the parsed assurance file, reporting every problem with its path. */
export function loadAssuranceDefinitions(json: unknown): AssuranceDefinitions {
  const parsed = assuranceFileSchema.safeParse(json);
  if (!parsed.success) {
    throw AppError.validation(toProblems(parsed.error, '', CODE), 'Invalid assurance definitions');
  }
  const problems = checks(parsed.data);
  if (problems.length) throw AppError.validation(problems, 'Invalid assurance definitions');
  return parsed.data;
}
