/**
 * How an application was assessed, as versioned data (definitions/authorisation/assessment.json):
 * schema and loader. Every scale and list has unique ids; every unconfirmed entry says UNCONFIRMED where
 * it records its source; thresholds are parameters and checks are switches.
 */
import { z } from 'zod';
import { AppError, type Problem } from '../../../platform/errors.ts';
import type { AssessmentDefinitions } from '../assessment-model.ts';
import {
  metadataShape,
  periodProblems,
  text,
  toProblems,
  unconfirmedNoteProblems,
  wholeNumber,
} from './definition-schema.ts';

const CODE = 'invalid_assessment_definitions';
const confidence = z.enum(['confirmed', 'unconfirmed']);
const switchSchema = z.strictObject({ enabled: z.boolean(), confidence, source: text });
const parameter = z.strictObject({ value: wholeNumber(0), enabled: z.boolean(), confidence, source: text });
const id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case');
const scale = z.array(z.strictObject({ id, label: text, meets: z.boolean() })).min(2);

export const assessmentFileSchema = z.strictObject({
  ...metadataShape,
  selfCertification: z.strictObject({
    statuses: scale,
    confidence,
    source: text,
    everyCriterionBeforeSubmission: switchSchema,
  }),
  evidenceDocuments: z.strictObject({
    types: z.array(z.strictObject({ id, label: text, confidence, source: text })).min(1),
    maximumDocuments: parameter,
    maximumMinutesPerCommittee: parameter,
  }),
  desktopReview: z.strictObject({
    scale,
    confidence,
    source: text,
    minimumAssessorsPerCriterion: parameter,
  }),
  stakeholderSurvey: z.strictObject({
    targetRespondents: parameter,
    minimumRespondents: parameter,
    respondentTypes: z.array(z.strictObject({ id, label: text, required: z.boolean(), source: text })).min(1),
    answerScale: z.array(z.strictObject({ value: wholeNumber(0), label: text })).min(2),
    questions: z
      .array(
        z.strictObject({
          id: z.string().regex(/^Q\d+$/, 'must be Q and a number'),
          topic: z.enum(['experience', 'potential']),
          text,
        }),
      )
      .min(1),
    questionsConfidence: confidence,
    questionsSource: text,
  }),
  siteVisit: z.strictObject({
    flags: z.array(z.strictObject({ id: z.enum(['green', 'red']), label: text })).length(2),
    source: text,
  }),
  moderation: z.strictObject({
    outcomes: z.array(z.strictObject({ id: z.enum(['met', 'not_met']), label: text })).length(2),
    source: text,
    everyUnmetCriterionIsACondition: switchSchema,
    completeAssessmentFirst: switchSchema,
  }),
}) satisfies z.ZodType<AssessmentDefinitions>;

function duplicates(ids: readonly (string | number)[], path: string): Problem[] {
  const seen = new Set<string | number>();
  return ids.flatMap((x) => {
    const repeated = seen.has(x);
    seen.add(x);
    return repeated ? [{ path, message: `duplicate id "${x}"`, code: CODE }] : [];
  });
}

function checks(d: AssessmentDefinitions): Problem[] {
  const problems: Problem[] = [...periodProblems(d.effective_from, d.effective_to, '')];
  const s = d.stakeholderSurvey;
  problems.push(
    ...duplicates(
      d.selfCertification.statuses.map((x) => x.id),
      'selfCertification.statuses',
    ),
    ...duplicates(
      d.evidenceDocuments.types.map((x) => x.id),
      'evidenceDocuments.types',
    ),
    ...duplicates(
      d.desktopReview.scale.map((x) => x.id),
      'desktopReview.scale',
    ),
    ...duplicates(
      s.respondentTypes.map((x) => x.id),
      'stakeholderSurvey.respondentTypes',
    ),
    ...duplicates(
      s.questions.map((x) => x.id),
      'stakeholderSurvey.questions',
    ),
    ...duplicates(
      s.answerScale.map((x) => x.value),
      'stakeholderSurvey.answerScale',
    ),
  );
  for (const [path, entries] of [
    ['selfCertification.statuses', d.selfCertification.statuses],
    ['desktopReview.scale', d.desktopReview.scale],
  ] as const) {
    if (!entries.some((e) => e.meets)) {
      problems.push({ path, message: 'needs at least one entry that counts as met', code: CODE });
    }
  }
  if (s.minimumRespondents.value > s.targetRespondents.value) {
    problems.push({
      path: 'stakeholderSurvey.minimumRespondents.value',
      message: `must not exceed the target (${s.targetRespondents.value})`,
      code: CODE,
    });
  }
  const notes: [string, string, string][] = [
    ['selfCertification.source', d.selfCertification.confidence, d.selfCertification.source],
    ['desktopReview.source', d.desktopReview.confidence, d.desktopReview.source],
    ['stakeholderSurvey.questionsSource', s.questionsConfidence, s.questionsSource],
    ...d.evidenceDocuments.types.map((t, i): [string, string, string] => [
      `evidenceDocuments.types.${i}.source`,
      t.confidence,
      t.source,
    ]),
    ...(
      [
        [
          'selfCertification.everyCriterionBeforeSubmission',
          d.selfCertification.everyCriterionBeforeSubmission,
        ],
        ['evidenceDocuments.maximumDocuments', d.evidenceDocuments.maximumDocuments],
        ['evidenceDocuments.maximumMinutesPerCommittee', d.evidenceDocuments.maximumMinutesPerCommittee],
        ['desktopReview.minimumAssessorsPerCriterion', d.desktopReview.minimumAssessorsPerCriterion],
        ['stakeholderSurvey.targetRespondents', s.targetRespondents],
        ['stakeholderSurvey.minimumRespondents', s.minimumRespondents],
        ['moderation.everyUnmetCriterionIsACondition', d.moderation.everyUnmetCriterionIsACondition],
        ['moderation.completeAssessmentFirst', d.moderation.completeAssessmentFirst],
      ] as const
    ).map(([path, x]): [string, string, string] => [`${path}.source`, x.confidence, x.source]),
  ];
  for (const [path, c, note] of notes) problems.push(...unconfirmedNoteProblems(c, note, path));
  return problems;
}

/** Validates the parsed assessment file, reporting every problem with its path. */
export function loadAssessmentDefinitions(json: unknown): AssessmentDefinitions {
  const parsed = assessmentFileSchema.safeParse(json);
  if (!parsed.success) {
    throw AppError.validation(toProblems(parsed.error, '', CODE), 'Invalid assessment definitions');
  }
  const problems = checks(parsed.data);
  if (problems.length) throw AppError.validation(problems, 'Invalid assessment definitions');
  return parsed.data;
}
