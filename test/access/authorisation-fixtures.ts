import type { Services } from '../../src/platform/http/server.ts';
import {
  applicantCcg,
  assessedCcg,
  BOARD,
  CCG_STAFF,
  createFixtureCcg,
  draftCcg,
  pathfinderCcg,
} from '../authorisation/fixtures.ts';
import type { TestServer } from '../support/server.ts';

/**
 * Authorisation records for the permission matrix. Every real CCG holds its stored 2012–13 record, so
 * routes that prepare, assess or decide an application run against TEST-ONLY fixture CCGs (see
 * test/authorisation/fixtures.ts): Darlington's three demo CCG people also hold their roles at the
 * fixtures labelled "own" and "linked" (both in Q45, Darlington's area team); "other" is a fixture in
 * Q61 (North East London) nobody in the matrix holds a role at. A write that consumes a record (a
 * submission, a decision, a lifting) gets a fresh one, made only for the actor allowed to consume it.
 */

/** The CCG demo people and the roles they hold at Darlington (00C), granted at fixtures too. */
export const CCG_PEOPLE: Readonly<Record<string, { username: string; role: string }>> = {
  gov: { username: 'demo.ccg.governing', role: 'ccg_governing_body_member' },
  com: { username: 'demo.ccg.commissioning', role: 'ccg_commissioning_manager' },
  fin: { username: 'demo.ccg.finance', role: 'ccg_finance' },
};

export interface MatrixAuthorisation {
  /** Drafts: own and linked (roles granted, Q45), other (Q61). */
  readonly drafts: Record<'own' | 'linked' | 'other', string>;
  /** Submitted applications being assessed: own and linked in Q45, other in Q61. */
  readonly applicants: Record<'own' | 'linked' | 'other', string>;
  /** An intervention on 00C with a direction in force, for the Board's repeatable steps. */
  readonly interventionId: string;
  readonly directionId: string;
}

async function grantCcgRoles(server: TestServer, ccg: string, actors: readonly string[]): Promise<void> {
  const { accounts } = server.services.access;
  for (const actor of actors) {
    const person = CCG_PEOPLE[actor];
    if (!person) continue;
    const { id } = await accounts.byUsername(person.username);
    await accounts.grantRole(
      id,
      { role: person.role, orgCode: ccg, startDate: '2013-04-01', endDate: null },
      'matrix test',
    );
  }
}

/** The static fixtures; call once the demo accounts exist. */
export async function seedMatrixAuthorisation(server: TestServer): Promise<MatrixAuthorisation> {
  const { services } = server;
  const db = server.database.db;
  const all = Object.keys(CCG_PEOPLE);
  const drafts = {
    own: await draftCcg(services, db, { certify: 0 }),
    linked: await draftCcg(services, db, { certify: 0 }),
    other: await draftCcg(services, db, { areaTeam: 'Q61', certify: 0 }),
  };
  await grantCcgRoles(server, drafts.own, all);
  await grantCcgRoles(server, drafts.linked, all);
  const applicants = {
    own: await applicantCcg(services, db),
    linked: await applicantCcg(services, db),
    other: await applicantCcg(services, db, { areaTeam: 'Q61' }),
  };
  // Annual assessments of 00C and 00D, consulting their HWBs (E06000005, E06000047).
  for (const ccg of ['00C', '00D']) {
    await services.authorisation.assurance.openAnnualAssessment(
      ccg,
      { financialYear: '2013-14', openedOn: '2014-04-07' },
      BOARD,
    );
  }
  const intervention = await openWithDirection(services, '00C');
  return {
    drafts,
    applicants,
    interventionId: intervention.interventionId,
    directionId: intervention.directions[0]!.directionId,
  };
}

async function openWithDirection(services: Services, ccg: string) {
  const a = services.authorisation.assurance;
  const opened = await a.open(
    ccg,
    { ground: 'significant_risk', grounds: 'Matrix test grounds', openedOn: '2014-01-15' },
    BOARD,
  );
  return a.direct(opened.interventionId, {
    power: 'discharge_functions',
    functions: ['Financial recovery'],
    exercisedBy: { kind: 'ccg_itself' },
    givenOn: '2014-02-01',
    until: null,
    detail: 'Matrix test direction',
    dissolutionReport: null,
  });
}

/** A fresh pathfinder the actor (if a CCG person) holds a role at: for starting an application. */
export async function freshPathfinder(server: TestServer, actor: string, grant: boolean): Promise<string> {
  const code = await pathfinderCcg(server.services, server.database.db);
  if (grant) await grantCcgRoles(server, code, [actor]);
  return code;
}

/** A fresh, fully self-certified draft the actor holds a role at: for submitting. */
export async function freshDraft(server: TestServer, actor: string, grant: boolean): Promise<string> {
  const code = await draftCcg(server.services, server.database.db);
  if (grant) await grantCcgRoles(server, code, [actor]);
  return code;
}

/** A fresh submitted application, assessed in full when `assessed` (for moderation). */
export async function freshApplicant(server: TestServer, assessed: boolean): Promise<string> {
  return assessed
    ? assessedCcg(server.services, server.database.db)
    : applicantCcg(server.services, server.database.db);
}

/** A fresh CCG still emerging: for the Board's pathfinder approval. */
export async function freshEmerging(server: TestServer): Promise<string> {
  return createFixtureCcg(server.database.db);
}

/** A financial year no other matrix request uses for `ccg` (the matrix's request counter is unique). */
export const matrixYear = (n: number) => {
  const y = 2014 + (n % 5000);
  return `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
};

/** A fresh annual assessment of `ccg` the HWB has answered, ready to publish. */
export async function answeredAssessment(server: TestServer, ccg: string, n: number): Promise<string> {
  const a = server.services.authorisation.assurance;
  const opened = await a.openAnnualAssessment(
    ccg,
    { financialYear: matrixYear(n), openedOn: '2014-04-07' },
    BOARD,
  );
  for (const hwb of opened.hwbCodes) {
    await a.respond(
      opened.assessmentId,
      hwb,
      { view: 'contributes', comments: 'Matrix test view', respondedOn: '2014-04-20', meeting: null },
      CCG_STAFF,
    );
  }
  return opened.assessmentId;
}

/** A fresh intervention with a direction in force on 00C: for lifting. */
export async function freshIntervention(server: TestServer): Promise<string> {
  return (await openWithDirection(server.services, '00C')).interventionId;
}
