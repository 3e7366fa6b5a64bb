import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { loadAssessmentDefinitions } from './assessment-definitions.ts';
import { ASSESSMENT_URL } from './test-fixtures.ts';

const raw = JSON.parse(readFileSync(ASSESSMENT_URL, 'utf8'));
const clone = () => structuredClone(raw);

function problemsOf(json: unknown): { path: string; code?: string }[] {
  try {
    loadAssessmentDefinitions(json);
  } catch (err) {
    if (err instanceof AppError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('definitions/authorisation/assessment.json', () => {
  it('loads: a scale for each step, the survey of about 40 across six respondent types, and the moderation rule', () => {
    const d = loadAssessmentDefinitions(raw);
    expect(d.stakeholderSurvey.targetRespondents.value).toBe(40);
    expect(d.stakeholderSurvey.respondentTypes.map((t) => t.id)).toEqual([
      'hwb',
      'provider',
      'neighbouring_ccg',
      'local_authority',
      'patient_group',
      'member_practice',
    ]);
    expect(d.moderation.everyUnmetCriterionIsACondition).toMatchObject({
      enabled: true,
      confidence: 'confirmed',
    });
    expect(d.evidenceDocuments.maximumDocuments.value).toBe(30);
  });

  it.each<[string, (j: ReturnType<typeof clone>) => void, string[]]>([
    [
      'a duplicate scale id',
      (j) => j.desktopReview.scale.push({ id: 'met', label: 'Again', meets: true }),
      ['desktopReview.scale'],
    ],
    [
      'a scale where nothing meets',
      (j) => {
        for (const s of j.selfCertification.statuses) s.meets = false;
      },
      ['selfCertification.statuses'],
    ],
    [
      'a minimum above the target',
      (j) => {
        j.stakeholderSurvey.minimumRespondents.value = 50;
      },
      ['stakeholderSurvey.minimumRespondents.value'],
    ],
    [
      'an unconfirmed switch that does not say so',
      (j) => {
        j.moderation.completeAssessmentFirst.source = 'our reading';
      },
      ['moderation.completeAssessmentFirst.source'],
    ],
    [
      'an unconfirmed document type that does not say so',
      (j) => {
        j.evidenceDocuments.types.at(-1).source = 'made up';
      },
      ['evidenceDocuments.types.14.source'],
    ],
    [
      'a question id that is not Q and a number',
      (j) => {
        j.stakeholderSurvey.questions[0].id = 'first';
      },
      ['stakeholderSurvey.questions.0.id'],
    ],
    [
      'an unknown field',
      (j) => {
        j.siteVisit.colour = 'red';
      },
      ['siteVisit'],
    ],
  ])('refuses %s, naming where', (_case, change, paths) => {
    const j = clone();
    change(j);
    expect(problemsOf(j).map((p) => p.path)).toEqual(paths);
  });
});
