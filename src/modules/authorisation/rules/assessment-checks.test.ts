import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DesktopScore, Moderation, Recorder } from '../assessment-model.ts';
import {
  criterionScores,
  decisionModerationProblems,
  moderatedOutcomes,
  moderationInputProblems,
  moderationReadinessProblems,
  scoreProblems,
  siteVisitProblems,
  surveyResponseProblems,
  surveySummary,
} from './assessment-checks.ts';
import { loadDefinitions } from './test-fixtures.ts';

const defs = loadDefinitions((url) => JSON.parse(readFileSync(url, 'utf8')));
const criteria = defs.context.criteria;
const assessment = defs.assessment;
const ann: Recorder = { kind: 'person', id: 'ann', name: 'Ann' };
const bob: Recorder = { kind: 'person', id: 'bob', name: 'Bob' };
let id = 0;
const score = (criterionId: string, s: string, by = ann, at = '2012-11-01T10:00:00Z'): DesktopScore => ({
  scoreId: ++id,
  criterionId,
  score: s,
  rationale: 'r',
  assessor: by,
  scoredAt: at,
  synthetic: false,
});
const moderation = (
  target: { criterionId?: string; domain?: 1 | 2 | 3 | 4 | 5 | 6 },
  outcome: 'met' | 'not_met',
  at = '2012-12-01T10:00:00Z',
): Moderation => ({
  moderationId: ++id,
  criterionId: target.criterionId ?? null,
  domain: target.domain ?? null,
  outcome,
  rationale: 'r',
  moderatedBy: bob,
  moderatedAt: at,
});

describe('input checks', () => {
  it.each<[string, string[]]>([
    ['met', []],
    ['brilliant', ['unknown_score']],
  ])('scoreProblems: score %s', (s, codes) => {
    expect(
      scoreProblems({ criterionId: '1.1A', score: s, rationale: 'seen' }, criteria, assessment).map(
        (p) => p.code,
      ),
    ).toEqual(codes);
  });

  it.each<[string, Record<string, number>, string, string[]]>([
    ['a full response', { Q1: 4, Q5: 2 }, 'provider', []],
    ['no answers', {}, 'provider', ['answers_required']],
    ['an unknown question', { Q9: 3 }, 'provider', ['unknown_question']],
    ['an answer off the scale', { Q1: 6 }, 'provider', ['invalid_answer']],
    ['an unknown respondent type', { Q1: 3 }, 'journalist', ['unknown_respondent_type']],
  ])('surveyResponseProblems: %s', (_case, answers, respondentType, codes) => {
    const input = { respondentType, respondentName: 'X', answers, receivedOn: '2012-11-20' };
    expect(surveyResponseProblems(input, assessment).map((p) => p.code)).toEqual(codes);
  });

  it.each<
    [
      string,
      {
        visitedOn: string;
        panel: string[];
        notes: string;
        flags: { flag: 'red' | 'green'; criterionId: string | null; note: string }[];
      },
      string[],
    ]
  >([
    [
      'a visit with a red flag',
      {
        visitedOn: '2012-12-01',
        panel: ['A'],
        notes: 'n',
        flags: [{ flag: 'red', criterionId: '3.1.1C', note: 'x' }],
      },
      [],
    ],
    ['no panel', { visitedOn: '2012-12-01', panel: [' '], notes: 'n', flags: [] }, ['panel_required']],
    [
      'a flag on an unknown criterion, without a note',
      {
        visitedOn: '2012-12-01',
        panel: ['A'],
        notes: 'n',
        flags: [{ flag: 'green', criterionId: '9.9Z', note: '' }],
      },
      ['unknown_criterion', 'required'],
    ],
  ])('siteVisitProblems: %s', (_case, input, codes) => {
    expect(siteVisitProblems(input, criteria).map((p) => p.code)).toEqual(codes);
  });

  it.each<[string, { criterionId: string | null; domain: number | null }, string[]]>([
    ['one criterion', { criterionId: '3.1.1C', domain: null }, []],
    ['one domain', { criterionId: null, domain: 3 }, []],
    ['both', { criterionId: '3.1.1C', domain: 3 }, ['target']],
    ['neither', { criterionId: null, domain: null }, ['target']],
    ['an unknown domain', { criterionId: null, domain: 7 }, ['unknown_domain']],
  ])('moderationInputProblems: %s', (_case, input, codes) => {
    expect(moderationInputProblems({ ...input, rationale: 'r' }, criteria).map((p) => p.code)).toEqual(codes);
  });
});

describe('criterionScores and moderatedOutcomes', () => {
  it('keeps each named assessor’s latest score; a criterion meets only when every latest score does', () => {
    const scores = [
      score('1.1A', 'not_met', ann, '2012-11-01T10:00:00Z'),
      score('1.1A', 'met', ann, '2012-11-02T10:00:00Z'),
      score('1.1A', 'met', bob),
      score('1.1B', 'met', ann),
      score('1.1B', 'partly_met', bob),
    ];
    const byId = new Map(criterionScores(criteria, scores, [], assessment).map((c) => [c.criterionId, c]));
    expect(byId.get('1.1A')).toMatchObject({ meets: true, latest: [{ score: 'met' }, { score: 'met' }] });
    expect(byId.get('1.1B')!.meets).toBe(false);
    expect(byId.get('1.1C')).toMatchObject({ meets: null, latest: [] });
  });

  it('a criterion’s own moderation outranks its domain’s; the latest of each counts', () => {
    const outcomes = moderatedOutcomes(criteria, [
      moderation({ domain: 3 }, 'met'),
      moderation({ criterionId: '3.1.1C' }, 'met', '2012-12-01T09:00:00Z'),
      moderation({ criterionId: '3.1.1C' }, 'not_met', '2012-12-02T09:00:00Z'),
    ]);
    expect(outcomes.get('3.1.1C')).toBe('not_met');
    expect(outcomes.get('3.1.1B')).toBe('met');
    expect(outcomes.get('1.1A')).toBeNull();
  });
});

describe('surveySummary and moderationReadinessProblems', () => {
  const types = [
    'hwb',
    'provider',
    'neighbouring_ccg',
    'local_authority',
    'patient_group',
    'member_practice',
  ];
  const responses = (n: number, only?: string) =>
    Array.from({ length: n }, (_, i) => ({
      respondentType: only ?? types[i % 6]!,
      answers: { Q1: (i % 5) + 1 },
    }));

  it('counts respondents by type and gives each question’s mean', () => {
    const s = surveySummary(responses(40), assessment);
    expect(s).toMatchObject({ respondents: 40, target: 40 });
    expect(s.byType.find((t) => t.type === 'hwb')!.respondents).toBe(7);
    expect(s.byQuestion[0]).toMatchObject({ questionId: 'Q1', answers: 40, mean: 3 });
    expect(s.byQuestion[1]).toMatchObject({ questionId: 'Q2', answers: 0, mean: null });
  });

  const everyScored = criterionScores(
    criteria,
    criteria.map((c) => score(c.id, 'met')),
    [],
    assessment,
  );
  it.each<[string, ReturnType<typeof criterionScores>, ReturnType<typeof responses>, number, string[]]>([
    ['a complete assessment', everyScored, responses(40), 1, []],
    [
      'one criterion unscored',
      everyScored.map((c, i) => (i === 0 ? { ...c, latest: [] } : c)),
      responses(40),
      1,
      ['scores_missing'],
    ],
    ['29 survey responses', everyScored, responses(29), 1, ['survey_short']],
    [
      'no patient group or member practice heard',
      everyScored,
      [...responses(20, 'provider'), ...responses(20, 'hwb')],
      1,
      ['survey_types_missing'],
    ],
    ['no site visit', everyScored, responses(40), 0, ['site_visit_missing']],
  ])('%s', (_case, scored, survey, visits, codes) => {
    const problems = moderationReadinessProblems(
      scored,
      surveySummary(survey, assessment),
      visits,
      assessment,
    );
    expect(problems.map((p) => p.code)).toEqual(codes);
  });

  it('asks for nothing when the switch is off', () => {
    const off = {
      ...assessment,
      moderation: {
        ...assessment.moderation,
        completeAssessmentFirst: { ...assessment.moderation.completeAssessmentFirst, enabled: false },
      },
    };
    expect(moderationReadinessProblems([], surveySummary([], off), 0, off)).toEqual([]);
  });
});

describe('decisionModerationProblems: every criterion not met becomes a condition (HSJ 5052773)', () => {
  const outcomes = new Map<string, 'met' | 'not_met' | null>([
    ['3.1.1C', 'not_met'],
    ['2.2B', 'met'],
    ['1.1A', null],
  ]);
  it.each<[string, { conditionId: string; criterionIds: string[] }[], string[]]>([
    ['the unmet criterion is a condition', [{ conditionId: 'C1', criterionIds: ['3.1.1C'] }], []],
    [
      'a condition on an unmoderated criterion is the Board’s call',
      [{ conditionId: 'C1', criterionIds: ['3.1.1C', '1.1A'] }],
      [],
    ],
    ['the unmet criterion is left out', [], ['unmet_without_condition']],
    [
      'a condition cites a criterion moderated as met',
      [
        { conditionId: 'C1', criterionIds: ['3.1.1C'] },
        { conditionId: 'C2', criterionIds: ['2.2B'] },
      ],
      ['condition_on_met_criterion'],
    ],
  ])('%s', (_case, conditions, codes) => {
    expect(decisionModerationProblems(conditions, outcomes, assessment).map((p) => p.code)).toEqual(codes);
  });

  it('is a switch', () => {
    const off = {
      ...assessment,
      moderation: {
        ...assessment.moderation,
        everyUnmetCriterionIsACondition: {
          ...assessment.moderation.everyUnmetCriterionIsACondition,
          enabled: false,
        },
      },
    };
    expect(decisionModerationProblems([], outcomes, off)).toEqual([]);
  });
});
