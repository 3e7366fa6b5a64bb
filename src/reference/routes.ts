import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../platform/db/database.ts';
import { AppError } from '../platform/errors.ts';
import type { RouteAccess } from '../platform/http/route-access.ts';
import { listImportRuns, listRejections } from './repository.ts';

/** Import runs and their quarantined rows: operational records of the platform itself. */
const ADMIN_READ: RouteAccess = {
  action: 'read',
  classification: 'organisation_internal',
  owner: () => null,
};
const tags = ['Imports'];

export function importRoutes(db: Database): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const run = z.object({
      id: z.number(),
      importer: z.string(),
      contentHash: z.string(),
      startedAt: z.string(),
      finishedAt: z.string(),
      taken: z.number(),
      rejected: z.number(),
    });
    app.get(
      '/imports',
      {
        config: { access: ADMIN_READ },
        schema: {
          tags,
          summary: 'Import runs, newest first',
          response: { 200: z.object({ items: z.array(run) }) },
        },
      },
      async () => ({
        items: (await listImportRuns(db)).map((r) => ({
          id: r.id,
          importer: r.importer,
          contentHash: r.content_hash,
          startedAt: r.started_at,
          finishedAt: r.finished_at,
          taken: r.taken,
          rejected: r.rejected,
        })),
      }),
    );
    app.get(
      '/imports/:id/rejections',
      {
        config: { access: ADMIN_READ },
        schema: {
          tags,
          summary: 'Rows an import quarantined, with file, line and reason',
          params: z.object({ id: z.coerce.number().int().positive() }),
          response: {
            200: z.object({
              items: z.array(z.object({ file: z.string(), line: z.number(), reason: z.string() })),
            }),
          },
        },
      },
      async (req) => {
        const runs = await listImportRuns(db);
        if (!runs.some((r) => r.id === req.params.id))
          throw AppError.notFound(`Import run ${req.params.id}`, 'params.id');
        const rows = await listRejections(db, req.params.id);
        return { items: rows.map((r) => ({ file: r.file, line: r.line, reason: r.reason })) };
      },
    );
  };
}
