import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORG_INTERNAL_READ, ORG_INTERNAL_WRITE } from './access-route-kinds.ts';
import type { AccessServices } from './access-services.ts';
import { actorLabel } from './account-routes.ts';
import type { ApiTokenView } from './api-token-service.ts';
import { orgCodeParams, timestampText } from './schemas.ts';
import { TOKEN_PERMISSIONS } from './token-issue-rules.ts';

const tags = ['API tokens'];

const tokenOut = z.object({
  id: z.number(),
  prefix: z.string(),
  name: z.string(),
  orgCode: z.string(),
  permissions: z.array(z.string()),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
const toOut = (t: ApiTokenView) => ({
  id: t.id,
  prefix: t.prefix,
  name: t.name,
  orgCode: t.orgCode,
  permissions: [...t.permissions],
  createdBy: t.createdBy,
  createdAt: t.createdAt,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
  revokedBy: t.revokedBy,
  lastUsedAt: t.lastUsedAt,
});

/**
 * API tokens of an organisation, for machine clients (a provider submitting data, a CSU importing):
 * listing them is an internal read, issuing and revoking them an internal write, of that organisation.
 */
export function apiTokenRoutes(services: AccessServices): FastifyPluginAsync {
  const { tokens } = services;
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/access/organisations/:code/api-tokens',
      {
        config: { access: ORG_INTERNAL_READ },
        schema: {
          tags,
          summary: "An organisation's API tokens (never the secrets)",
          params: orgCodeParams,
          response: { 200: z.object({ items: z.array(tokenOut) }) },
        },
      },
      async (req) => ({ items: (await tokens.list(req.params.code)).map(toOut) }),
    );

    app.post(
      '/access/organisations/:code/api-tokens',
      {
        config: { access: { ...ORG_INTERNAL_WRITE, auditAction: 'token_issue' } },
        schema: {
          tags,
          summary:
            'Issue an API token for this organisation; the token is in this response only. Use it as `Authorization: Bearer <token>`.',
          params: orgCodeParams,
          body: z.object({
            name: z.string().trim().min(1).max(100),
            permissions: z
              .array(z.string())
              .min(1)
              .max(TOKEN_PERMISSIONS.length)
              .describe(`Each one of ${TOKEN_PERMISSIONS.join(', ')}, and held by you at this organisation`),
            expiresAt: timestampText.nullable().default(null),
          }),
          response: { 201: tokenOut.extend({ token: z.string(), notice: z.string() }) },
        },
      },
      async (req, reply) => {
        const { token, view } = await tokens.issue(req.access.actor, actorLabel(req.access.actor), {
          orgCode: req.params.code,
          name: req.body.name,
          permissions: req.body.permissions,
          expiresAt: req.body.expiresAt,
        });
        req.access.auditDetail = { tokenId: view.id, permissions: view.permissions };
        return reply.status(201).send({
          ...toOut(view),
          token,
          notice: 'Copy the token now: it is shown only once and stored only as a hash.',
        });
      },
    );

    app.post(
      '/access/organisations/:code/api-tokens/:id/revoke',
      {
        config: { access: { ...ORG_INTERNAL_WRITE, auditAction: 'token_revoke' } },
        schema: {
          tags,
          summary: 'Revoke an API token at once',
          params: orgCodeParams.extend({ id: z.coerce.number().int().positive() }),
          response: { 200: tokenOut },
        },
      },
      async (req) => {
        req.access.auditDetail = { tokenId: req.params.id };
        return toOut(await tokens.revoke(req.params.code, req.params.id, actorLabel(req.access.actor)));
      },
    );
  };
}
