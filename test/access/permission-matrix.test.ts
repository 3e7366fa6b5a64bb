import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiTokenRepository } from '../../src/platform/auth/api-token-repository.ts';
import { DEMO_IDENTITIES, seedDemoAccounts } from '../../src/platform/auth/demo-accounts.ts';
import { hashSecretToken, newSecretToken } from '../../src/platform/auth/secret-token.ts';
import {
  addContractFixture,
  QUARANTINE_LOAD_ID,
  writeLoadsFixture,
  writeResultsFixture,
} from '../activity/results-fixture.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import {
  answeredAssessment,
  freshApplicant,
  freshDraft,
  freshEmerging,
  freshIntervention,
  freshPathfinder,
  type MatrixAuthorisation,
  matrixYear,
  seedMatrixAuthorisation,
} from './authorisation-fixtures.ts';
import {
  completeConstitution,
  draftMeeting,
  heldMeeting,
  matrixPersonId,
  meetingOutcome,
  noPendingVariation,
  pendingVariation,
  publishedMeeting,
  seedMatrixGovernance,
} from './governance-fixtures.ts';
import { type Session, sessionHeaders, signIn } from './sessions.ts';

/**
 * The permission matrix (issue #3): every /api route, run as every demo role, an API token and the
 * anonymous public, against records owned by the actor's own organisation, an organisation linked to
 * it in the registry, and another one — each answer checked against the table below, and each
 * audited (or not) as it should be. A route without an expectation row, or a row without a route,
 * fails the test.
 */

const ACTORS = [
  'gov',
  'com',
  'fin',
  'pra',
  'at',
  'reg',
  'brd',
  'hwb',
  'hw',
  'prv',
  'adm',
  'ano',
  'tok',
] as const;
type ActorId = (typeof ACTORS)[number];
const OWNER_LABELS = ['own', 'linked', 'other'] as const;
type OwnerLabel = (typeof OWNER_LABELS)[number];

const USERNAME: Partial<Record<ActorId, string>> = {
  gov: 'demo.ccg.governing',
  com: 'demo.ccg.commissioning',
  fin: 'demo.ccg.finance',
  pra: 'demo.practice',
  at: 'demo.areateam',
  reg: 'demo.region',
  brd: 'demo.board',
  hwb: 'demo.hwb',
  hw: 'demo.healthwatch',
  prv: 'demo.provider',
  adm: 'demo.admin',
};

/** Record owners per actor: its own organisation, one linked to it in the registry, and another. */
const OWNERS: Record<ActorId, Record<OwnerLabel, string>> = {
  gov: { own: '00C', linked: 'A83005', other: '00D' }, // a member practice; another CCG
  com: { own: '00C', linked: 'A83005', other: '00D' },
  fin: { own: '00C', linked: 'A83005', other: '00D' },
  pra: { own: 'A83005', linked: '00C', other: 'A83001' }, // its CCG; a practice of another CCG
  at: { own: 'Q45', linked: '00C', other: '08H' }, // a CCG in its area; a London CCG
  reg: { own: 'Y54', linked: '08H', other: 'RTR' }, // a CCG elsewhere; a provider
  brd: { own: 'NHSCB', linked: '00C', other: 'RTR' },
  hwb: { own: 'E06000005', linked: '00C', other: '00D' }, // the CCG overlapping it; one that does not
  hw: { own: 'HW-E06000005', linked: 'E06000005', other: '00C' }, // its HWB; a CCG
  prv: { own: 'RTR', linked: '00C', other: 'RR7' }, // a commissioner; another trust
  adm: { own: '00C', linked: 'A83005', other: '00D' }, // platform role: no organisation of its own
  ano: { own: '00C', linked: 'A83005', other: '00D' },
  tok: { own: '00C', linked: 'A83005', other: '00D' }, // token of 00C: read+write organisation_internal
};

/** Patients whose identity `reidentify` asks for: at A83005 (own for the practice), A83006 (same CCG), A83001. */
const PATIENT_PRACTICE: Record<OwnerLabel, string> = { own: 'A83005', linked: 'A83006', other: 'A83001' };

// Columns: gov com fin pra at reg brd hwb hw prv adm ano tok; in each, own/linked/other.
// A = allowed (2xx), D = denied (401 for the anonymous, 403 otherwise).
const ALL = 'AAA AAA AAA AAA AAA AAA AAA AAA AAA AAA AAA AAA AAA';
const ADMIN_ONLY = 'DDD DDD DDD DDD DDD DDD DDD DDD DDD DDD AAA DDD DDD';
const ORG_INTERNAL_READ = 'ADD ADD ADD ADD AAA AAD AAD AAD ADD ADD DDD DDD ADD';
// Owners 00C/00C/00D: a CCG's staff and its token reach their own CCG; area team, region and Board
// every CCG; the HWB the CCG overlapping it (00C), not 00D.
const CCG_INTERNAL_READ = 'AAD AAD AAD DDD AAA AAA AAA AAD DDD DDD DDD DDD AAD';
const CCG_COMMERCIAL_READ = 'AAD AAD AAD DDD AAA AAA AAA DDD DDD DDD DDD DDD DDD';
const CCG_INTERNAL_WRITE = 'AAD AAD AAD DDD DDD DDD DDD DDD DDD DDD DDD DDD AAD';
// Authorisation: the CCG people at fixture CCGs; the area team as assessor; the Board.
const FIXTURE_CCG_WRITE = 'AAD AAD AAD DDD DDD DDD DDD DDD DDD DDD DDD DDD DDD';
const AREA_TEAM_WRITE = 'DDD DDD DDD DDD AAD DDD DDD DDD DDD DDD DDD DDD DDD';
const BOARD_SIDE_READ = 'DDD DDD DDD DDD AAA AAA AAA DDD DDD DDD DDD DDD DDD';
const BOARD_WRITE = 'DDD DDD DDD DDD DDD DDD AAA DDD DDD DDD DDD DDD DDD';
const EXPECT: Record<string, string> = {
  'GET /api/organisations': ALL,
  'GET /api/organisations/:code': ALL,
  'GET /api/organisations/:code/members': ALL,
  'GET /api/organisations/:code/population': ALL,
  'GET /api/organisations/:code/history': ALL,
  'GET /api/map/ccgs': ALL,
  'GET /api/geo/ccg-boundaries': ALL,
  'GET /api/structure/violations': ALL,
  'GET /api/structural-events': ALL,
  'POST /api/structural-events': 'DDD DDD DDD DDD DDD DDD AAA DDD DDD DDD DDD DDD DDD',
  'GET /api/imports': ADMIN_ONLY,
  'GET /api/imports/:id/rejections': ADMIN_ONLY,
  'POST /api/auth/sign-in': ALL,
  'POST /api/auth/sign-out': ALL,
  'GET /api/auth/session': ALL,
  'POST /api/auth/password': 'AAA AAA AAA AAA AAA AAA AAA AAA AAA AAA AAA DDD DDD',
  'GET /api/access/roles': ALL,
  'GET /api/access/organisations/:code/people': ORG_INTERNAL_READ,
  'GET /api/access/organisations/:code/api-tokens': ORG_INTERNAL_READ,
  'POST /api/access/organisations/:code/api-tokens': 'ADD ADD ADD ADD ADD ADD ADD ADD ADD ADD DDD DDD DDD',
  'POST /api/access/organisations/:code/api-tokens/:id/revoke':
    'ADD ADD ADD ADD ADD ADD ADD ADD ADD ADD DDD DDD ADD',
  'GET /api/admin/people': ADMIN_ONLY,
  'POST /api/admin/people': ADMIN_ONLY,
  'POST /api/admin/people/:id/roles': ADMIN_ONLY,
  'POST /api/admin/people/:id/roles/:assignmentId/end': ADMIN_ONLY,
  'POST /api/admin/people/:id/unlock': ADMIN_ONLY,
  'POST /api/admin/people/:id/reset-password': ADMIN_ONLY,
  'GET /api/patients/responsible-population/:code': 'DDD ADD DDD ADD AAA AAD AAD DDD DDD DDD DDD DDD DDD',
  'POST /api/patients/reidentify': 'DDD DDD DDD ADD DDD DDD DDD DDD DDD DDD DDD DDD DDD',
  'GET /api/audit': ADMIN_ONLY,
  // Governance (issue #4): published records for all; the CCG's internal records for the CCG, the
  // Board and the HWBs it overlaps. Owners: own = 00C, linked = 00C, other = 00D for every actor.
  'GET /api/ccgs/:code/governing-body': ALL,
  'GET /api/ccgs/:code/register-of-interests': ALL,
  'GET /api/ccgs/:code/constitution': ALL,
  'GET /api/ccgs/:code/meetings': ALL,
  'GET /api/meetings/:meetingId/minutes': ALL,
  'GET /api/ccgs/:code/procurement-decisions': ALL,
  'GET /api/ccgs/:code/governance/compliance': CCG_INTERNAL_READ,
  'GET /api/authorisation': ALL,
  'GET /api/ccgs/:code/authorisation': ALL,
  'GET /api/ccgs/:code/authorisation/readiness': CCG_INTERNAL_READ,
  'GET /api/ccgs/:code/people': CCG_INTERNAL_READ,
  'POST /api/ccgs/:code/people': CCG_INTERNAL_WRITE,
  'POST /api/ccgs/:code/people/:personId/appointments': CCG_INTERNAL_WRITE,
  'POST /api/ccgs/:code/people/:personId/appointments/:appointmentId/end': CCG_INTERNAL_WRITE,
  'GET /api/ccgs/:code/register-of-interests/internal': CCG_INTERNAL_READ,
  'GET /api/ccgs/:code/gifts-hospitality': CCG_INTERNAL_READ,
  'GET /api/ccgs/:code/breaches': CCG_INTERNAL_READ,
  'GET /api/ccgs/:code/constitution/versions': CCG_INTERNAL_READ,
  'GET /api/ccgs/:code/meetings/internal': CCG_INTERNAL_READ,
  'GET /api/meetings/:meetingId': CCG_INTERNAL_READ,
  'GET /api/meetings/:meetingId/conflict-plan': CCG_INTERNAL_READ,
  'POST /api/ccgs/:code/declarations': CCG_INTERNAL_WRITE,
  'POST /api/ccgs/:code/nil-returns': CCG_INTERNAL_WRITE,
  'POST /api/ccgs/:code/gifts-hospitality': CCG_INTERNAL_WRITE,
  'POST /api/ccgs/:code/breaches': CCG_INTERNAL_WRITE,
  'POST /api/ccgs/:code/constitution/variations': CCG_INTERNAL_WRITE,
  'POST /api/ccgs/:code/meetings': CCG_INTERNAL_WRITE,
  'POST /api/meetings/:meetingId/outcome': CCG_INTERNAL_WRITE,
  'POST /api/meetings/:meetingId/publish': CCG_INTERNAL_WRITE,
  'POST /api/ccgs/:code/constitution/variations/:version/decision':
    'DDD DDD DDD DDD DDD DDD AAA DDD DDD DDD DDD DDD DDD',
  'GET /api/governance/compliance': 'DDD DDD DDD DDD AAA AAA AAA DDD DDD DDD DDD DDD DDD',
  // Authorisation and assurance (issue #6). Definitions, decisions, published summaries and given
  // directions are public; the CCG's application and history are its internal records.
  'GET /api/authorisation/definitions': ALL,
  'GET /api/ccgs/:code/authorisation/history': CCG_INTERNAL_READ,
  'GET /api/ccgs/:code/authorisation/application': CCG_INTERNAL_READ,
  'GET /api/ccgs/:code/annual-assessments': ALL,
  'GET /api/ccgs/:code/annual-assessments/internal': CCG_INTERNAL_READ,
  'GET /api/annual-assessments/:assessmentId': CCG_INTERNAL_READ,
  'GET /api/ccgs/:code/intervention-triggers': CCG_INTERNAL_READ,
  // Activity (issue #5): loads are platform data management; a CCG's contract activity is commercial in
  // confidence (the CCG, and the Board side above it); its responsible population is CCG-internal.
  'GET /api/activity/loads': ADMIN_ONLY,
  'GET /api/activity/loads/:loadId/quarantine': ADMIN_ONLY,
  'GET /api/ccgs/:code/activity': CCG_COMMERCIAL_READ,
  'GET /api/ccgs/:code/activity/providers/:provider': CCG_COMMERCIAL_READ,
  'GET /api/ccgs/:code/contracts/:provider/statement': CCG_COMMERCIAL_READ,
  'GET /api/ccgs/:code/responsible-population': CCG_INTERNAL_READ,
  'GET /api/ccgs/:code/interventions': ALL,
  // The CCG prepares and submits: owners are test fixture CCGs where the CCG people hold their roles
  // (own, linked) or nobody does (other); Darlington's API token is not theirs.
  'POST /api/ccgs/:code/authorisation/application': FIXTURE_CCG_WRITE,
  'POST /api/ccgs/:code/authorisation/application/self-certifications': FIXTURE_CCG_WRITE,
  'POST /api/ccgs/:code/authorisation/application/documents': FIXTURE_CCG_WRITE,
  'POST /api/ccgs/:code/authorisation/application/submit': FIXTURE_CCG_WRITE,
  // Assessors are the CCG's area team (Q45 for 00C, 00D and the own/linked fixtures; Q61 for the
  // others); the Board and its regions read what they record.
  'GET /api/ccgs/:code/authorisation/assessment': BOARD_SIDE_READ,
  'POST /api/ccgs/:code/authorisation/assessment/scores': AREA_TEAM_WRITE,
  'POST /api/ccgs/:code/authorisation/assessment/survey-responses': AREA_TEAM_WRITE,
  'POST /api/ccgs/:code/authorisation/assessment/site-visits': AREA_TEAM_WRITE,
  'POST /api/ccgs/:code/annual-assessments': AREA_TEAM_WRITE,
  'POST /api/annual-assessments/:assessmentId/publish': AREA_TEAM_WRITE,
  'POST /api/ccgs/:code/intervention-evidence': AREA_TEAM_WRITE,
  // Each relevant HWB answers the annual assessment for itself (own/linked E06000005, other E06000047).
  'POST /api/annual-assessments/:assessmentId/hwbs/:hwbCode/response':
    'DDD DDD DDD DDD DDD DDD DDD AAD DDD DDD DDD DDD DDD',
  // Moderation, the decision, later lifecycle events and intervention are the Board's.
  'POST /api/ccgs/:code/authorisation/assessment/moderation': BOARD_WRITE,
  'POST /api/ccgs/:code/authorisation/decision': BOARD_WRITE,
  'POST /api/ccgs/:code/authorisation/events': BOARD_WRITE,
  'POST /api/ccgs/:code/interventions': BOARD_WRITE,
  'GET /api/interventions/:interventionId': BOARD_SIDE_READ,
  'POST /api/interventions/:interventionId/consultations': BOARD_WRITE,
  'POST /api/interventions/:interventionId/directions': BOARD_WRITE,
  'POST /api/interventions/:interventionId/variations': BOARD_WRITE,
  'POST /api/interventions/:interventionId/reviews': BOARD_WRITE,
  'POST /api/interventions/:interventionId/lift': BOARD_WRITE,
};

function expected(route: string, actor: ActorId, owner: OwnerLabel): 'A' | 'D' {
  const groups = EXPECT[route]!.split(' ');
  return groups[ACTORS.indexOf(actor)]![OWNER_LABELS.indexOf(owner)] as 'A' | 'D';
}

interface Ctx {
  readonly server: TestServer;
  readonly actor: ActorId;
  readonly owner: string;
  readonly label: OwnerLabel;
  readonly n: number;
}
interface Case {
  /** The owner is fixed by the route (public data, the platform's records): run once per actor. */
  readonly ownerless?: true;
  /** Owners by label for every actor, where the route's records belong to CCGs only. */
  readonly owners?: Record<OwnerLabel, string>;
  /** The request ends the actor's session (sign-in replaces it, sign-out ends it): sign in again after. */
  readonly endsSession?: true;
  build(ctx: Ctx): Promise<{ url: string; payload?: Record<string, unknown> }>;
}

let server: TestServer;
let activityDir = '';
const passwords = new Map<string, string>();
const sessions = new Map<ActorId, Session>();
let apiToken = '';
let scratchPersonId = 0;
let importRunId = 0;
const pseudonyms = new Map<string, string>();
let counter = 0;

const get = (url: string) => async () => ({ url });
// Authorisation fixtures (made in beforeAll): test-only CCGs, see authorisation-fixtures.ts.
let authorisation: MatrixAuthorisation;
const AUTH_DRAFTS: Record<OwnerLabel, string> = { own: '', linked: '', other: '' };
const AUTH_APPLICANTS: Record<OwnerLabel, string> = { own: '', linked: '', other: '' };
/** Established demo CCGs: 00C and 00D in Q45 (Darlington's area team), 08H in Q61. */
const REAL_CCGS: Record<OwnerLabel, string> = { own: '00C', linked: '00D', other: '08H' };
/** Routes whose writes consume a record: a fresh one is made only where the actor is allowed. */
const ctxRoute = {
  apply: 'POST /api/ccgs/:code/authorisation/application',
  submit: 'POST /api/ccgs/:code/authorisation/application/submit',
  publish: 'POST /api/annual-assessments/:assessmentId/publish',
};
const allowedAt = (route: string, actor: ActorId, label: OwnerLabel) => expected(route, actor, label) === 'A';
/** A date later with every request (n is the matrix's request counter), for steps that must not go back. */
const dayOf = (n: number) => new Date(Date.UTC(2015, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
const CCG_OWNERS: Record<OwnerLabel, string> = { own: '00C', linked: '00C', other: '00D' };
/** A route on a CCG's records: owners 00C/00C/00D for every actor. */
const ccg = (url: (code: string) => string, payload?: (code: string) => Record<string, unknown>): Case => ({
  owners: CCG_OWNERS,
  build: async ({ owner }) => ({ url: url(owner), ...(payload ? { payload: payload(owner) } : {}) }),
});
const ownerless = (url: string, payload?: Record<string, unknown>): Case => ({
  ownerless: true,
  build: async () => ({ url, ...(payload ? { payload } : {}) }),
});

async function tokenAt(orgCode: string): Promise<number> {
  const secret = newSecretToken('cmr_');
  return new ApiTokenRepository(server.database.db).insert({
    tokenHash: hashSecretToken(secret),
    prefix: secret.slice(0, 10),
    name: 'to revoke',
    orgCode,
    permissions: ['read:organisation_internal'],
    createdBy: 'matrix test',
    createdAt: new Date().toISOString(),
    expiresAt: null,
  });
}

const CASES: Record<string, Case> = {
  'GET /api/organisations': { ownerless: true, build: get('/api/organisations?limit=5') },
  'GET /api/organisations/:code': { build: async ({ owner }) => ({ url: `/api/organisations/${owner}` }) },
  'GET /api/organisations/:code/members': ownerless('/api/organisations/00C/members'),
  'GET /api/organisations/:code/population': ownerless('/api/organisations/00C/population'),
  'GET /api/organisations/:code/history': ownerless('/api/organisations/A83005/history'),
  'GET /api/map/ccgs': ownerless('/api/map/ccgs'),
  'GET /api/geo/ccg-boundaries': ownerless('/api/geo/ccg-boundaries'),
  'GET /api/structure/violations': ownerless('/api/structure/violations'),
  'GET /api/structural-events': ownerless('/api/structural-events'),
  'POST /api/structural-events': ownerless('/api/structural-events?dryRun=true', {
    kind: 'move',
    date: '2014-04-01',
    practiceCode: 'A83005',
    fromCcgCode: '00C',
    toCcgCode: '00D',
  }),
  'GET /api/imports': ownerless('/api/imports'),
  'GET /api/imports/:id/rejections': {
    ownerless: true,
    build: async () => ({ url: `/api/imports/${importRunId}/rejections` }),
  },
  'POST /api/auth/sign-in': {
    ownerless: true,
    endsSession: true,
    build: async () => ({
      url: '/api/auth/sign-in',
      payload: { username: 'matrix.scratch', password: 'matrix-scratch-password' },
    }),
  },
  'POST /api/auth/sign-out': { ownerless: true, endsSession: true, build: get('/api/auth/sign-out') },
  'GET /api/auth/session': ownerless('/api/auth/session'),
  'POST /api/auth/password': {
    ownerless: true,
    build: async ({ actor }) => {
      const password = passwords.get(USERNAME[actor] ?? '') ?? 'not-a-person-password';
      return { url: '/api/auth/password', payload: { currentPassword: password, newPassword: password } };
    },
  },
  'GET /api/access/roles': ownerless('/api/access/roles'),
  'GET /api/access/organisations/:code/people': {
    build: async ({ owner }) => ({ url: `/api/access/organisations/${owner}/people` }),
  },
  'GET /api/access/organisations/:code/api-tokens': {
    build: async ({ owner }) => ({ url: `/api/access/organisations/${owner}/api-tokens` }),
  },
  'POST /api/access/organisations/:code/api-tokens': {
    build: async ({ owner, n }) => ({
      url: `/api/access/organisations/${owner}/api-tokens`,
      payload: { name: `matrix ${n}`, permissions: ['read:organisation_internal'] },
    }),
  },
  'POST /api/access/organisations/:code/api-tokens/:id/revoke': {
    build: async ({ owner }) => ({
      url: `/api/access/organisations/${owner}/api-tokens/${await tokenAt(owner)}/revoke`,
    }),
  },
  'GET /api/admin/people': ownerless('/api/admin/people'),
  'POST /api/admin/people': {
    ownerless: true,
    build: async ({ n }) => ({
      url: '/api/admin/people',
      payload: { username: `matrix.person${n}`, displayName: 'Matrix' },
    }),
  },
  'POST /api/admin/people/:id/roles': {
    ownerless: true,
    build: async () => ({
      url: `/api/admin/people/${scratchPersonId}/roles`,
      payload: { role: 'healthwatch_representative', orgCode: 'HW-E06000005', startDate: '2013-04-01' },
    }),
  },
  'POST /api/admin/people/:id/roles/:assignmentId/end': {
    ownerless: true,
    build: async () => {
      const assignment = await server.services.access.accounts.grantRole(
        scratchPersonId,
        { role: 'ccg_finance', orgCode: '00D', startDate: '2013-04-01', endDate: null },
        'matrix test',
      );
      return {
        url: `/api/admin/people/${scratchPersonId}/roles/${assignment}/end`,
        payload: { endDate: '2013-12-31' },
      };
    },
  },
  'POST /api/admin/people/:id/unlock': ownerless(`/api/admin/people/SCRATCH/unlock`),
  'POST /api/admin/people/:id/reset-password': ownerless(`/api/admin/people/SCRATCH/reset-password`),
  'GET /api/patients/responsible-population/:code': {
    build: async ({ owner }) => ({ url: `/api/patients/responsible-population/${owner}` }),
  },
  'POST /api/patients/reidentify': {
    build: async ({ label }) => ({
      url: '/api/patients/reidentify',
      payload: { pseudonym: pseudonyms.get(PATIENT_PRACTICE[label])! },
    }),
  },
  'GET /api/audit': ownerless('/api/audit?limit=5'),
  'GET /api/ccgs/:code/governing-body': ownerless('/api/ccgs/00C/governing-body'),
  'GET /api/ccgs/:code/register-of-interests': ownerless('/api/ccgs/00C/register-of-interests'),
  'GET /api/ccgs/:code/constitution': ownerless('/api/ccgs/00C/constitution?asAt=2014-06-01'),
  'GET /api/ccgs/:code/meetings': ownerless('/api/ccgs/00C/meetings'),
  'GET /api/meetings/:meetingId/minutes': {
    ownerless: true,
    build: async () => ({ url: `/api/meetings/${await publishedMeeting(server, '00C')}/minutes` }),
  },
  'GET /api/ccgs/:code/procurement-decisions': ownerless('/api/ccgs/00C/procurement-decisions'),
  'GET /api/authorisation': ownerless('/api/authorisation?wave=1'),
  'GET /api/ccgs/:code/authorisation': ownerless('/api/ccgs/00C/authorisation'),
  'GET /api/ccgs/:code/authorisation/readiness': ccg((c) => `/api/ccgs/${c}/authorisation/readiness`),
  'GET /api/ccgs/:code/people': ccg((c) => `/api/ccgs/${c}/people`),
  'POST /api/ccgs/:code/people': ccg(
    (c) => `/api/ccgs/${c}/people`,
    () => ({
      name: 'New Lay Member',
      attributes: { knowledgeOfArea: true },
      employments: [],
      convictions: [],
      bankruptcyRestrictions: [],
      dismissals: [],
      capacity: 'gb_member',
      startDate: '2013-09-01',
    }),
  ),
  'POST /api/ccgs/:code/people/:personId/appointments': ccg(
    (c) => `/api/ccgs/${c}/people/${matrixPersonId(c)}/appointments`,
    () => ({
      roles: ['gp_member'],
      startDate: '2013-10-01',
      termEndDate: '2016-09-30',
    }),
  ),
  'POST /api/ccgs/:code/people/:personId/appointments/:appointmentId/end': {
    owners: CCG_OWNERS,
    build: async ({ owner }) => {
      const { appointment } = await server.services.governance.appointPerson(owner, matrixPersonId(owner), {
        roles: ['other'],
        startDate: '2013-10-01',
        termEndDate: null,
      });
      return {
        url: `/api/ccgs/${owner}/people/${matrixPersonId(owner)}/appointments/${appointment.appointmentId}/end`,
        payload: { endDate: '2014-03-31' },
      };
    },
  },
  'GET /api/ccgs/:code/governance/compliance': ccg((c) => `/api/ccgs/${c}/governance/compliance`),
  'GET /api/ccgs/:code/register-of-interests/internal': ccg(
    (c) => `/api/ccgs/${c}/register-of-interests/internal`,
  ),
  'GET /api/ccgs/:code/gifts-hospitality': ccg((c) => `/api/ccgs/${c}/gifts-hospitality`),
  'GET /api/ccgs/:code/breaches': ccg((c) => `/api/ccgs/${c}/breaches`),
  'GET /api/ccgs/:code/constitution/versions': ccg((c) => `/api/ccgs/${c}/constitution/versions`),
  'GET /api/ccgs/:code/meetings/internal': ccg((c) => `/api/ccgs/${c}/meetings/internal`),
  'GET /api/meetings/:meetingId': {
    owners: CCG_OWNERS,
    build: async ({ owner }) => ({ url: `/api/meetings/${await draftMeeting(server, owner)}` }),
  },
  'GET /api/meetings/:meetingId/conflict-plan': {
    owners: CCG_OWNERS,
    build: async ({ owner }) => ({ url: `/api/meetings/${await draftMeeting(server, owner)}/conflict-plan` }),
  },
  'POST /api/ccgs/:code/declarations': ccg(
    (c) => `/api/ccgs/${c}/declarations`,
    (c) => ({
      personId: matrixPersonId(c),
      capacity: 'gb_member',
      interestType: 'financial',
      description: 'Partner in a member practice',
      entity: { kind: 'organisation', code: 'A83005' },
      aroseOn: '2013-04-01',
      startDate: '2013-04-01',
      endDate: null,
    }),
  ),
  'POST /api/ccgs/:code/nil-returns': ccg(
    (c) => `/api/ccgs/${c}/nil-returns`,
    (c) => ({ personId: matrixPersonId(c), capacity: 'gb_member' }),
  ),
  'POST /api/ccgs/:code/gifts-hospitality': ccg(
    (c) => `/api/ccgs/${c}/gifts-hospitality`,
    (c) => ({
      personId: matrixPersonId(c),
      kind: 'hospitality',
      description: 'Working lunch',
      offeredOn: '2013-05-01',
      valuePence: 1500,
      donor: { name: 'A supplier', entity: null, isSupplierOrContractor: true },
      cashOrVoucher: false,
      accepted: true,
      declaredOn: '2013-05-02',
      seniorApprovalBy: null,
    }),
  ),
  'POST /api/ccgs/:code/breaches': ccg(
    (c) => `/api/ccgs/${c}/breaches`,
    (c) => ({
      reportedOn: '2013-06-01',
      personId: matrixPersonId(c),
      description: 'Interest declared late',
      actionTaken: 'Reminder sent',
    }),
  ),
  'POST /api/ccgs/:code/constitution/variations': {
    owners: CCG_OWNERS,
    build: async ({ owner }) => {
      await noPendingVariation(server, owner);
      return {
        url: `/api/ccgs/${owner}/constitution/variations`,
        payload: await completeConstitution(server, owner, '2014-04-01'),
      };
    },
  },
  'POST /api/ccgs/:code/meetings': ccg(
    (c) => `/api/ccgs/${c}/meetings`,
    (c) => ({
      body: 'governing_body',
      date: '2013-07-01',
      part: 'public',
      chairPersonId: matrixPersonId(c),
      deputyChairPersonId: null,
      quorum: { minimumMembers: 1, requiredRoles: [], fallback: 'defer' },
      agendaItems: [
        { itemId: 'I1', title: 'Item', privateReason: null, decision: false, concernedEntities: [] },
      ],
      attendees: [{ personId: matrixPersonId(c), voting: true, categories: ['gp'] }],
    }),
  ),
  'POST /api/meetings/:meetingId/outcome': {
    owners: CCG_OWNERS,
    build: async ({ owner }) => ({
      url: `/api/meetings/${await draftMeeting(server, owner)}/outcome`,
      payload: meetingOutcome(owner),
    }),
  },
  'POST /api/meetings/:meetingId/publish': {
    owners: CCG_OWNERS,
    build: async ({ owner }) => ({ url: `/api/meetings/${await heldMeeting(server, owner)}/publish` }),
  },
  'POST /api/ccgs/:code/constitution/variations/:version/decision': {
    ownerless: true,
    build: async () => ({
      url: `/api/ccgs/00C/constitution/variations/${await pendingVariation(server, '00C')}/decision`,
      payload: { approve: true, note: 'Approved by the Board' },
    }),
  },
  'GET /api/governance/compliance': ownerless('/api/governance/compliance'),
  'GET /api/authorisation/definitions': ownerless('/api/authorisation/definitions'),
  'GET /api/ccgs/:code/authorisation/history': ccg((c) => `/api/ccgs/${c}/authorisation/history`),
  'GET /api/ccgs/:code/authorisation/application': ccg((c) => `/api/ccgs/${c}/authorisation/application`),
  'GET /api/ccgs/:code/annual-assessments': ownerless('/api/ccgs/00C/annual-assessments'),
  'GET /api/ccgs/:code/annual-assessments/internal': ccg((c) => `/api/ccgs/${c}/annual-assessments/internal`),
  'GET /api/annual-assessments/:assessmentId': ccg((c) => `/api/annual-assessments/AA-${c}-2013-14`),
  'GET /api/activity/loads': ownerless('/api/activity/loads'),
  'GET /api/activity/loads/:loadId/quarantine': ownerless(
    `/api/activity/loads/${QUARANTINE_LOAD_ID}/quarantine`,
  ),
  'GET /api/ccgs/:code/activity': ccg((c) => `/api/ccgs/${c}/activity`),
  'GET /api/ccgs/:code/activity/providers/:provider': ccg((c) => `/api/ccgs/${c}/activity/providers/RVW`),
  'GET /api/ccgs/:code/contracts/:provider/statement': ccg((c) => `/api/ccgs/${c}/contracts/RVW/statement`),
  'GET /api/ccgs/:code/responsible-population': ccg((c) => `/api/ccgs/${c}/responsible-population`),
  'GET /api/ccgs/:code/intervention-triggers': ccg(
    (c) => `/api/ccgs/${c}/intervention-triggers?asAt=2013-09-30`,
  ),
  'GET /api/ccgs/:code/interventions': ownerless('/api/ccgs/00C/interventions'),
  'POST /api/ccgs/:code/authorisation/application': {
    owners: AUTH_DRAFTS,
    build: async ({ actor, label, owner }) => ({
      url: `/api/ccgs/${allowedAt(ctxRoute.apply, actor, label) ? await freshPathfinder(server, actor, true) : owner}/authorisation/application`,
      payload: { wave: 4 },
    }),
  },
  'POST /api/ccgs/:code/authorisation/application/self-certifications': {
    owners: AUTH_DRAFTS,
    build: async ({ owner }) => ({
      url: `/api/ccgs/${owner}/authorisation/application/self-certifications`,
      payload: { criterionId: '1.1A', status: 'met', statement: 'Matrix test statement' },
    }),
  },
  'POST /api/ccgs/:code/authorisation/application/documents': {
    owners: AUTH_DRAFTS,
    build: async ({ owner }) => ({
      url: `/api/ccgs/${owner}/authorisation/application/documents`,
      payload: {
        title: 'Constitution',
        documentType: 'constitution',
        documentDate: '2012-06-01',
        author: 'Matrix',
        criterionIds: ['4.1A'],
        reference: 'https://example.invalid/constitution.pdf',
      },
    }),
  },
  'POST /api/ccgs/:code/authorisation/application/submit': {
    owners: AUTH_DRAFTS,
    build: async ({ actor, label, owner }) => ({
      url: `/api/ccgs/${allowedAt(ctxRoute.submit, actor, label) ? await freshDraft(server, actor, true) : owner}/authorisation/application/submit`,
      payload: { submittedOn: '2012-11-01' },
    }),
  },
  'GET /api/ccgs/:code/authorisation/assessment': {
    owners: REAL_CCGS,
    build: async ({ owner }) => ({ url: `/api/ccgs/${owner}/authorisation/assessment` }),
  },
  'POST /api/ccgs/:code/authorisation/assessment/scores': {
    owners: AUTH_APPLICANTS,
    build: async ({ owner }) => ({
      url: `/api/ccgs/${owner}/authorisation/assessment/scores`,
      payload: { criterionId: '2.2B', score: 'met', rationale: 'Matrix test score' },
    }),
  },
  'POST /api/ccgs/:code/authorisation/assessment/survey-responses': {
    owners: AUTH_APPLICANTS,
    build: async ({ owner }) => ({
      url: `/api/ccgs/${owner}/authorisation/assessment/survey-responses`,
      payload: {
        respondentType: 'provider',
        respondentName: 'A trust',
        answers: { Q1: 4 },
        receivedOn: '2012-11-20',
      },
    }),
  },
  'POST /api/ccgs/:code/authorisation/assessment/site-visits': {
    owners: AUTH_APPLICANTS,
    build: async ({ owner }) => ({
      url: `/api/ccgs/${owner}/authorisation/assessment/site-visits`,
      payload: { visitedOn: '2012-12-01', panel: ['Matrix assessor'], notes: 'Matrix test visit' },
    }),
  },
  'POST /api/ccgs/:code/annual-assessments': {
    owners: REAL_CCGS,
    build: async ({ owner, n }) => ({
      url: `/api/ccgs/${owner}/annual-assessments`,
      payload: { financialYear: matrixYear(n), openedOn: '2014-04-07' },
    }),
  },
  'POST /api/annual-assessments/:assessmentId/publish': {
    owners: REAL_CCGS,
    build: async ({ actor, label, owner, n }) => ({
      url: `/api/annual-assessments/${allowedAt(ctxRoute.publish, actor, label) ? await answeredAssessment(server, owner, n) : `AA-${owner}-2013-14`}/publish`,
      payload: { publishedOn: '2014-05-01', rating: 'assured', summary: 'Matrix test summary' },
    }),
  },
  'POST /api/ccgs/:code/intervention-evidence': {
    owners: REAL_CCGS,
    build: async ({ owner }) => ({
      url: `/api/ccgs/${owner}/intervention-evidence`,
      payload: {
        source: 'outcomes',
        asAt: '2013-12-31',
        indicatorsAssessed: 10,
        failures: [],
        note: 'Matrix test',
      },
    }),
  },
  'POST /api/annual-assessments/:assessmentId/hwbs/:hwbCode/response': {
    owners: { own: 'E06000005', linked: 'E06000005', other: 'E06000047' },
    build: async ({ owner }) => ({
      url: `/api/annual-assessments/AA-00C-2013-14/hwbs/${owner}/response`,
      payload: { view: 'contributes', comments: 'Matrix test view', respondedOn: '2014-04-20' },
    }),
  },
  'POST /api/ccgs/:code/authorisation/assessment/moderation': {
    ownerless: true,
    build: async ({ actor }) => ({
      url: `/api/ccgs/${actor === 'brd' ? await freshApplicant(server, true) : AUTH_APPLICANTS.own}/authorisation/assessment/moderation`,
      payload: { criterionId: '1.1A', outcome: 'met', rationale: 'Matrix test moderation' },
    }),
  },
  'POST /api/ccgs/:code/authorisation/decision': {
    ownerless: true,
    build: async ({ actor }) => ({
      url: `/api/ccgs/${actor === 'brd' ? await freshApplicant(server, false) : AUTH_APPLICANTS.own}/authorisation/decision`,
      payload: { decidedOn: '2013-03-18', outcome: 'authorise', reason: 'Matrix test decision' },
    }),
  },
  'POST /api/ccgs/:code/authorisation/events': {
    ownerless: true,
    build: async ({ actor }) => ({
      url: `/api/ccgs/${actor === 'brd' ? await freshEmerging(server) : '00C'}/authorisation/events`,
      payload: {
        kind: 'pathfinder_approval',
        date: '2011-10-01',
        evidence: {
          gpLeadership: true,
          localAuthorityEngagement: true,
          qippContribution: true,
          note: 'Matrix',
        },
        reason: 'Matrix test pathfinder',
      },
    }),
  },
  'POST /api/ccgs/:code/interventions': ownerless('/api/ccgs/00C/interventions', {
    ground: 'significant_risk',
    grounds: 'Matrix test grounds',
    openedOn: '2014-01-15',
  }),
  'GET /api/interventions/:interventionId': {
    ownerless: true,
    build: async () => ({ url: `/api/interventions/${authorisation.interventionId}` }),
  },
  'POST /api/interventions/:interventionId/consultations': {
    ownerless: true,
    build: async ({ n }) => ({
      url: `/api/interventions/${authorisation.interventionId}/consultations`,
      payload: {
        consulteeCode: '00D',
        basis: 's14Z21(10)',
        consultedOn: dayOf(n),
        response: 'Matrix test response',
      },
    }),
  },
  'POST /api/interventions/:interventionId/directions': {
    ownerless: true,
    build: async ({ n }) => ({
      url: `/api/interventions/${authorisation.interventionId}/directions`,
      payload: {
        power: 'discharge_functions',
        functions: ['Financial recovery'],
        exercisedBy: { kind: 'ccg_itself' },
        givenOn: dayOf(n),
        detail: 'Matrix test direction',
      },
    }),
  },
  'POST /api/interventions/:interventionId/variations': {
    ownerless: true,
    build: async ({ n }) => ({
      url: `/api/interventions/${authorisation.interventionId}/variations`,
      payload: {
        directionId: authorisation.directionId,
        functions: ['Financial recovery plan'],
        variedOn: dayOf(n),
        note: 'Matrix',
      },
    }),
  },
  'POST /api/interventions/:interventionId/reviews': {
    ownerless: true,
    build: async ({ n }) => ({
      url: `/api/interventions/${authorisation.interventionId}/reviews`,
      payload: { reviewedOn: dayOf(n), outcome: 'continue', note: 'Matrix test review' },
    }),
  },
  'POST /api/interventions/:interventionId/lift': {
    ownerless: true,
    build: async ({ actor, n }) => ({
      url: `/api/interventions/${actor === 'brd' ? await freshIntervention(server) : authorisation.interventionId}/lift`,
      payload: { liftedOn: dayOf(n) },
    }),
  },
};

function headersFor(actor: ActorId, method: string): Record<string, string> {
  if (actor === 'ano') return {};
  if (actor === 'tok') return { authorization: `Bearer ${apiToken}` };
  return sessionHeaders(sessions.get(actor)!, method);
}

async function signInAs(actor: ActorId): Promise<void> {
  const username = USERNAME[actor];
  if (username) sessions.set(actor, await signIn(server.app, username, passwords.get(username)!));
}

beforeAll(async () => {
  // Activity results and loads for the activity routes: the activity tests' fixture, plus a contract of
  // 00D (the "other" CCG) so every allowed request has a statement to read.
  activityDir = mkdtempSync(path.join(os.tmpdir(), 'matrix-activity-'));
  await writeResultsFixture(activityDir);
  await writeLoadsFixture(activityDir);
  await addContractFixture(activityDir, '00D', 'RVW');
  server = await startTestServer({
    env: { COMMISSIONER_SIGN_IN_RATE_LIMIT: '10000', COMMISSIONER_ACTIVITY_DIR: activityDir },
  });
  const { accounts, patients, auth, tokens } = server.services.access;
  const seeded = await seedDemoAccounts(accounts);
  expect(seeded.created.map((c) => c.identity.username)).toEqual(DEMO_IDENTITIES.map((d) => d.username));
  for (const c of seeded.created) passwords.set(c.identity.username, c.password);
  await patients.seedSynthetic();
  const rows = await server.database.db
    .selectFrom('patient_identity')
    .select(['pseudonym', 'practice_code'])
    .execute();
  for (const r of rows) if (!pseudonyms.has(r.practice_code)) pseudonyms.set(r.practice_code, r.pseudonym);

  scratchPersonId = (
    await accounts.create({
      username: 'matrix.scratch',
      displayName: 'Scratch',
      password: 'matrix-scratch-password',
    })
  ).personId;
  importRunId = (await server.database.db.selectFrom('import_run').select('id').executeTakeFirstOrThrow()).id;

  const commissioner = await accounts.byUsername('demo.ccg.commissioning');
  const issued = await tokens.issue(
    await auth.personActor(commissioner.id, commissioner.username),
    'matrix test',
    {
      orgCode: '00C',
      name: 'matrix client',
      permissions: ['read:organisation_internal', 'write:organisation_internal'],
      expiresAt: null,
    },
  );
  apiToken = issued.token;
  for (const actor of ACTORS) await signInAs(actor);
  await seedMatrixGovernance(server, ['00C', '00D']);
  authorisation = await seedMatrixAuthorisation(server);
  Object.assign(AUTH_DRAFTS, authorisation.drafts);
  Object.assign(AUTH_APPLICANTS, authorisation.applicants);
  // An approved constitution, so the public constitution route has one to show.
  const v = await pendingVariation(server, '00C');
  await server.services.governance.decideVariation(
    '00C',
    v,
    { approve: true, note: 'first version' },
    'matrix',
  );
}, 180_000);

afterAll(async () => {
  await server?.close();
  if (activityDir) rmSync(activityDir, { recursive: true, force: true });
});

describe('permission matrix', () => {
  it('has exactly one expectation row, and a request, for every /api route, and every route declares a policy', () => {
    const routes = server.app.accessCatalogue.map((r) => `${r.method} ${r.url}`).sort();
    expect(routes).toEqual(Object.keys(EXPECT).sort());
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(EXPECT).sort());
    for (const r of server.app.accessCatalogue) {
      expect(['read', 'write'], `${r.method} ${r.url}`).toContain(r.access.action);
    }
  });

  it('covers the cases issue #3 names', () => {
    expect(expected('GET /api/access/organisations/:code/people', 'gov', 'other')).toBe('D'); // another CCG's internal records
    expect(expected('POST /api/patients/reidentify', 'com', 'own')).toBe('D'); // re-identify as a CCG
    expect(expected('POST /api/patients/reidentify', 'pra', 'other')).toBe('D'); // a patient of another practice
    expect(expected('POST /api/patients/reidentify', 'pra', 'own')).toBe('A');
  });

  it.each(Object.keys(EXPECT))('%s', async (route) => {
    const spec = CASES[route]!;
    const method = route.split(' ')[0]!;
    const mismatches: string[] = [];
    for (const actor of ACTORS) {
      const groups = EXPECT[route]!.split(' ')[ACTORS.indexOf(actor)]!;
      if (spec.ownerless) {
        expect(
          new Set(groups).size,
          `${route}: a route with a fixed owner answers the same for every owner`,
        ).toBe(1);
      }
      for (const label of spec.ownerless ? (['own'] as const) : OWNER_LABELS) {
        const n = ++counter;
        const owner = (spec.owners ?? OWNERS[actor])[label];
        let { url, payload } = await spec.build({ server, actor, owner, label, n });
        url = url.replace('SCRATCH', String(scratchPersonId));
        const requestId = `matrix-${String(n).padStart(6, '0')}`;
        const res = await server.app.inject({
          method: method as 'GET' | 'POST',
          url,
          headers: { ...headersFor(actor, method), 'x-request-id': requestId },
          ...(payload ? { payload } : {}),
        });
        if (spec.endsSession) await signInAs(actor);

        const want = expected(route, actor, label);
        const ok =
          want === 'A'
            ? res.statusCode >= 200 && res.statusCode < 300
            : actor === 'ano'
              ? res.statusCode === 401
              : res.statusCode === 403 || res.statusCode === 401;
        const audit = await sql<{ outcome: string }>`
          select outcome from audit_event where request_id = ${requestId}`.execute(server.database.db);
        const audited = route.startsWith('POST') || !ALL_PUBLIC_READS.has(route) || want === 'D';
        const auditOk = audited
          ? audit.rows.length === 1 && audit.rows[0]!.outcome === (want === 'A' ? 'allowed' : 'denied')
          : audit.rows.length === 0;
        if (!ok || !auditOk) {
          mismatches.push(
            `${actor} on ${label} (${owner}): expected ${want}, got ${res.statusCode} ${res.body.slice(0, 160)}; audit ${JSON.stringify(audit.rows)}`,
          );
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

/** Public reads: never audited when allowed. */
const ALL_PUBLIC_READS = new Set(
  Object.entries(EXPECT)
    .filter(([route, row]) => route.startsWith('GET') && row === ALL)
    .map(([route]) => route),
);
