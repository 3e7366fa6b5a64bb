import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { PUBLIC_READ, type RouteAccess } from '../http/route-access.ts';
import { clearSessionCookie, SESSION_COOKIE, sessionCookieOptions } from './access-control.ts';
import type { AccessServices } from './access-services.ts';
import { isoDate } from './clock.ts';
import { MAX_PASSWORD_LENGTH } from './passwords.ts';
import { toRoleView } from './role-view.ts';
import { personView, roleView } from './schemas.ts';

const tags = ['Sign-in'];

/** Sign-in and the like are public submissions: anyone may call them (the service checks who). */
const signInAccess: RouteAccess = {
  action: 'write',
  classification: 'public',
  auditAction: 'sign_in',
  auditRecord: (req: FastifyRequest) => {
    const username = (req.body as { username?: unknown } | undefined)?.username;
    return typeof username === 'string' ? `account:${username.trim().toLowerCase().slice(0, 64)}` : null;
  },
};
const signOutAccess: RouteAccess = { action: 'write', classification: 'public', auditAction: 'sign_out' };
const passwordAccess: RouteAccess = {
  action: 'write',
  classification: 'public',
  auditAction: 'password_change',
};

const sessionBody = z.object({
  person: personView,
  roles: z.array(roleView),
  /** Send this in the x-csrf-token header with every POST/PUT/PATCH/DELETE. */
  csrfToken: z.string(),
  /** Absolute end of the session. */
  expiresAt: z.string(),
  /** When the session ends if idle from now on. */
  endsAt: z.string(),
  /** Signed in with a one-time password: the person should choose their own now. */
  passwordChangeRequired: z.boolean(),
});

const signInFailed = () =>
  new AppError('unauthorised', 'Sign-in failed', [
    {
      path: 'body',
      message:
        'The username or password is wrong, or the account is locked for a while after repeated failures. Try again later, or ask an administrator.',
      code: 'sign_in_failed',
    },
  ]);

/** /api/auth: sign in, sign out, the current session (and the person's roles), change password. */
export function authRoutes(services: AccessServices): FastifyPluginAsync {
  const { auth, accounts, roleBook, clock } = services;

  async function sessionView(
    personId: number,
    session: { csrfToken: string; expiresAt: string; endsAt: string },
  ) {
    const person = await accounts.get(personId);
    const asAt = isoDate(clock());
    return {
      person: { id: person.id, username: person.username, displayName: person.displayName },
      roles: person.roles.map((r) => toRoleView(r, roleBook, asAt)),
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      endsAt: session.endsAt,
      passwordChangeRequired: person.passwordMustChange,
    };
  }

  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/auth/sign-in',
      {
        config: {
          access: signInAccess,
          rateLimit: { max: services.settings.signInRateLimit, timeWindow: 60_000 },
        },
        schema: {
          tags,
          summary: 'Sign in: sets the HttpOnly session cookie and returns the CSRF token and roles',
          body: z.object({
            username: z.string().trim().min(1).max(64),
            password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
          }),
          response: { 200: sessionBody },
        },
      },
      async (req, reply) => {
        const result = await auth.signIn(req.body.username, req.body.password, {
          ip: req.ip,
          userAgent: req.headers['user-agent']?.slice(0, 200) ?? null,
        });
        if (!result.ok) {
          req.access.attemptedAs = req.body.username.toLowerCase();
          req.access.auditDetail = { failure: result.reason, lockedNow: result.lockedNow };
          // The audit row gives the real cause; the client gets one message for every cause.
          req.access.denial = `sign-in failed: ${result.reason.replace(/_/g, ' ')}${result.lockedNow ? ' (account now locked)' : ''}`;
          throw signInFailed();
        }
        // A sign-in replaces any session the browser already had.
        if (req.access.session) await auth.signOut(req.access.session);
        req.access.actor = result.actor;
        req.access.session = result.session;
        const maxAge = Math.floor((Date.parse(result.session.expiresAt) - clock().getTime()) / 1000);
        reply.setCookie(SESSION_COOKIE, result.token, sessionCookieOptions(maxAge));
        return sessionView(result.session.personId, result.session);
      },
    );

    app.post(
      '/auth/sign-out',
      {
        config: { access: signOutAccess },
        schema: { tags, summary: 'Sign out: ends the session and clears the cookie' },
      },
      async (req, reply) => {
        if (req.access.session) await auth.signOut(req.access.session);
        clearSessionCookie(reply);
        return reply.status(204).send();
      },
    );

    app.get(
      '/auth/session',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary: 'Who is signed in: the person, their roles, and the CSRF token for writes',
          response: {
            200: z.union([
              sessionBody.extend({ authenticated: z.literal(true), kind: z.literal('person') }),
              z.object({
                authenticated: z.literal(true),
                kind: z.literal('api_token'),
                token: z.object({
                  id: z.number(),
                  name: z.string(),
                  orgCode: z.string(),
                  permissions: z.array(z.string()),
                }),
              }),
              z.object({ authenticated: z.literal(false) }),
            ]),
          },
        },
      },
      async (req) => {
        const { actor, session } = req.access;
        if (actor.kind === 'api_token') {
          return {
            authenticated: true as const,
            kind: 'api_token' as const,
            token: {
              id: actor.tokenId,
              name: actor.name,
              orgCode: actor.orgCode,
              permissions: [...actor.permissions],
            },
          };
        }
        if (actor.kind === 'person' && session) {
          return {
            authenticated: true as const,
            kind: 'person' as const,
            ...(await sessionView(actor.personId, session)),
          };
        }
        return { authenticated: false as const };
      },
    );

    app.post(
      '/auth/password',
      {
        config: { access: passwordAccess },
        schema: {
          tags,
          summary: 'Change your own password (ends your other sessions)',
          body: z.object({
            currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
            newPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
          }),
        },
      },
      async (req, reply) => {
        const session = req.access.session;
        if (!session) {
          throw new AppError('unauthorised', 'Sign-in required', [
            { path: 'access', message: 'sign in to change your password', code: 'sign-in-required' },
          ]);
        }
        await auth.changePassword(session, req.body.currentPassword, req.body.newPassword);
        return reply.status(204).send();
      },
    );
  };
}
