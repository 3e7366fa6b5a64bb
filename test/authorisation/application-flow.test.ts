import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, sessionHeaders, signIn } from '../access/sessions.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { ASSESSOR, applicantCcg, BOARD, createFixtureCcg, RESPONDENT_TYPES } from './fixtures.ts';

/**
 * One application from pathfinder to decision through the API, as the people who do each step: the
 * Board approves the pathfinder; the CCG drafts, self-certifies, adds evidence and submits; a named
 * assessor at its area team scores; the Board moderates and decides. Every step is checked against the
 * stored lifecycle and its history.
 */
let server: TestServer;
let ccg = '';
const people = {
  ccg: { username: 'flow.ccg', displayName: 'Cara Commissioner', password: 'a long enough passphrase 1' },
  assessor: {
    username: 'flow.assessor',
    displayName: 'Ann Assessor',
    password: 'a long enough passphrase 2',
  },
  board: { username: 'flow.board', displayName: 'Dev Decider', password: 'a long enough passphrase 3' },
};
const sessions: Record<keyof typeof people, Session> = {} as never;

beforeAll(async () => {
  server = await startTestServer();
  ccg = await createFixtureCcg(server.database.db, { areaTeam: 'Q45' });
  const { accounts } = server.services.access;
  const roles = {
    ccg: { role: 'ccg_commissioning_manager', orgCode: ccg },
    assessor: { role: 'area_team_assurance', orgCode: 'Q45' },
    board: { role: 'board_oversight', orgCode: 'NHSCB' },
  } as const;
  for (const key of Object.keys(people) as (keyof typeof people)[]) {
    const p = await accounts.create(people[key]);
    await accounts.grantRole(p.personId, { ...roles[key], startDate: '2013-04-01', endDate: null }, 'test');
    sessions[key] = await signIn(server.app, people[key].username, people[key].password);
  }
}, 180_000);
afterAll(async () => server?.close());

async function call(who: keyof typeof people | null, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await server.app.inject({
    method,
    url,
    headers: who ? sessionHeaders(sessions[who], method) : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return { status: res.statusCode, body: res.json() };
}
/** The condition the Board sets for the unmet finance criterion, with a level IV support that brings directions. */
const FINANCE_CONDITION = {
  conditionId: 'C1',
  criterionIds: ['3.1.1C'],
  domain: 3,
  supportLevel: 4,
  reviewDate: '2013-06-30',
  description: 'A financial plan that reaches balance',
};
const codes = (body: { problems?: { code?: string }[] }) => (body.problems ?? []).map((p) => p.code);
const base = () => `/api/ccgs/${ccg}/authorisation`;

describe('an application from pathfinder to decision, through the API', () => {
  it('the Board approves the pathfinder; the CCG starts a draft in wave 4', async () => {
    const approved = await call('board', 'POST', `${base()}/events`, {
      kind: 'pathfinder_approval',
      date: '2011-11-01',
      evidence: {
        gpLeadership: true,
        localAuthorityEngagement: true,
        qippContribution: true,
        note: 'Pathfinder letter',
      },
      reason: 'Pathfinder test met',
      evidenceRefs: ['letter 2011-11-01'],
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('pathfinder');
    const draft = await call('ccg', 'POST', `${base()}/application`, { wave: 4 });
    expect(draft.status).toBe(200);
    expect(draft.body.application).toMatchObject({
      wave: 4,
      status: 'draft',
      criteriaVersion: 'guide-2012-04',
    });
    expect(draft.body.application.createdBy).toEqual({
      kind: 'person',
      id: 'flow.ccg',
      name: 'Cara Commissioner',
    });
  });

  it('refuses to submit until every criterion is self-certified, naming how many are missing', async () => {
    const refused = await call('ccg', 'POST', `${base()}/application/submit`, { submittedOn: '2012-10-30' });
    expect(refused.status).toBe(409);
    expect(codes(refused.body)).toEqual(['self_certification_missing']);
    expect(refused.body.problems[0].message).toMatch(/^119 of 119 criteria are not self-certified/);
  });

  it('takes a self-certification per criterion and evidence documents with their metadata; bad input is a 400 naming the field', async () => {
    const bad = await call('ccg', 'POST', `${base()}/application/self-certifications`, {
      criterionId: '9.9Z',
      status: 'met',
      statement: 'x',
    });
    expect(bad.status).toBe(400);
    const unknown = await call('ccg', 'POST', `${base()}/application/self-certifications`, {
      criterionId: '6.9Z',
      status: 'sort_of',
      statement: '',
    });
    expect(unknown.status).toBe(400);
    expect(codes(unknown.body)).toEqual(['unknown_criterion', 'unknown_status', 'statement_required']);
    for (const c of server.services.authorisation.definitions.guide.criteria) {
      const r = await call('ccg', 'POST', `${base()}/application/self-certifications`, {
        criterionId: c.id,
        status: c.id === '3.1.1C' ? 'partially_met' : 'met',
        statement: `How we meet ${c.id}`,
      });
      expect(r.status, c.id).toBe(200);
    }
    const doc = {
      title: 'Integrated plan 2013-14',
      documentType: 'integrated_plan',
      documentDate: '2012-10-15',
      author: 'Chief Officer',
      criterionIds: ['3.1.1B', '3.1.1D'],
      reference: 'https://example.invalid/plans/2013-14.pdf',
      committee: null,
    };
    const badDoc = await call('ccg', 'POST', `${base()}/application/documents`, {
      ...doc,
      documentType: 'poem',
      documentDate: '2012-02-30',
      criterionIds: [],
    });
    expect(badDoc.status).toBe(400);
    expect(badDoc.body.problems.map((p: { path: string }) => p.path)).toEqual([
      'body.documentType',
      'body.documentDate',
      'body.criterionIds',
    ]);
    const added = await call('ccg', 'POST', `${base()}/application/documents`, doc);
    expect(added.status).toBe(200);
    expect(added.body.document).toMatchObject({ ...doc, documentId: expect.stringMatching(/^DOC-/) });
    const app = await call('ccg', 'GET', `${base()}/application`);
    expect(app.body.selfCertifications).toHaveLength(119);
    expect(app.body.documents).toHaveLength(1);
    expect(app.body.readyToSubmit).toEqual([]);
  });

  it('refuses a submission after the wave deadline, then submits by it: the CCG is an applicant', async () => {
    const late = await call('ccg', 'POST', `${base()}/application/submit`, { submittedOn: '2012-11-02' });
    expect(late.status).toBe(409);
    expect(codes(late.body)).toEqual(['deadline_passed']);
    expect(late.body.problems[0].message).toBe(
      'Wave 4 applications closed on 2012-11-01; applied on 2012-11-02',
    );
    const ok = await call('ccg', 'POST', `${base()}/application/submit`, { submittedOn: '2012-10-31' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'submitted', lifecycleStatus: 'applicant' });
    const again = await call('ccg', 'POST', `${base()}/application/submit`, { submittedOn: '2012-10-31' });
    expect(again.status).toBe(409);
    expect(codes(again.body)).toEqual(['application_status']);
  });

  it('records a named assessor’s score, and refuses one off the scale', async () => {
    const bad = await call('assessor', 'POST', `${base()}/assessment/scores`, {
      criterionId: '1.1A',
      score: 'excellent',
      rationale: '',
    });
    expect(bad.status).toBe(400);
    expect(codes(bad.body)).toEqual(['unknown_score', 'rationale_required']);
    const ok = await call('assessor', 'POST', `${base()}/assessment/scores`, {
      criterionId: '3.1.1C',
      score: 'not_met',
      rationale: 'The financial plan does not reach balance in 2013-14',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.score.assessor).toEqual({ kind: 'person', id: 'flow.assessor', name: 'Ann Assessor' });
    const view = await call('assessor', 'GET', `${base()}/assessment`);
    const c = view.body.criteria.find((x: { id: string }) => x.id === '3.1.1C');
    expect(c).toMatchObject({ meets: false, selfCertification: { status: 'partially_met' } });
    expect(c.scores).toHaveLength(1);
    expect(view.body.criteria.find((x: { id: string }) => x.id === '3.1.1B').documents).toHaveLength(1);
  });

  it('refuses moderation until every criterion is scored, the survey is in and the site visit is recorded', async () => {
    const early = await call('board', 'POST', `${base()}/assessment/moderation`, {
      criterionId: '3.1.1C',
      outcome: 'not_met',
      rationale: 'Financial plan',
    });
    expect(early.status).toBe(409);
    expect(codes(early.body)).toEqual([
      'scores_missing',
      'survey_short',
      'survey_types_missing',
      'site_visit_missing',
    ]);
    expect(early.body.problems[0].message).toMatch(/^118 criteria have fewer than 1 named assessor score/);
  });

  it('moderates once the assessment is complete', async () => {
    const a = server.services.authorisation.assessment;
    for (const c of server.services.authorisation.definitions.guide.criteria.filter(
      (x) => x.id !== '3.1.1C',
    )) {
      await a.addScore(ccg, { criterionId: c.id, score: 'met', rationale: 'Evidence seen' }, ASSESSOR);
    }
    for (let i = 0; i < 39; i++) {
      await a.addSurveyResponse(
        ccg,
        {
          respondentType: RESPONDENT_TYPES[i % RESPONDENT_TYPES.length]!,
          respondentOrgCode: null,
          respondentName: `Respondent ${i}`,
          answers: { Q1: 4, Q4: 3 },
          comment: '',
          receivedOn: '2012-11-20',
        },
        ASSESSOR,
      );
    }
    const survey = await call('assessor', 'POST', `${base()}/assessment/survey-responses`, {
      respondentType: 'hwb',
      respondentOrgCode: 'E06000005',
      respondentName: 'Darlington HWB',
      answers: { Q1: 5, Q5: 4 },
      comment: 'Engaged with the JHWS',
      receivedOn: '2012-11-21',
    });
    expect(survey.status).toBe(200);
    expect(survey.body.summary).toMatchObject({ respondents: 40, target: 40 });
    const visit = await call('assessor', 'POST', `${base()}/assessment/site-visits`, {
      visitedOn: '2012-12-04',
      panel: ['Ann Assessor', 'A GP from another area'],
      notes: 'Strong clinical leadership; finance plan weak',
      flags: [{ flag: 'red', criterionId: '3.1.1C', note: 'No route to balance' }],
    });
    expect(visit.status).toBe(200);
    const moderated = await call('board', 'POST', `${base()}/assessment/moderation`, {
      criterionId: '3.1.1C',
      outcome: 'not_met',
      rationale: 'Agree with the assessors and the site visit',
    });
    expect(moderated.status).toBe(200);
    expect(moderated.body.notMet).toEqual(['3.1.1C']);
  });

  it('refuses a decision that does not make the unmet criterion a condition, or lacks the directions its level brings', async () => {
    const noCondition = await call('board', 'POST', `${base()}/decision`, {
      decidedOn: '2013-03-18',
      outcome: 'authorise',
      reason: 'All met',
    });
    expect(noCondition.status).toBe(409);
    expect(codes(noCondition.body)).toEqual(['unmet_without_condition']);
    expect(noCondition.body.problems[0].message).toContain('3.1.1C');
    const noDirections = await call('board', 'POST', `${base()}/decision`, {
      decidedOn: '2013-03-18',
      outcome: 'authorise_with_conditions',
      conditions: [FINANCE_CONDITION],
      reason: 'Finance',
    });
    expect(noDirections.status).toBe(409);
    expect(codes(noDirections.body)).toEqual(['directions_required']);
  });

  it('records the decision with its condition, support level, review date and directions; the public sees them', async () => {
    const decided = await call('board', 'POST', `${base()}/decision`, {
      decidedOn: '2013-03-18',
      outcome: 'authorise_with_conditions',
      conditions: [FINANCE_CONDITION],
      directions: [
        { directionId: 'D1', functions: ['Approval of the financial plan'], exercisedBy: { kind: 'board' } },
      ],
      reason: 'Authorised with one condition at level IV, underpinned by legal directions',
      evidenceRefs: ['moderation panel 2013-03-01'],
    });
    expect(decided.status).toBe(200);
    expect(decided.body.lifecycleStatus).toBe('established_with_conditions');

    const pub = await call(null, 'GET', base());
    expect(pub.status).toBe(200);
    expect(pub.body.authorisation).toMatchObject({
      code: ccg,
      status: 'established_with_conditions',
      wave: 4,
      outcome: 'authorised_with_conditions',
      decidedOn: '2013-03-18',
      establishedOn: '2013-04-01',
      directionsAtGoLive: true,
      conditions: [
        { conditionId: 'C1', supportLevel: 4, reviewDate: '2013-06-30', criterion: { basis: 'recorded' } },
      ],
      directions: [{ directionId: 'D1', exercisedBy: { kind: 'board' }, liftedOn: null }],
    });
  });

  it('refuses a second decision with a clear error naming the state, and an illegal Board event likewise', async () => {
    const again = await call('board', 'POST', `${base()}/events`, {
      kind: 'pathfinder_approval',
      date: '2013-05-01',
      evidence: { gpLeadership: true, localAuthorityEngagement: true, qippContribution: true, note: 'again' },
      reason: 'mistake',
    });
    expect(again.status).toBe(409);
    expect(again.body.problems).toEqual([
      {
        path: 'event',
        code: 'illegal_transition',
        message: `Event "pathfinder_approval" is not allowed in state "established_with_conditions" (CCG ${ccg}); it is allowed in: emerging`,
      },
    ]);
  });

  it('lifts the condition and then the directions: the CCG is fully authorised; the history keeps every step', async () => {
    const lift = await call('board', 'POST', `${base()}/events`, {
      kind: 'lift_condition',
      date: '2013-07-31',
      conditionId: 'C1',
      reason: 'Balanced plan agreed',
    });
    expect(lift.status).toBe(200);
    expect(lift.body.status).toBe('established_with_conditions');
    const directions = await call('board', 'POST', `${base()}/events`, {
      kind: 'lift_directions',
      date: '2013-07-31',
      directionIds: ['D1'],
      reason: 'No condition at level IV or above stands',
    });
    expect(directions.body.status).toBe('established_authorised');

    const history = await call('ccg', 'GET', `${base()}/history`);
    expect(history.status).toBe(200);
    expect(history.body.items.map((h: { event: { kind: string } }) => h.event.kind)).toEqual([
      'pathfinder_approval',
      'apply_in_wave',
      'decision',
      'lift_condition',
      'lift_directions',
    ]);
    const decision = history.body.items[2];
    expect(decision).toMatchObject({
      date: '2013-03-18',
      from: 'applicant',
      to: 'established_with_conditions',
      actor: { name: 'Dev Decider' },
      reason: 'Authorised with one condition at level IV, underpinned by legal directions',
    });
    expect(decision.evidenceRefs[0]).toMatch(/^APP-/);
    expect(history.body.items[1].actor.name).toBe('Cara Commissioner');
  });

  it('decides again only where the lifecycle allows: a CCG established without authorisation, not an authorised one', async () => {
    const again = await call('board', 'POST', `${base()}/decision`, {
      decidedOn: '2013-09-01',
      outcome: 'authorise',
      reason: 'x',
    });
    expect(again.status).toBe(409);
    expect(codes(again.body)).toEqual(['illegal_transition']);
    const a = server.services.authorisation;
    const other = await applicantCcg(server.services, server.database.db);
    const direction = {
      directionId: 'D1',
      functions: ['All commissioning'],
      exercisedBy: { kind: 'board' as const },
    };
    await a.assessment.decide(
      other,
      {
        decidedOn: '2013-03-18',
        outcome: 'not_authorised_with_directions',
        conditions: [],
        directions: [direction],
        reason: 'Not ready',
        evidenceRefs: [],
      },
      BOARD,
    );
    const later = await a.assessment.decide(
      other,
      {
        decidedOn: '2013-09-01',
        outcome: 'authorise',
        conditions: [],
        directions: [],
        reason: 'Ready now',
        evidenceRefs: [],
      },
      BOARD,
    );
    expect(later.lifecycleStatus).toBe('established_authorised');
    const summary = await a.ccg(other);
    expect(summary.directions).toEqual([
      expect.objectContaining({ directionId: 'D1', liftedOn: '2013-09-01' }),
    ]);
  });

  it('keeps the history append-only: the application’s database role may not change or delete it', async () => {
    const db = server.database.db;
    await expect(
      sql`update auth_history set reason = 'rewritten' where ccg_code = ${ccg}`.execute(db),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(sql`delete from auth_history where ccg_code = ${ccg}`.execute(db)).rejects.toThrow(
      /permission denied|append-only/,
    );
    const rows = await sql<{
      n: number;
    }>`select count(*)::int as n from auth_history where ccg_code = ${ccg}`.execute(db);
    expect(rows.rows[0]!.n).toBe(5);
  });
});
