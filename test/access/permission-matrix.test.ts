import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiTokenRepository } from '../../src/platform/auth/api-token-repository.ts';
import { DEMO_IDENTITIES, seedDemoAccounts } from '../../src/platform/auth/demo-accounts.ts';
import { hashSecretToken, newSecretToken } from '../../src/platform/auth/secret-token.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
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
const CCG_INTERNAL_WRITE = 'AAD AAD AAD DDD DDD DDD DDD DDD DDD DDD DDD DDD AAD';
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
const passwords = new Map<string, string>();
const sessions = new Map<ActorId, Session>();
let apiToken = '';
let scratchPersonId = 0;
let importRunId = 0;
const pseudonyms = new Map<string, string>();
let counter = 0;

const get = (url: string) => async () => ({ url });
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
  server = await startTestServer({ env: { COMMISSIONER_SIGN_IN_RATE_LIMIT: '10000' } });
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
  // An approved constitution, so the public constitution route has one to show.
  const v = await pendingVariation(server, '00C');
  await server.services.governance.decideVariation(
    '00C',
    v,
    { approve: true, note: 'first version' },
    'matrix',
  );
}, 180_000);

afterAll(async () => server?.close());

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
