import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/platform/audit/record-audit.ts';
import { seedDemoAccounts } from '../../src/platform/auth/demo-accounts.ts';
import { APP_ROLE } from '../../src/platform/db/app-role.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { type Session, sessionHeaders, signIn } from './sessions.ts';

let server: TestServer;
let db: Database;
const sessions: Record<string, Session> = {};
let practicePatient = '';
let practicePatientNhsNumber = '';

async function auditOf(requestId: string) {
  return db.selectFrom('audit_event').selectAll().where('request_id', '=', requestId).execute();
}

/**
 * Runs `statement` as the database owner rather than the app's role: on PGlite by resetting the role
 * of the one session for the statement, on PostgreSQL on a connection of its own.
 */
async function asOwner(statement: string): Promise<void> {
  if (server.database.backend === 'pglite') {
    await sql`reset role`.execute(db);
    try {
      await sql.raw(statement).execute(db);
    } finally {
      await sql.raw(`set role ${APP_ROLE}`).execute(db);
    }
    return;
  }
  const client = new pg.Client({ connectionString: server.database.settings.databaseUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  server = await startTestServer({ env: { COMMISSIONER_SIGN_IN_RATE_LIMIT: '1000' } });
  db = server.database.db;
  const seeded = await seedDemoAccounts(server.services.access.accounts);
  for (const c of seeded.created) {
    sessions[c.identity.username] = await signIn(server.app, c.identity.username, c.password);
  }
  await server.services.access.patients.seedSynthetic();
  const patient = await db
    .selectFrom('patient_identity')
    .select(['pseudonym', 'nhs_number'])
    .where('practice_code', '=', 'A83005')
    .orderBy('nhs_number')
    .executeTakeFirstOrThrow();
  practicePatient = patient.pseudonym;
  practicePatientNhsNumber = patient.nhs_number;
}, 120_000);

afterAll(async () => server?.close());

describe('the audit log', () => {
  it('records a denied attempt: who, as what, what, whose record, from where, the outcome and the request id', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/access/organisations/00D/people',
      headers: { ...sessionHeaders(sessions['demo.ccg.governing']!), 'x-request-id': 'audit-denied-1' },
    });
    expect(res.statusCode).toBe(403);
    const [row, ...more] = await auditOf('audit-denied-1');
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      actor_type: 'person',
      actor_name: 'demo.ccg.governing',
      acting_role: null,
      action: 'read',
      route: 'GET /api/access/organisations/:code/people',
      record: '/api/access/organisations/00D/people',
      classification: 'organisation_internal',
      owner_org: '00D',
      outcome: 'denied',
      status: 403,
      ip: '127.0.0.1',
    });
    expect(row!.reason).toContain('no role held');
    expect(Date.parse(row!.occurred_at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('records denied attempts by the anonymous public too', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/audit',
      headers: { 'x-request-id': 'audit-anon-1' },
    });
    expect(res.statusCode).toBe(401);
    expect(await auditOf('audit-anon-1')).toMatchObject([
      { actor_type: 'anonymous', outcome: 'denied', status: 401 },
    ]);
  });

  it('records an allowed read of internal data with the role and organisation it went through', async () => {
    await server.app.inject({
      method: 'GET',
      url: '/api/access/organisations/00C/people',
      headers: { ...sessionHeaders(sessions['demo.areateam']!), 'x-request-id': 'audit-allowed-1' },
    });
    expect(await auditOf('audit-allowed-1')).toMatchObject([
      {
        actor_name: 'demo.areateam',
        acting_role: 'area_team_assurance',
        acting_org: 'Q45',
        owner_org: '00C',
        outcome: 'allowed',
      },
    ]);
  });

  it('records every write, e.g. issuing an API token', async () => {
    const s = sessions['demo.provider']!;
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/access/organisations/RTR/api-tokens',
      headers: { ...sessionHeaders(s, 'POST'), 'x-request-id': 'audit-write-1' },
      payload: { name: 'data submissions', permissions: ['write:commercial_in_confidence'] },
    });
    expect(res.statusCode).toBe(201);
    const [row] = await auditOf('audit-write-1');
    expect(row).toMatchObject({
      action: 'token_issue',
      acting_role: 'provider_contract_manager',
      acting_org: 'RTR',
      outcome: 'allowed',
    });
    expect(row!.detail).toMatchObject({ tokenId: res.json().id });
    expect(JSON.stringify(row)).not.toContain(res.json().token);
  });

  it('records every re-identification, naming the pseudonym but never the identity', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/patients/reidentify',
      headers: { ...sessionHeaders(sessions['demo.practice']!, 'POST'), 'x-request-id': 'audit-reid-1' },
      payload: { pseudonym: practicePatient },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nhsNumber: practicePatientNhsNumber, synthetic: true });
    expect(res.json().notice).toMatch(/^SYNTHETIC/);
    const rows = await auditOf('audit-reid-1');
    expect(rows).toMatchObject([
      {
        action: 're_identify',
        record: `patient:${practicePatient}`,
        acting_role: 'practice_staff',
        acting_org: 'A83005',
        owner_org: 'A83005',
        classification: 'identifiable_patient',
        outcome: 'allowed',
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain(practicePatientNhsNumber);
  });

  it('records a refused re-identification by a CCG', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/patients/reidentify',
      headers: {
        ...sessionHeaders(sessions['demo.ccg.commissioning']!, 'POST'),
        'x-request-id': 'audit-reid-2',
      },
      payload: { pseudonym: practicePatient },
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain(practicePatientNhsNumber);
    expect(await auditOf('audit-reid-2')).toMatchObject([
      { action: 're_identify', actor_name: 'demo.ccg.commissioning', outcome: 'denied', owner_org: 'A83005' },
    ]);
  });

  it('answers no re-identification it cannot audit (fails closed)', async () => {
    await asOwner(`create function refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit store unavailable'; end $$`);
    await asOwner(
      'create trigger refuse_audit before insert on audit_event for each row execute function refuse_audit()',
    );
    try {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/patients/reidentify',
        headers: sessionHeaders(sessions['demo.practice']!, 'POST'),
        payload: { pseudonym: practicePatient },
      });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(practicePatientNhsNumber);
      expect(res.body).not.toContain('SYNTHETIC');
      expect(res.body).not.toContain('audit store unavailable');
    } finally {
      await asOwner('drop trigger refuse_audit on audit_event');
      await asOwner('drop function refuse_audit()');
    }
  });

  it('serves the log to administrators only, filtered', async () => {
    const admin = await server.app.inject({
      method: 'GET',
      url: '/api/audit?actor=demo.ccg.governing&outcome=denied&org=00D',
      headers: sessionHeaders(sessions['demo.admin']!),
    });
    expect(admin.statusCode).toBe(200);
    const body = admin.json();
    expect(body.total).toBeGreaterThanOrEqual(1);
    expect(
      body.items.every(
        (e: { actorName: string; outcome: string }) =>
          e.actorName === 'demo.ccg.governing' && e.outcome === 'denied',
      ),
    ).toBe(true);
    const board = await server.app.inject({
      method: 'GET',
      url: '/api/audit',
      headers: sessionHeaders(sessions['demo.board']!),
    });
    expect(board.statusCode).toBe(403);
  });
});

describe("the app's database role cannot change the audit log", () => {
  let id = 0;
  beforeAll(async () => {
    id = await recordAudit(db, {
      actorType: 'system',
      actorName: 'test',
      action: 'test',
      outcome: 'allowed',
    });
  });

  it('runs as the application role, not the owner', async () => {
    const who = await sql<{ current_user: string }>`select current_user`.execute(db);
    expect(who.rows[0]!.current_user).toBe(APP_ROLE);
  });

  it.each([
    ['update', `update audit_event set outcome = 'denied' where id = $ID`],
    ['delete', 'delete from audit_event where id = $ID'],
    ['truncate', 'truncate audit_event'],
  ])('refuses %s through the app connection', async (_, statement) => {
    await expect(sql.raw(statement.replace('$ID', String(id))).execute(db)).rejects.toThrow(
      /permission denied/,
    );
    expect(
      await db.selectFrom('audit_event').select('outcome').where('id', '=', id).executeTakeFirst(),
    ).toEqual({
      outcome: 'allowed',
    });
  });

  it.each([
    ['update', `update audit_event set outcome = 'denied' where id = $ID`],
    ['delete', 'delete from audit_event where id = $ID'],
    ['truncate', 'truncate audit_event'],
  ])('refuses %s even to the owner, by trigger', async (_, statement) => {
    await expect(asOwner(statement.replace('$ID', String(id)))).rejects.toThrow(/append-only/);
    expect(
      await db.selectFrom('audit_event').select('outcome').where('id', '=', id).executeTakeFirst(),
    ).toEqual({
      outcome: 'allowed',
    });
  });

  it('cannot give itself back the privilege (a non-owner GRANT grants nothing)', async () => {
    await sql.raw(`grant update, delete on audit_event to ${APP_ROLE}`).execute(db);
    await expect(sql`update audit_event set action = 'x' where id = ${id}`.execute(db)).rejects.toThrow(
      /permission denied/,
    );
  });
});
