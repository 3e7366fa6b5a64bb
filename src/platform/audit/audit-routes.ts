import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PLATFORM_READ } from '../auth/access-route-kinds.ts';
import { timestampText } from '../auth/schemas.ts';
import type { Database } from '../db/database.ts';
import { AUDIT_OUTCOMES } from './model.ts';
import { queryAudit } from './query-audit.ts';

export const auditQuery = z.object({
  actor: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('username, token:<name>, cli:<user>, or an id'),
  org: z
    .string()
    .regex(/^[A-Za-z0-9-]{2,20}$/)
    .transform((c) => c.toUpperCase())
    .optional()
    .describe('acting at, or touching records of, this organisation'),
  since: timestampText.optional().describe('from this date or time (inclusive)'),
  until: timestampText.optional().describe('before this date or time'),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  action: z.string().trim().min(1).max(50).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

const eventOut = z.object({
  id: z.number(),
  occurredAt: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actingRole: z.string().nullable(),
  actingOrg: z.string().nullable(),
  action: z.string(),
  route: z.string().nullable(),
  record: z.string().nullable(),
  classification: z.string().nullable(),
  ownerOrg: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  reason: z.string().nullable(),
  status: z.number().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});

/** GET /api/audit: the audit log, newest first, for system administrators (the platform's records). */
export function auditRoutes(db: Database): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/audit',
      {
        config: { access: PLATFORM_READ },
        schema: {
          tags: ['Administration'],
          summary: 'Query the audit log (newest first)',
          querystring: auditQuery,
          response: {
            200: z.object({
              total: z.number(),
              limit: z.number(),
              offset: z.number(),
              items: z.array(eventOut),
            }),
          },
        },
      },
      async (req) => {
        const result = await queryAudit(db, req.query);
        return { ...result, limit: req.query.limit, offset: req.query.offset };
      },
    );
  };
}
