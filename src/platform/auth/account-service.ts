import { AppError, type Problem } from '../errors.ts';
import type { AccountRepository, PersonRow, RoleAssignmentRow } from './account-repository.ts';
import type { Clock } from './clock.ts';
import type { RoleBook } from './model.ts';
import { checkPasswordRules, hashPassword } from './passwords.ts';
import { newOneTimePassword } from './secret-token.ts';
import { UNLOCKED } from './sign-in-rules.ts';

export interface PersonWithRoles extends Omit<PersonRow, 'passwordHash'> {
  readonly hasPassword: boolean;
  readonly roles: readonly RoleAssignmentRow[];
}

export interface RoleGrantRequest {
  readonly role: string;
  readonly orgCode: string | null;
  readonly startDate: string;
  readonly endDate: string | null;
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/**
 * Administering accounts: people, their passwords and their effective-dated roles. Who may call this
 * is decided by the access policy (platform scope) or by being the operator at the CLI.
 */
export class AccountService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly roleBook: RoleBook,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<PersonWithRoles[]> {
    const people = await this.accounts.list();
    const roles = await this.accounts.roles();
    return people.map(({ passwordHash, ...p }) => ({
      ...p,
      hasPassword: passwordHash !== null,
      roles: roles.filter((r) => r.personId === p.id),
    }));
  }

  async get(personId: number): Promise<PersonWithRoles> {
    const person = await this.accounts.findById(personId);
    if (!person) throw AppError.notFound(`Person ${personId}`, 'params.id');
    const { passwordHash, ...p } = person;
    return { ...p, hasPassword: passwordHash !== null, roles: await this.accounts.roles([personId]) };
  }

  async byUsername(username: string): Promise<PersonWithRoles> {
    const person = await this.accounts.findByUsername(username);
    if (!person) throw AppError.notFound(`Person "${username}"`, 'username');
    return this.get(person.id);
  }

  peopleAt(orgCode: string, asAt: string) {
    return this.accounts.peopleAt(orgCode, asAt);
  }

  /**
   * Creates a person. Without a password, a one-time password is generated and returned: it is shown
   * once and stored only as its argon2id hash.
   */
  async create(p: {
    username: string;
    displayName: string;
    password?: string;
    isDemo?: boolean;
  }): Promise<{ personId: number; oneTimePassword: string | null }> {
    const problems: Problem[] = [];
    const username = p.username.trim().toLowerCase();
    if (!USERNAME.test(username)) {
      problems.push({
        path: 'username',
        message: '3–64 characters: lower-case letters, digits, dot, hyphen, underscore',
        code: 'invalid_username',
      });
    }
    if (!p.displayName.trim())
      problems.push({ path: 'displayName', message: 'must not be empty', code: 'too_small' });
    if (p.password !== undefined) problems.push(...checkPasswordRules(p.password));
    if (problems.length) throw AppError.validation(problems);
    if (await this.accounts.findByUsername(username)) {
      throw new AppError('conflict', 'Username taken', [
        { path: 'username', message: `"${username}" already exists`, code: 'conflict' },
      ]);
    }
    const oneTimePassword = p.password === undefined ? newOneTimePassword() : null;
    const personId = await this.accounts.create({
      username,
      displayName: p.displayName.trim(),
      passwordHash: await hashPassword(p.password ?? oneTimePassword!),
      passwordMustChange: oneTimePassword !== null,
      isDemo: p.isDemo ?? false,
      createdAt: this.clock().toISOString(),
    });
    return { personId, oneTimePassword };
  }

  /** Sets a new one-time password (shown once), clearing any lockout. */
  async resetPassword(personId: number): Promise<string> {
    await this.get(personId);
    const password = newOneTimePassword();
    await this.accounts.setPassword(personId, await hashPassword(password), this.clock().toISOString(), true);
    return password;
  }

  async unlock(personId: number): Promise<void> {
    await this.get(personId);
    await this.accounts.setLockout(personId, UNLOCKED);
  }

  /** Checks a role grant against the role book and the registry; reports every problem at once. */
  async grantRole(personId: number, g: RoleGrantRequest, grantedBy: string): Promise<number> {
    await this.get(personId);
    const problems: Problem[] = [];
    const role = this.roleBook.roles.get(g.role);
    if (!role) {
      problems.push({
        path: 'body.role',
        message: `unknown role "${g.role}" (one of ${[...this.roleBook.roles.keys()].join(', ')})`,
        code: 'unknown_role',
      });
    } else if (role.orgTypes.length === 0) {
      if (g.orgCode !== null) {
        problems.push({
          path: 'body.orgCode',
          message: `${role.title} is held at no organisation`,
          code: 'platform_role',
        });
      }
    } else if (g.orgCode === null) {
      problems.push({
        path: 'body.orgCode',
        message: `${role.title} is held at an organisation`,
        code: 'required',
      });
    } else {
      const orgType = await this.accounts.orgType(g.orgCode);
      if (orgType === null) {
        problems.push({ path: 'body.orgCode', message: `no organisation ${g.orgCode}`, code: 'not_found' });
      } else if (!role.orgTypes.includes(orgType)) {
        problems.push({
          path: 'body.orgCode',
          message: `${g.orgCode} is a ${orgType}; ${role.title} is held at ${role.orgTypes.join(' or ')}`,
          code: 'wrong_org_type',
        });
      }
    }
    if (g.endDate !== null && g.endDate < g.startDate) {
      problems.push({ path: 'body.endDate', message: 'is before the start date', code: 'invalid_period' });
    }
    if (problems.length) throw AppError.validation(problems);
    return this.accounts.addRole({
      personId,
      role: g.role,
      orgCode: g.orgCode,
      startDate: g.startDate,
      endDate: g.endDate,
      grantedBy,
      createdAt: this.clock().toISOString(),
    });
  }

  async endRole(personId: number, assignmentId: number, endDate: string): Promise<void> {
    const person = await this.get(personId);
    const assignment = person.roles.find((r) => r.assignmentId === assignmentId);
    if (!assignment) throw AppError.notFound(`Role assignment ${assignmentId}`, 'params.assignmentId');
    if (endDate < assignment.startDate) {
      throw AppError.validation([
        { path: 'body.endDate', message: 'is before the role started', code: 'invalid_period' },
      ]);
    }
    await this.accounts.endRole(personId, assignmentId, endDate);
  }
}
