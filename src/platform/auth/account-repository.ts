import type { Database } from '../db/database.ts';
import type { LockoutState } from './sign-in-rules.ts';

export interface PersonRow {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string | null;
  /** The password is a generated one-time password the person must replace. */
  readonly passwordMustChange: boolean;
  readonly isDemo: boolean;
  readonly createdAt: string;
  readonly disabledAt: string | null;
  readonly failedSignIns: number;
  readonly lockedUntil: string | null;
  readonly lastSignInAt: string | null;
}

export interface RoleAssignmentRow {
  readonly assignmentId: number;
  readonly personId: number;
  readonly role: string;
  readonly orgCode: string | null;
  readonly orgType: string | null;
  readonly orgName: string | null;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly grantedBy: string;
}

const PERSON_COLUMNS = [
  'id',
  'username',
  'display_name',
  'password_hash',
  'password_must_change',
  'is_demo',
  'created_at',
  'disabled_at',
  'failed_sign_ins',
  'locked_until',
  'last_sign_in_at',
] as const;

type PersonSelect = {
  id: number;
  username: string;
  display_name: string;
  password_hash: string | null;
  password_must_change: boolean;
  is_demo: boolean;
  created_at: string;
  disabled_at: string | null;
  failed_sign_ins: number;
  locked_until: string | null;
  last_sign_in_at: string | null;
};

function toPerson(r: PersonSelect): PersonRow {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    passwordMustChange: r.password_must_change,
    isDemo: r.is_demo,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
    failedSignIns: r.failed_sign_ins,
    lockedUntil: r.locked_until,
    lastSignInAt: r.last_sign_in_at,
  };
}

/** The only SQL for people and their role assignments. */
export class AccountRepository {
  constructor(private readonly db: Database) {}

  async findByUsername(username: string): Promise<PersonRow | undefined> {
    const r = await this.db
      .selectFrom('person')
      .select(PERSON_COLUMNS)
      .where('username', '=', username.toLowerCase())
      .executeTakeFirst();
    return r && toPerson(r);
  }

  async findById(id: number): Promise<PersonRow | undefined> {
    const r = await this.db
      .selectFrom('person')
      .select(PERSON_COLUMNS)
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toPerson(r);
  }

  async list(): Promise<PersonRow[]> {
    const rows = await this.db.selectFrom('person').select(PERSON_COLUMNS).orderBy('username').execute();
    return rows.map(toPerson);
  }

  async create(p: {
    username: string;
    displayName: string;
    passwordHash: string | null;
    passwordMustChange: boolean;
    isDemo: boolean;
    createdAt: string;
  }): Promise<number> {
    const r = await this.db
      .insertInto('person')
      .values({
        username: p.username.toLowerCase(),
        display_name: p.displayName,
        password_hash: p.passwordHash,
        is_demo: p.isDemo,
        created_at: p.createdAt,
        disabled_at: null,
        locked_until: null,
        last_sign_in_at: null,
        password_changed_at: p.passwordHash ? p.createdAt : null,
        password_must_change: p.passwordMustChange,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async setPassword(personId: number, passwordHash: string, at: string, mustChange: boolean): Promise<void> {
    await this.db
      .updateTable('person')
      .set({
        password_hash: passwordHash,
        password_changed_at: at,
        password_must_change: mustChange,
        failed_sign_ins: 0,
        locked_until: null,
      })
      .where('id', '=', personId)
      .execute();
  }

  async setLockout(personId: number, state: LockoutState): Promise<void> {
    await this.db
      .updateTable('person')
      .set({ failed_sign_ins: state.failedSignIns, locked_until: state.lockedUntil })
      .where('id', '=', personId)
      .execute();
  }

  async recordSignIn(personId: number, at: string): Promise<void> {
    await this.db
      .updateTable('person')
      .set({ failed_sign_ins: 0, locked_until: null, last_sign_in_at: at })
      .where('id', '=', personId)
      .execute();
  }

  /** Every role assignment of the people given (all people when omitted), past and future included. */
  async roles(personIds?: readonly number[]): Promise<RoleAssignmentRow[]> {
    if (personIds && personIds.length === 0) return [];
    let q = this.db
      .selectFrom('role_assignment as r')
      .leftJoin('organisation as o', 'o.code', 'r.org_code')
      .select([
        'r.id',
        'r.person_id',
        'r.role',
        'r.org_code',
        'o.org_type',
        'o.name',
        'r.start_date',
        'r.end_date',
        'r.granted_by',
      ]);
    if (personIds) q = q.where('r.person_id', 'in', personIds);
    const rows = await q.orderBy('r.person_id').orderBy('r.start_date').orderBy('r.id').execute();
    return rows.map((r) => ({
      assignmentId: r.id,
      personId: r.person_id,
      role: r.role,
      orgCode: r.org_code,
      orgType: r.org_type,
      orgName: r.name,
      startDate: r.start_date,
      endDate: r.end_date,
      grantedBy: r.granted_by,
    }));
  }

  /** People holding a role at an organisation on `asAt`. */
  async peopleAt(
    orgCode: string,
    asAt: string,
  ): Promise<(RoleAssignmentRow & { username: string; displayName: string })[]> {
    const rows = await this.db
      .selectFrom('role_assignment as r')
      .innerJoin('person as p', 'p.id', 'r.person_id')
      .leftJoin('organisation as o', 'o.code', 'r.org_code')
      .select([
        'r.id',
        'r.person_id',
        'p.username',
        'p.display_name',
        'r.role',
        'r.org_code',
        'o.org_type',
        'o.name',
        'r.start_date',
        'r.end_date',
        'r.granted_by',
      ])
      .where('r.org_code', '=', orgCode)
      .where('r.start_date', '<=', asAt)
      .where((eb) => eb.or([eb('r.end_date', 'is', null), eb('r.end_date', '>=', asAt)]))
      .orderBy('p.username')
      .execute();
    return rows.map((r) => ({
      assignmentId: r.id,
      personId: r.person_id,
      username: r.username,
      displayName: r.display_name,
      role: r.role,
      orgCode: r.org_code,
      orgType: r.org_type,
      orgName: r.name,
      startDate: r.start_date,
      endDate: r.end_date,
      grantedBy: r.granted_by,
    }));
  }

  async addRole(a: {
    personId: number;
    role: string;
    orgCode: string | null;
    startDate: string;
    endDate: string | null;
    grantedBy: string;
    createdAt: string;
  }): Promise<number> {
    const r = await this.db
      .insertInto('role_assignment')
      .values({
        person_id: a.personId,
        role: a.role,
        org_code: a.orgCode,
        start_date: a.startDate,
        end_date: a.endDate,
        granted_by: a.grantedBy,
        created_at: a.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  /** Ends a role on `endDate` (inclusive). Roles are never deleted: history stays answerable. */
  async endRole(personId: number, assignmentId: number, endDate: string): Promise<boolean> {
    const r = await this.db
      .updateTable('role_assignment')
      .set({ end_date: endDate })
      .where('id', '=', assignmentId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async orgType(code: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('organisation')
      .select('org_type')
      .where('code', '=', code)
      .executeTakeFirst();
    return r?.org_type ?? null;
  }
}
