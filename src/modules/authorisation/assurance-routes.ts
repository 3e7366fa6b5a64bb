import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PUBLIC_READ, type RouteAccess } from '../../platform/http/route-access.ts';
import { asAtQuery } from '../organisations/schemas.ts';
import type { Recorder } from './assessment-model.ts';
import { boardInternal, ccgInternal } from './route-access.ts';
import {
  annualAssessmentBody,
  anyRecord,
  assessmentIdParams,
  ccgParams,
  consultationBody,
  hwbResponseBody,
  hwbResponseParams,
  interventionBody,
  interventionDirectionBody,
  interventionParams,
  liftBody,
  publishBody,
  reviewBody,
  triggerEvidenceBody,
  varyInterventionBody,
} from './schemas.ts';
import type { AuthorisationService } from './service.ts';

const tags = ['Assurance'];
const ok = { 200: anyRecord };

/**
 * Ongoing assurance API. The annual assessment (s14Z16) is opened and published by the CCG's area team;
 * each relevant HWB answers for itself; published summaries are public. Intervention (s14Z21) is the
 * Board's: drafts are its own, directions once given are public. Triggers are the CCG's internal record.
 */
export function assuranceRoutes(
  service: AuthorisationService,
  helpers: {
    assessor: (action: 'read' | 'write') => RouteAccess;
    by: (req: FastifyRequest) => Promise<Recorder>;
  },
): FastifyPluginAsync {
  const { assessor, by } = helpers;
  const idOf = (req: FastifyRequest) => (req.params as { assessmentId: string }).assessmentId;
  /** An annual assessment is the CCG's record (its staff, the Board and its HWBs may read it). */
  const assessmentRead: RouteAccess = {
    action: 'read',
    classification: 'organisation_internal',
    owner: async (req) => (await service.assurance.annualAssessmentCcg(idOf(req))) ?? idOf(req),
  };
  /** Its publication is the assessors' (the CCG's area team). */
  const assessmentWrite: RouteAccess = {
    action: 'write',
    classification: 'organisation_internal',
    owner: async (req) => {
      const ccg = await service.assurance.annualAssessmentCcg(idOf(req));
      return ccg ? service.assessorOwner(ccg) : idOf(req);
    },
  };
  /** An HWB answers for itself. */
  const hwbWrite: RouteAccess = {
    action: 'write',
    classification: 'organisation_internal',
    owner: (req) => String((req.params as { hwbCode: string }).hwbCode).toUpperCase(),
  };

  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    // ---- annual assessment (s14Z16) -----------------------------------------------------------------
    app.get(
      '/ccgs/:code/annual-assessments',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary:
            'Published annual assessments (s14Z16): rating, findings, summary and each relevant HWB’s view',
          params: ccgParams,
          response: ok,
        },
      },
      (req) => service.assurance.publishedAssessments(req.params.code),
    );

    app.get(
      '/ccgs/:code/annual-assessments/internal',
      {
        config: { access: ccgInternal('read') },
        schema: {
          tags,
          summary: 'Every annual assessment, those still consulting included',
          params: ccgParams,
          response: ok,
        },
      },
      (req) => service.assurance.assessments(req.params.code),
    );

    app.post(
      '/ccgs/:code/annual-assessments',
      {
        config: { access: assessor('write') },
        schema: {
          tags,
          summary: 'Open the year’s assessment and consult each relevant HWB (the CCG’s overlapping HWBs)',
          params: ccgParams,
          body: annualAssessmentBody,
          response: ok,
        },
      },
      async (req) => ({
        assessment: await service.assurance.openAnnualAssessment(req.params.code, req.body, await by(req)),
      }),
    );

    app.get(
      '/annual-assessments/:assessmentId',
      {
        config: { access: assessmentRead },
        schema: { tags, summary: 'An annual assessment in full', params: assessmentIdParams, response: ok },
      },
      async (req) => ({ assessment: await service.assurance.annualAssessment(req.params.assessmentId) }),
    );

    app.post(
      '/annual-assessments/:assessmentId/hwbs/:hwbCode/response',
      {
        config: { access: hwbWrite },
        schema: {
          tags,
          summary:
            'An HWB’s view of the CCG’s contribution to the joint health and wellbeing strategy; the CCG’s representatives are recused',
          params: hwbResponseParams,
          body: hwbResponseBody,
          response: ok,
        },
      },
      async (req) =>
        service.assurance.respond(req.params.assessmentId, req.params.hwbCode, req.body, await by(req)),
    );

    app.post(
      '/annual-assessments/:assessmentId/publish',
      {
        config: { access: assessmentWrite },
        schema: {
          tags,
          summary:
            'Publish the summary: refused until each relevant HWB has answered or the consultation has closed',
          params: assessmentIdParams,
          body: publishBody,
          response: ok,
        },
      },
      async (req) => ({
        published: await service.assurance.publish(req.params.assessmentId, req.body, await by(req)),
      }),
    );

    // ---- intervention triggers ------------------------------------------------------------------------
    app.get(
      '/ccgs/:code/intervention-triggers',
      {
        config: { access: ccgInternal('read') },
        schema: {
          tags,
          summary:
            'The s14Z21 triggers on a date, each raised one with its evidence and the module that feeds it',
          params: ccgParams,
          querystring: asAtQuery,
          response: ok,
        },
      },
      (req) => service.assurance.triggers(req.params.code, req.query.asAt),
    );

    app.post(
      '/ccgs/:code/intervention-evidence',
      {
        config: { access: assessor('write') },
        schema: {
          tags,
          summary: 'Manual evidence for a finance or outcomes trigger, until those modules exist',
          params: ccgParams,
          body: triggerEvidenceBody,
          response: ok,
        },
      },
      async (req) => service.assurance.addTriggerEvidence(req.params.code, req.body, await by(req)),
    );

    // ---- interventions (s14Z21) -----------------------------------------------------------------------
    app.get(
      '/ccgs/:code/interventions',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary:
            'Interventions with directions given: grounds, directions, consultations, reviews and lifting',
          params: ccgParams,
          response: ok,
        },
      },
      (req) => service.assurance.interventions(req.params.code, { publicOnly: true }),
    );

    app.post(
      '/ccgs/:code/interventions',
      {
        config: { access: boardInternal('write') },
        schema: {
          tags,
          summary: 'Open an intervention on the grounds of s14Z21(1), with the triggers raised on the day',
          params: ccgParams,
          body: interventionBody,
          response: ok,
        },
      },
      async (req) => ({
        intervention: await service.assurance.open(req.params.code, req.body, await by(req)),
      }),
    );

    app.get(
      '/interventions/:interventionId',
      {
        config: { access: boardInternal('read') },
        schema: {
          tags,
          summary: 'An intervention in full, drafts included',
          params: interventionParams,
          response: ok,
        },
      },
      async (req) => ({ intervention: await service.assurance.intervention(req.params.interventionId) }),
    );

    const board = boardInternal('write');
    app.post(
      '/interventions/:interventionId/consultations',
      {
        config: { access: board },
        schema: {
          tags,
          summary:
            'Record a consultation (s14Z21(10) before another CCG is directed; s14Z22 before dissolution)',
          params: interventionParams,
          body: consultationBody,
          response: ok,
        },
      },
      async (req) => ({ intervention: await service.assurance.consult(req.params.interventionId, req.body) }),
    );

    app.post(
      '/interventions/:interventionId/directions',
      {
        config: { access: board },
        schema: {
          tags,
          summary:
            'Give a direction under one power of s14Z21 (the consultations it needs must be recorded first)',
          params: interventionParams,
          body: interventionDirectionBody,
          response: ok,
        },
      },
      async (req) => ({ intervention: await service.assurance.direct(req.params.interventionId, req.body) }),
    );

    app.post(
      '/interventions/:interventionId/variations',
      {
        config: { access: board },
        schema: {
          tags,
          summary: 'Vary a direction in force',
          params: interventionParams,
          body: varyInterventionBody,
          response: ok,
        },
      },
      async (req) => ({ intervention: await service.assurance.vary(req.params.interventionId, req.body) }),
    );

    app.post(
      '/interventions/:interventionId/reviews',
      {
        config: { access: board },
        schema: {
          tags,
          summary: 'Record a review of the directions',
          params: interventionParams,
          body: reviewBody,
          response: ok,
        },
      },
      async (req) => ({
        intervention: await service.assurance.review(req.params.interventionId, req.body, await by(req)),
      }),
    );

    app.post(
      '/interventions/:interventionId/lift',
      {
        config: { access: board },
        schema: {
          tags,
          summary: 'Lift directions (all in force when none are named); the intervention ends with the last',
          params: interventionParams,
          body: liftBody,
          response: ok,
        },
      },
      async (req) => ({ intervention: await service.assurance.lift(req.params.interventionId, req.body) }),
    );
  };
}
