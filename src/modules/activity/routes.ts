import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteAccess } from '../../platform/http/route-access.ts';
import { ccgParams } from '../governance/schemas.ts';
import type { ActivityService } from './activity-service.ts';

const tags = ['Activity'];
const anyRecord = z.record(z.string(), z.unknown());
const ownerCcg = (req: { params: unknown }) => String((req.params as { code: string }).code).toUpperCase();

/** Contract activity and money are commercial in confidence to the paying CCG (and the Board above it). */
const contractAccess: RouteAccess = {
  action: 'read',
  classification: 'commercial_in_confidence',
  owner: ownerCcg,
};
/** Loads and their quarantine are platform data management (no patient pseudonyms are returned). */
const platformAccess: RouteAccess = { action: 'read', classification: 'organisation_internal' };

const monthQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
    .optional(),
});

export function activityRoutes(service: ActivityService): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/activity/loads',
      {
        config: { access: platformAccess },
        schema: {
          tags,
          summary: 'Every activity file loaded: rows accepted and quarantined, by reason',
          response: { 200: anyRecord },
        },
      },
      async () => ({ ...service.loads(), run: service.run() }),
    );
    app.get(
      '/activity/loads/:loadId/quarantine',
      {
        config: { access: platformAccess },
        schema: {
          tags,
          summary:
            'The quarantined rows of one load: file, line, reason and the values as given (patient pseudonym withheld)',
          params: z.object({ loadId: z.string().regex(/^[0-9a-f]{16}$/, 'a 16-character load id') }),
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(1000).default(100),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: anyRecord },
        },
      },
      (req) => service.quarantine(req.params.loadId, req.query.limit, req.query.offset),
    );
    app.get(
      '/ccgs/:code/activity',
      {
        config: { access: contractAccess },
        schema: {
          tags,
          summary:
            'A CCG’s monthly activity and cost (as payer) by point of delivery and provider, against the calendar month before',
          description:
            'Cost is after readmission deductions, before the marginal rate emergency adjustment (which is on the contract statement); unpriced activity is counted at £0 and given as `unpriced`. Any month of the run may be asked for (a month without activity is all zeros); by default the latest month with activity.',
          params: ccgParams,
          querystring: monthQuery,
          response: { 200: anyRecord },
        },
      },
      (req) => service.ccgActivity(req.params.code, req.query.month),
    );
    app.get(
      '/ccgs/:code/activity/providers/:provider',
      {
        config: { access: contractAccess },
        schema: {
          tags,
          summary: 'Drill-down: one provider’s activity for the CCG by specialty and point of delivery',
          description:
            'Cost on the same basis as the CCG’s activity (after readmission deductions, before the marginal rate emergency adjustment). By default the provider’s own latest month with activity for the CCG; 404 when the CCG pays the provider for nothing in the run.',
          params: ccgParams.extend({ provider: z.string().regex(/^[A-Za-z0-9]{3,5}$/, 'a provider code') }),
          querystring: monthQuery,
          response: { 200: anyRecord },
        },
      },
      (req) => service.ccgProviderActivity(req.params.code, req.params.provider, req.query.month),
    );
    app.get(
      '/ccgs/:code/contracts/:provider/statement',
      {
        config: { access: contractAccess },
        schema: {
          tags,
          summary:
            'SLAM-style contract monitoring statement: month by month and POD, with readmission and marginal rate adjustments',
          params: ccgParams.extend({ provider: z.string().regex(/^[A-Za-z0-9]{3,5}$/, 'a provider code') }),
          response: { 200: anyRecord },
        },
      },
      (req) => service.contractStatement(req.params.code, req.params.provider),
    );
  };
}
