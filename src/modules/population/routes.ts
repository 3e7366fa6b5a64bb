import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteAccess } from '../../platform/http/route-access.ts';
import { ccgParams } from '../governance/schemas.ts';
import type { PopulationService } from './population-service.ts';

/** Counts of the CCG's responsible population are internal to the CCG. */
const populationAccess: RouteAccess = {
  action: 'read',
  classification: 'organisation_internal',
  owner: (req) => String((req.params as { code: string }).code).toUpperCase(),
};

export function populationRoutes(service: PopulationService): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/ccgs/:code/responsible-population',
      {
        config: { access: populationAccess },
        schema: {
          tags: ['Population'],
          summary:
            'The people the CCG is responsible for (with activity in the year), by the Who Pays rule that made it responsible',
          params: ccgParams,
          response: { 200: z.record(z.string(), z.unknown()) },
        },
      },
      (req) => service.responsiblePopulation(req.params.code),
    );
  };
}
