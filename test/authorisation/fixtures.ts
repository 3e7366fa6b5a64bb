import type { Recorder } from '../../src/modules/authorisation/assessment-model.ts';
import type { Database } from '../../src/platform/db/database.ts';
import type { Services } from '../../src/platform/http/server.ts';

/**
 * Test fixtures for authorisation: every real CCG of April 2013 holds its stored 2012–13 record (the
 * demo), so a test that applies, is assessed and decided needs a CCG still before establishment. These
 * make one: a TEST-ONLY organisation of type ccg (codes Z00–ZZZ, named as fixtures, never real) in a
 * real area team and overlapping a real HWB, taken through the real services.
 */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let next = 0;

/** A fresh three-character fixture code: Z00, Z01, … (the registry has no code beginning with Z). */
export function fixtureCode(): string {
  const n = next++;
  if (n >= 36 * 36) throw new Error('out of fixture CCG codes');
  return `Z${ALPHABET[Math.floor(n / 36)]}${ALPHABET[n % 36]}`;
}

export const ASSESSOR: Recorder = {
  kind: 'person',
  id: 'fixture.assessor',
  name: 'Ann Assessor (test fixture)',
};
export const SECOND_ASSESSOR: Recorder = {
  kind: 'person',
  id: 'fixture.assessor2',
  name: 'Bob Assessor (test fixture)',
};
export const CCG_STAFF: Recorder = { kind: 'person', id: 'fixture.ccg', name: 'Cara CCG (test fixture)' };
export const BOARD: Recorder = { kind: 'person', id: 'fixture.board', name: 'Dev Board (test fixture)' };

/** Inserts a test-only CCG in `areaTeam`, overlapping `hwb`, from 1 April 2013. */
export async function createFixtureCcg(
  db: Database,
  options: { areaTeam?: string; hwb?: string; code?: string } = {},
): Promise<string> {
  const code = options.code ?? fixtureCode();
  await db
    .insertInto('organisation')
    .values({
      code,
      org_type: 'ccg',
      name: `NHS Test Fixture ${code} CCG (not a real CCG)`,
      short_name: null,
      ons_code: null,
      postcode: null,
      open_date: '2013-04-01',
      close_date: null,
      provenance: 'illustrative',
      provenance_note: 'Test fixture: an applicant CCG for authorisation tests',
      source: 'test fixture',
      attributes: JSON.stringify({}),
    })
    .execute();
  const link = (kind: string, to: string) =>
    db
      .insertInto('relationship')
      .values({
        kind,
        from_code: code,
        to_code: to,
        start_date: '2013-04-01',
        end_date: null,
        share: kind === 'overlaps_hwb' ? '1' : null,
        provenance: 'illustrative',
        provenance_note: 'Test fixture',
        source: 'test fixture',
        event_id: null,
      })
      .execute();
  await link('in_area_team', options.areaTeam ?? 'Q45');
  await link('overlaps_hwb', options.hwb ?? 'E06000005');
  return code;
}

/** A pathfinder (approved by the Board on 1 Oct 2011). */
export async function pathfinderCcg(services: Services, db: Database, options: { areaTeam?: string } = {}) {
  const code = await createFixtureCcg(db, options);
  await services.authorisation.lifecycle.record(
    code,
    {
      kind: 'pathfinder_approval',
      date: '2011-10-01',
      evidence: {
        gpLeadership: true,
        localAuthorityEngagement: true,
        qippContribution: true,
        note: 'Test fixture pathfinder letter',
      },
      delegatingPctCode: null,
    },
    BOARD,
    { reason: 'Test fixture: pathfinder approved' },
  );
  return code;
}

/** A pathfinder with a draft in wave `wave`, every criterion self-certified (`certify`: how many). */
export async function draftCcg(
  services: Services,
  db: Database,
  options: { areaTeam?: string; wave?: 1 | 2 | 3 | 4; certify?: number } = {},
) {
  const code = await pathfinderCcg(services, db, options);
  const a = services.authorisation.assessment;
  await a.createApplication(code, { wave: options.wave ?? 4 }, CCG_STAFF);
  const criteria = services.authorisation.definitions.guide.criteria;
  for (const c of criteria.slice(0, options.certify ?? criteria.length)) {
    await a.selfCertify(
      code,
      { criterionId: c.id, status: 'met', statement: `Test fixture evidence for ${c.id}` },
      CCG_STAFF,
    );
  }
  return code;
}

/** An applicant: its application submitted in wave 4 on 1 November 2012. */
export async function applicantCcg(services: Services, db: Database, options: { areaTeam?: string } = {}) {
  const code = await draftCcg(services, db, options);
  await services.authorisation.assessment.submit(code, { submittedOn: '2012-11-01' }, CCG_STAFF);
  return code;
}

/** Every type of 360° survey respondent. */
export const RESPONDENT_TYPES = [
  'hwb',
  'provider',
  'neighbouring_ccg',
  'local_authority',
  'patient_group',
  'member_practice',
];

/**
 * The assessment done, ready to moderate: every criterion scored by a named assessor (`notMet`
 * criteria scored not met), 40 survey responses of every type, and a site visit.
 */
export async function assessedCcg(
  services: Services,
  db: Database,
  options: { notMet?: readonly string[]; areaTeam?: string } = {},
) {
  const code = await applicantCcg(services, db, options);
  const a = services.authorisation.assessment;
  for (const c of services.authorisation.definitions.guide.criteria) {
    const fails = options.notMet?.includes(c.id) ?? false;
    await a.addScore(
      code,
      { criterionId: c.id, score: fails ? 'not_met' : 'met', rationale: `Test fixture scoring of ${c.id}` },
      ASSESSOR,
    );
  }
  for (let i = 0; i < 40; i++) {
    await a.addSurveyResponse(
      code,
      {
        respondentType: RESPONDENT_TYPES[i % RESPONDENT_TYPES.length]!,
        respondentOrgCode: null,
        respondentName: `Fixture respondent ${i + 1}`,
        answers: { Q1: 4, Q2: 3 + (i % 3), Q4: 4 },
        comment: '',
        receivedOn: '2012-11-20',
      },
      ASSESSOR,
    );
  }
  await a.addSiteVisit(
    code,
    {
      visitedOn: '2012-12-05',
      panel: ['Ann Assessor', 'Bob Assessor'],
      notes: 'Test fixture visit',
      flags: [],
    },
    ASSESSOR,
  );
  return code;
}
