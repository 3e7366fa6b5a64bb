import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC_READ } from '../../platform/http/route-access.ts';
import { AGE_BANDS } from './model.ts';
import {
  asAtQuery,
  codeParams,
  listQuery,
  organisationSchema,
  relatedSchema,
  violationSchema,
} from './schemas.ts';
import type { OrganisationService } from './service.ts';

const tags = ['Organisations'];
const config = { access: PUBLIC_READ };

/** The registry's HTTP surface: thin handlers (validate → service → response). */
export function organisationRoutes(service: OrganisationService): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/organisations',
      {
        config,
        schema: {
          tags,
          summary: 'List, search and filter organisations open on a date',
          querystring: listQuery,
          response: {
            200: z.object({
              asAt: z.string(),
              total: z.number(),
              limit: z.number(),
              offset: z.number(),
              items: z.array(
                organisationSchema.pick({
                  code: true,
                  orgType: true,
                  name: true,
                  provenance: true,
                  openDate: true,
                  closeDate: true,
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const { asAt, limit, offset } = req.query;
        const result = await service.list(req.query);
        return { asAt, limit, offset, total: result.total, items: result.items };
      },
    );

    app.get(
      '/organisations/:code',
      {
        config,
        schema: {
          tags,
          summary: 'An organisation with its relationships in force on a date',
          params: codeParams,
          querystring: asAtQuery,
          response: {
            200: z.object({
              asAt: z.string(),
              organisation: organisationSchema,
              related: z.array(relatedSchema),
            }),
          },
        },
      },
      (req) => service.detail(req.params.code, req.query.asAt),
    );

    app.get(
      '/organisations/:code/members',
      {
        config,
        schema: {
          tags,
          summary: 'Member practices of a CCG on a date, with registered patients',
          params: codeParams,
          querystring: asAtQuery,
          response: {
            200: z.object({
              asAt: z.string(),
              quarterStart: z.string().nullable(),
              quarterEnd: z.string().nullable(),
              total: z.number(),
              withPatients: z.number().describe('members with registered patients in the quarter'),
              items: z.array(
                z.object({
                  code: z.string(),
                  name: z.string(),
                  postcode: z.string().nullable(),
                  startDate: z.string(),
                  endDate: z.string().nullable(),
                  registeredPatients: z.number(),
                }),
              ),
            }),
          },
        },
      },
      (req) => service.members(req.params.code, req.query.asAt),
    );

    app.get(
      '/organisations/:code/population',
      {
        config,
        schema: {
          tags,
          summary:
            'Registered population by sex and age band (practice, CCG, area team, region or the Board)',
          params: codeParams,
          querystring: asAtQuery,
          response: {
            200: z.object({
              code: z.string(),
              quarterStart: z.string(),
              quarterEnd: z.string(),
              total: z.number(),
              practices: z.number(),
              bands: z
                .array(
                  z.object({
                    sex: z.enum(['male', 'female']),
                    ageBand: z.enum(AGE_BANDS),
                    patients: z.number(),
                  }),
                )
                .readonly(),
              source: z.string(),
            }),
          },
        },
      },
      (req) => service.population(req.params.code, req.query.asAt),
    );

    app.get(
      '/organisations/:code/history',
      {
        config,
        schema: {
          tags,
          summary: 'Every membership and relationship an organisation has had',
          params: codeParams,
          response: {
            200: z.object({
              code: z.string(),
              memberships: z.array(
                z.object({
                  ccgCode: z.string(),
                  ccgName: z.string(),
                  startDate: z.string(),
                  endDate: z.string().nullable(),
                  source: z.string(),
                  eventId: z.number().nullable(),
                }),
              ),
              relationships: z.array(relatedSchema),
            }),
          },
        },
      },
      (req) => service.history(req.params.code),
    );

    app.get(
      '/map/ccgs',
      {
        config,
        schema: {
          tags,
          summary: 'Every CCG open on a date with its area team, region, practices and registered patients',
          querystring: asAtQuery,
          response: {
            200: z.object({
              asAt: z.string(),
              quarterStart: z.string().nullable(),
              quarterEnd: z.string().nullable(),
              items: z.array(
                z.object({
                  code: z.string(),
                  onsCode: z.string().nullable(),
                  name: z.string(),
                  shortName: z.string().nullable(),
                  areaTeamCode: z.string().nullable(),
                  areaTeamName: z.string().nullable(),
                  regionCode: z.string().nullable(),
                  regionName: z.string().nullable(),
                  memberPractices: z
                    .number()
                    .describe('member practices on the date, including units with no registered list'),
                  practicesWithPatients: z
                    .number()
                    .describe('member practices with registered patients in the quarter'),
                  registeredPatients: z.number(),
                }),
              ),
            }),
          },
        },
      },
      (req) => service.ccgMap(req.query.asAt),
    );

    app.get(
      '/geo/ccg-boundaries',
      {
        config,
        schema: {
          tags,
          summary: 'CCG boundaries, April 2013 (TopoJSON; geometry id = CCG ONS code)',
          response: { 200: z.record(z.string(), z.unknown()) },
        },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'public, max-age=3600');
        return service.boundaries();
      },
    );

    app.get(
      '/structure/violations',
      {
        config,
        schema: {
          tags,
          summary: 'Structural-rule violations on a date, each with its rule id and legal reference',
          querystring: asAtQuery,
          response: {
            200: z.object({
              asAt: z.string(),
              counts: z.object({ error: z.number(), warning: z.number() }),
              items: z.array(violationSchema),
            }),
          },
        },
      },
      (req) => service.violations(req.query.asAt),
    );
  };
}
