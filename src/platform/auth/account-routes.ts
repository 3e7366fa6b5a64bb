import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC_READ } from '../http/route-access.ts';
import { ORG_INTERNAL_READ, PLATFORM_READ, PLATFORM_WRITE } from './access-route-kinds.ts';
import type { AccessServices } from './access-services.ts';
import type { PersonWithRoles } from './account-service.ts';
import { isoDate } from './clock.ts';
import type { Actor } from './model.ts';
import { MAX_PASSWORD_LENGTH } from './passwords.ts';
import { toRoleView } from './role-view.ts';
import { isoDateText, orgCode, orgCodeParams, roleView } from './schemas.ts';

const personParams = z.object({ id: z.coerce.number().int().positive() });

/** Who did it, as recorded on role assignments. */
export function actorLabel(actor: Actor): string {
  if (actor.kind === 'person') return `person:${actor.username}`;
  if (actor.kind === 'api_token') return `token:${actor.tokenId}`;
  return 'anonymous';
}

/**
 * The role book (public), the people holding roles at an organisation (its internal record), and
 * account administration for system administrators (the platform's records).
 */
export function accountRoutes(services: AccessServices): FastifyPluginAsync {
  const { accounts, roleBook, clock } = services;
  const today = () => isoDate(clock());
  const personOut = z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    isDemo: z.boolean(),
    hasPassword: z.boolean(),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
    lockedUntil: z.string().nullable(),
    lastSignInAt: z.string().nullable(),
    roles: z.array(roleView),
  });
  const toPersonOut = (p: PersonWithRoles, asAt: string) => ({
    id: p.id,
    username: p.username,
    displayName: p.displayName,
    isDemo: p.isDemo,
    hasPassword: p.hasPassword,
    createdAt: p.createdAt,
    disabledAt: p.disabledAt,
    lockedUntil: p.lockedUntil,
    lastSignInAt: p.lastSignInAt,
    roles: p.roles.map((r) => toRoleView(r, roleBook, asAt)),
  });

  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/access/roles',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags: ['Access'],
          summary: 'The role book: every role, where it is held and what it grants',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  title: z.string(),
                  orgTypes: z.array(z.string()),
                  grants: z.array(z.string()),
                  description: z.string(),
                  legalRef: z.string(),
                  confidence: z.enum(['confirmed', 'unconfirmed']),
                }),
              ),
            }),
          },
        },
      },
      async () => ({
        items: [...roleBook.roles.values()].map((r) => ({
          id: r.id,
          title: r.title,
          orgTypes: [...r.orgTypes],
          grants: r.grants.map((g) => `${g.action}:${g.classification}:${g.scope}`),
          description: r.description,
          legalRef: r.legalRef,
          confidence: r.confidence,
        })),
      }),
    );

    app.get(
      '/access/organisations/:code/people',
      {
        config: { access: ORG_INTERNAL_READ },
        schema: {
          tags: ['Access'],
          summary: "People holding roles at an organisation today (the organisation's internal record)",
          params: orgCodeParams,
          response: {
            200: z.object({
              orgCode: z.string(),
              asAt: z.string(),
              items: z.array(
                z.object({ username: z.string(), displayName: z.string() }).extend(roleView.shape),
              ),
            }),
          },
        },
      },
      async (req) => {
        const asAt = today();
        const rows = await accounts.peopleAt(req.params.code, asAt);
        return {
          orgCode: req.params.code,
          asAt,
          items: rows.map((r) => ({
            username: r.username,
            displayName: r.displayName,
            ...toRoleView(r, roleBook, asAt),
          })),
        };
      },
    );

    const admin = { tags: ['Administration'] };

    app.get(
      '/admin/people',
      {
        config: { access: PLATFORM_READ },
        schema: {
          ...admin,
          summary: 'Every account, with its roles',
          response: { 200: z.object({ items: z.array(personOut) }) },
        },
      },
      async () => {
        const asAt = today();
        return { items: (await accounts.list()).map((p) => toPersonOut(p, asAt)) };
      },
    );

    app.post(
      '/admin/people',
      {
        config: { access: PLATFORM_WRITE },
        schema: {
          ...admin,
          summary: 'Create an account (without a password, a one-time password is returned, once)',
          body: z.object({
            username: z.string().trim().min(3).max(64),
            displayName: z.string().trim().min(1).max(200),
            password: z.string().max(MAX_PASSWORD_LENGTH).optional(),
          }),
          response: {
            201: z.object({ id: z.number(), username: z.string(), oneTimePassword: z.string().nullable() }),
          },
        },
      },
      async (req, reply) => {
        const created = await accounts.create(req.body);
        req.access.auditDetail = { personId: created.personId };
        return reply.status(201).send({
          id: created.personId,
          username: req.body.username.toLowerCase(),
          oneTimePassword: created.oneTimePassword,
        });
      },
    );

    app.post(
      '/admin/people/:id/roles',
      {
        config: { access: PLATFORM_WRITE },
        schema: {
          ...admin,
          summary: 'Grant a role at an organisation, from a date (and optionally to a date)',
          params: personParams,
          body: z.object({
            role: z.string().min(1).max(64),
            orgCode: orgCode.nullable(),
            startDate: isoDateText,
            endDate: isoDateText.nullable().default(null),
          }),
          response: { 201: z.object({ assignmentId: z.number() }) },
        },
      },
      async (req, reply) => {
        const assignmentId = await accounts.grantRole(req.params.id, req.body, actorLabel(req.access.actor));
        req.access.auditDetail = {
          personId: req.params.id,
          role: req.body.role,
          orgCode: req.body.orgCode,
          assignmentId,
        };
        return reply.status(201).send({ assignmentId });
      },
    );

    app.post(
      '/admin/people/:id/roles/:assignmentId/end',
      {
        config: { access: PLATFORM_WRITE },
        schema: {
          ...admin,
          summary: 'End a role on a date (inclusive). Roles are ended, never deleted.',
          params: personParams.extend({ assignmentId: z.coerce.number().int().positive() }),
          body: z.object({ endDate: isoDateText }),
          response: { 200: personOut },
        },
      },
      async (req) => {
        await accounts.endRole(req.params.id, req.params.assignmentId, req.body.endDate);
        req.access.auditDetail = { personId: req.params.id, assignmentId: req.params.assignmentId };
        return toPersonOut(await accounts.get(req.params.id), today());
      },
    );

    app.post(
      '/admin/people/:id/unlock',
      {
        config: { access: PLATFORM_WRITE },
        schema: {
          ...admin,
          summary: 'Clear a sign-in lockout',
          params: personParams,
          response: { 200: personOut },
        },
      },
      async (req) => {
        await accounts.unlock(req.params.id);
        req.access.auditDetail = { personId: req.params.id };
        return toPersonOut(await accounts.get(req.params.id), today());
      },
    );

    app.post(
      '/admin/people/:id/reset-password',
      {
        config: { access: PLATFORM_WRITE },
        schema: {
          ...admin,
          summary: 'Set a new one-time password (returned once) and clear any lockout',
          params: personParams,
          response: { 200: z.object({ id: z.number(), oneTimePassword: z.string() }) },
        },
      },
      async (req) => {
        const oneTimePassword = await accounts.resetPassword(req.params.id);
        req.access.auditDetail = { personId: req.params.id };
        return { id: req.params.id, oneTimePassword };
      },
    );
  };
}
