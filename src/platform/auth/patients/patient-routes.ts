import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteAccess } from '../../http/route-access.ts';
import type { AccessServices } from '../access-services.ts';
import { isoDate } from '../clock.ts';
import { PSEUDONYM_PATTERN } from '../pseudonymiser.ts';
import { orgCodeParams } from '../schemas.ts';
import { SYNTHETIC_NOTICE } from './patient-service.ts';

const tags = ['Patients (synthetic)'];
const pseudonymOf = (req: FastifyRequest) => (req.body as { pseudonym: string }).pseudonym;

/**
 * Patient-level data. Pseudonymised rows belong to the responsible CCG; an identity belongs to the
 * patient's registered practice (looked up from the pseudonym), so only that practice is ever allowed
 * to re-identify. The pseudonym travels in a POST body, not the URL, to keep it out of access logs.
 */
export function patientRoutes(services: AccessServices): FastifyPluginAsync {
  const { patients, clock } = services;
  const responsiblePopulation: RouteAccess = {
    action: 'read',
    classification: 'pseudonymised_patient',
    owner: (req) => (req.params as { code: string }).code,
  };
  const reidentify: RouteAccess = {
    action: 'read',
    classification: 'identifiable_patient',
    owner: (req) => patients.registeredPractice(pseudonymOf(req)),
    auditAction: 're_identify',
    auditRecord: (req) => {
      const pseudonym = (req.body as { pseudonym?: unknown } | undefined)?.pseudonym;
      return typeof pseudonym === 'string' && PSEUDONYM_PATTERN.test(pseudonym)
        ? `patient:${pseudonym}`
        : null;
    },
  };

  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/patients/responsible-population/:code',
      {
        config: { access: responsiblePopulation },
        schema: {
          tags,
          summary: "A CCG's responsible population, pseudonymised (synthetic demo patients only)",
          params: orgCodeParams,
          response: {
            200: z.object({
              ccgCode: z.string(),
              asAt: z.string(),
              synthetic: z.literal(true),
              notice: z.string(),
              items: z.array(
                z.object({
                  pseudonym: z.string(),
                  practiceCode: z.string(),
                  sex: z.enum(['male', 'female']),
                  yearOfBirth: z.number(),
                }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const asAt = isoDate(clock());
        return {
          ccgCode: req.params.code,
          asAt,
          synthetic: true as const,
          notice: SYNTHETIC_NOTICE,
          items: await patients.responsiblePopulation(req.params.code, asAt),
        };
      },
    );

    app.post(
      '/patients/reidentify',
      {
        config: { access: reidentify },
        schema: {
          tags,
          summary:
            "Re-identify a pseudonym: only for staff of the patient's own registered practice; always audited",
          body: z.object({
            pseudonym: z.string().regex(PSEUDONYM_PATTERN, 'must be a pseudonym (32 hex digits)'),
          }),
          response: {
            200: z.object({
              pseudonym: z.string(),
              nhsNumber: z.string(),
              givenName: z.string(),
              familyName: z.string(),
              birthDate: z.string(),
              sex: z.enum(['male', 'female']),
              practiceCode: z.string(),
              synthetic: z.literal(true),
              notice: z.string(),
            }),
          },
        },
      },
      async (req) => {
        const identity = await patients.reidentify(req.body.pseudonym);
        return { ...identity, synthetic: true as const };
      },
    );
  };
}
