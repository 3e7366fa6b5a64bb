import { AppError } from '../errors.ts';
import type { AccountRepository, RoleAssignmentRow } from './account-repository.ts';
import type { ApiTokenRepository } from './api-token-repository.ts';
import type { Clock } from './clock.ts';
import type { Actor, RoleHolding } from './model.ts';
import { checkPasswordRules, hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { hashSecretToken, newSecretToken } from './secret-token.ts';
import type { SessionRepository } from './session-repository.ts';
import { sessionEndsAt, sessionState, shouldTouch } from './session-rules.ts';
import type { AccessSettings } from './settings.ts';
import { afterFailedSignIn, isLocked } from './sign-in-rules.ts';

/** Prefix of API tokens, so a leaked one is recognisable (e.g. by secret scanners). */
export const API_TOKEN_PREFIX = 'cmr_';

export interface SessionInfo {
  readonly tokenHash: string;
  readonly personId: number;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  /** When the session ends if idle from now on. */
  readonly endsAt: string;
}

export type SignInResult =
  | {
      readonly ok: true;
      readonly token: string;
      readonly session: SessionInfo;
      readonly actor: Extract<Actor, { kind: 'person' }>;
      readonly displayName: string;
    }
  | {
      readonly ok: false;
      /** For the audit log only; the client always gets the same answer. */
      readonly reason: 'unknown_account' | 'disabled' | 'no_password' | 'locked' | 'wrong_password';
      readonly personId: number | null;
      readonly lockedNow: boolean;
    };

export function toHolding(r: RoleAssignmentRow): RoleHolding {
  return {
    assignmentId: r.assignmentId,
    role: r.role,
    orgCode: r.orgCode,
    orgType: r.orgType,
    startDate: r.startDate,
    endDate: r.endDate,
  };
}

/**
 * Sign-in, sessions and bearer tokens: who is making a request. What they may do is the policy's
 * business (policy.ts), not this service's.
 */
export class AuthService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: ApiTokenRepository,
    private readonly settings: AccessSettings,
    private readonly clock: Clock,
  ) {}

  async personActor(personId: number, username: string): Promise<Extract<Actor, { kind: 'person' }>> {
    const roles = await this.accounts.roles([personId]);
    return { kind: 'person', personId, username, roles: roles.map(toHolding) };
  }

  async signIn(
    username: string,
    password: string,
    meta: { ip: string | null; userAgent: string | null },
  ): Promise<SignInResult> {
    const now = this.clock();
    const person = await this.accounts.findByUsername(username);
    const fail = (
      reason: Extract<SignInResult, { ok: false }>['reason'],
      lockedNow = false,
    ): SignInResult => ({
      ok: false,
      reason,
      personId: person?.id ?? null,
      lockedNow,
    });
    if (!person) return verifyAgainstDummy(password).then(() => fail('unknown_account'));
    if (person.disabledAt) return verifyAgainstDummy(password).then(() => fail('disabled'));
    if (!person.passwordHash) return verifyAgainstDummy(password).then(() => fail('no_password'));
    const state = { failedSignIns: person.failedSignIns, lockedUntil: person.lockedUntil };
    if (isLocked(state, now)) return verifyAgainstDummy(password).then(() => fail('locked'));

    if (!(await verifyPassword(person.passwordHash, password))) {
      const next = afterFailedSignIn(state, now, {
        maxFailures: this.settings.signInMaxFailures,
        lockoutMinutes: this.settings.signInLockoutMinutes,
      });
      await this.accounts.setLockout(person.id, next);
      return fail('wrong_password', isLocked(next, now));
    }

    await this.accounts.recordSignIn(person.id, now.toISOString());
    const token = newSecretToken();
    const createdAt = now.toISOString();
    const expiresAt = new Date(now.getTime() + this.settings.sessionAbsoluteHours * 3_600_000).toISOString();
    const csrfToken = newSecretToken();
    const tokenHash = hashSecretToken(token);
    await this.sessions.create({ tokenHash, personId: person.id, csrfToken, createdAt, expiresAt, ...meta });
    return {
      ok: true,
      token,
      session: {
        tokenHash,
        personId: person.id,
        csrfToken,
        createdAt,
        expiresAt,
        endsAt: sessionEndsAt({ lastSeenAt: createdAt, expiresAt }, this.settings.sessionIdleMinutes),
      },
      actor: await this.personActor(person.id, person.username),
      displayName: person.displayName,
    };
  }

  /**
   * The session a cookie names, if still active; an idle or expired session is ended on the spot.
   * Each active use moves the idle deadline on (written at most once a minute).
   */
  async resolveSession(
    token: string,
  ): Promise<{ session: SessionInfo; actor: Extract<Actor, { kind: 'person' }> } | null> {
    const now = this.clock();
    const row = await this.sessions.find(hashSecretToken(token));
    if (!row || row.endedAt || row.disabledAt) return null;
    const state = sessionState(row, now, this.settings.sessionIdleMinutes);
    if (state !== 'active') {
      await this.sessions.end(
        row.tokenHash,
        now.toISOString(),
        state === 'idle' ? 'idle_timeout' : 'expired',
      );
      return null;
    }
    let lastSeenAt = row.lastSeenAt;
    if (shouldTouch(row, now)) {
      lastSeenAt = now.toISOString();
      await this.sessions.touch(row.tokenHash, lastSeenAt);
    }
    return {
      session: {
        tokenHash: row.tokenHash,
        personId: row.personId,
        csrfToken: row.csrfToken,
        createdAt: row.createdAt,
        expiresAt: row.expiresAt,
        endsAt: sessionEndsAt({ lastSeenAt, expiresAt: row.expiresAt }, this.settings.sessionIdleMinutes),
      },
      actor: await this.personActor(row.personId, row.username),
    };
  }

  async signOut(session: SessionInfo): Promise<void> {
    await this.sessions.end(session.tokenHash, this.clock().toISOString(), 'signed_out');
  }

  /** The actor an `Authorization: Bearer` API token stands for, or null if unknown, revoked or expired. */
  async resolveApiToken(token: string): Promise<Extract<Actor, { kind: 'api_token' }> | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const now = this.clock();
    const row = await this.tokens.findByHash(hashSecretToken(token));
    if (!row || row.revokedAt) return null;
    if (row.expiresAt && now.getTime() >= Date.parse(row.expiresAt)) return null;
    if (!row.lastUsedAt || now.getTime() - Date.parse(row.lastUsedAt) >= 60_000) {
      await this.tokens.touch(row.id, now.toISOString());
    }
    return {
      kind: 'api_token',
      tokenId: row.id,
      name: row.name,
      orgCode: row.orgCode,
      orgType: row.orgType,
      permissions: row.permissions,
    };
  }

  /** Changes a person's own password and ends their other sessions. */
  async changePassword(session: SessionInfo, current: string, next: string): Promise<void> {
    const problems = checkPasswordRules(next, 'body.newPassword');
    if (problems.length) throw AppError.validation(problems);
    const person = await this.accounts.findById(session.personId);
    if (!person?.passwordHash || !(await verifyPassword(person.passwordHash, current))) {
      // Wrong guesses here count towards lockout too, or a stolen session could guess the password.
      if (person) {
        await this.accounts.setLockout(
          person.id,
          afterFailedSignIn(
            { failedSignIns: person.failedSignIns, lockedUntil: person.lockedUntil },
            this.clock(),
            {
              maxFailures: this.settings.signInMaxFailures,
              lockoutMinutes: this.settings.signInLockoutMinutes,
            },
          ),
        );
      }
      throw new AppError('forbidden', 'Password not changed', [
        { path: 'body.currentPassword', message: 'is not your current password', code: 'wrong_password' },
      ]);
    }
    const at = this.clock().toISOString();
    await this.accounts.setPassword(person.id, await hashPassword(next), at, false);
    await this.sessions.endAllFor(person.id, at, 'password_changed', session.tokenHash);
  }
}
