import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC_READ, type RouteAccess } from '../../platform/http/route-access.ts';
import type { StructuralEventService } from './event-service.ts';
import { isoDate, violationSchema } from './schemas.ts';

const tags = ['Structural events'];
const code = z.string().regex(/^[A-Z0-9]{3,6}$/, 'must be an ODS code (3–6 capital letters or digits)');

export const structuralEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('join'), date: isoDate, practiceCode: code, ccgCode: code }),
  z.object({ kind: z.literal('leave'), date: isoDate, practiceCode: code, ccgCode: code }),
  z.object({
    kind: z.literal('move'),
    date: isoDate,
    practiceCode: code,
    fromCcgCode: code,
    toCcgCode: code,
  }),
  z.object({
    kind: z.literal('merger'),
    date: isoDate,
    predecessorCodes: z.array(code).min(2),
    successorCode: code,
    successorName: z.string().min(1).max(200).optional(),
  }),
  z.object({ kind: z.literal('dissolution'), date: isoDate, ccgCode: code, transfers: z.record(code, code) }),
]);

/**
 * Membership changes vary a CCG's constitution, which the Board approves (NHS Act 2006 s14E–s14H):
 * recording one is a write owned by the Board.
 */
const BOARD_WRITE: RouteAccess = {
  action: 'write',
  classification: 'organisation_internal',
  owner: () => 'NHSCB',
};

export function structuralEventRoutes(service: StructuralEventService): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/structural-events',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary: 'Dated structural events recorded, oldest first',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.number(),
                  kind: z.string(),
                  effectiveDate: z.string(),
                  detail: z.record(z.string(), z.unknown()),
                  source: z.string(),
                  recordedAt: z.string(),
                }),
              ),
            }),
          },
        },
      },
      async () => ({ items: await service.list() }),
    );
    app.post(
      '/structural-events',
      {
        config: { access: BOARD_WRITE },
        schema: {
          tags,
          summary: 'Record a join, leave, move, merger or dissolution (validated by the structural rules)',
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
          body: structuralEventSchema,
          response: {
            200: z.object({
              eventId: z.number().nullable(),
              dryRun: z.boolean(),
              warnings: z.array(violationSchema),
              closed: z.number(),
              opened: z.number(),
              organisationsCreated: z.array(z.string()),
              organisationsClosed: z.array(z.string()),
            }),
          },
        },
      },
      async (req) => {
        const outcome = await service.record(req.body, {
          source: 'api',
          dryRun: req.query.dryRun === 'true',
        });
        return {
          ...outcome,
          warnings: [...outcome.warnings],
          organisationsCreated: [...outcome.organisationsCreated],
          organisationsClosed: [...outcome.organisationsClosed],
        };
      },
    );
  };
}
