import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC_READ, type RouteAccess } from '../../platform/http/route-access.ts';
import { asAtQuery } from '../organisations/schemas.ts';
import { assuranceRoutes } from './assurance-routes.ts';
import type { AuthorisationEvent } from './model.ts';
import { actorOf, boardInternal, ccgInternal, ccgOf } from './route-access.ts';
import {
  anyRecord,
  boardEventBody,
  ccgParams,
  decisionBody,
  documentBody,
  moderationBody,
  newApplicationBody,
  scoreBody,
  selfCertificationBody,
  siteVisitBody,
  submitBody,
  surveyResponseBody,
} from './schemas.ts';
import type { AuthorisationService } from './service.ts';

const tags = ['Authorisation'];
const ok = { 200: anyRecord };
/**
 * Authorisation API. Public: the national board, a CCG's decision, conditions and directions, and the
 * definitions. The CCG prepares and submits its application (its own internal records); assessors at
 * the CCG's area team score, survey and visit; the Board moderates, decides and records later events.
 */
export function authorisationRoutes(service: AuthorisationService): FastifyPluginAsync {
  /** The assessors' records of a CCG belong to its area team (the Board's where it has none). */
  const assessor = (action: 'read' | 'write'): RouteAccess => ({
    action,
    classification: 'organisation_internal',
    owner: (req) => service.assessorOwner(ccgOf(req)),
  });
  const by = (req: FastifyRequest) => service.recorder(actorOf(req));

  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    // ---- public --------------------------------------------------------------------------------------
    app.get(
      '/authorisation',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary:
            'National authorisation board from the stored records: waves, outcomes, conditions by domain (2012–13; real where sourced, else synthetic)',
          querystring: z.object({ wave: z.coerce.number().int().min(1).max(4).optional() }),
          response: ok,
        },
      },
      async (req) => ({ ...(await service.status({ wave: req.query.wave })) }),
    );

    app.get(
      '/authorisation/definitions',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary:
            'Criteria, support levels, the assessment scales and the intervention powers, with their sources',
          response: ok,
        },
      },
      () => {
        const d = service.definitions;
        return {
          criteriaVersion: d.guide.version,
          domains: d.criteria.domains,
          criteria: d.guide.criteria.map((c) => ({
            id: c.id,
            domain: c.domain,
            wording: c.wording,
            provenance: c.provenance,
          })),
          supportLevels: d.supportLevels.levels,
          waves: d.waves.waves.map((w) => ({
            wave: w.wave,
            applicationDeadline: w.applicationDeadline,
            announcedOn: w.announcedOn,
          })),
          assessment: d.assessment,
          assurance: d.assurance,
        };
      },
    );

    app.get(
      '/ccgs/:code/authorisation',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary:
            'A CCG’s decision, conditions (with support levels and review dates) and directions, each with its provenance',
          params: ccgParams,
          response: ok,
        },
      },
      async (req) => ({ authorisation: await service.ccg(req.params.code) }),
    );

    // ---- the CCG's internal records -------------------------------------------------------------------
    app.get(
      '/ccgs/:code/authorisation/readiness',
      {
        config: { access: ccgInternal('read') },
        schema: {
          tags,
          summary:
            'Readiness against the criteria, with evidence linked live from governance and the registry',
          params: ccgParams,
          querystring: asAtQuery,
          response: ok,
        },
      },
      (req) => service.readiness(req.params.code, req.query.asAt),
    );

    app.get(
      '/ccgs/:code/authorisation/history',
      {
        config: { access: ccgInternal('read') },
        schema: {
          tags,
          summary: 'The dated lifecycle history: every event, who recorded it, why, and on what evidence',
          params: ccgParams,
          response: ok,
        },
      },
      (req) => service.lifecycle.history(req.params.code),
    );

    app.get(
      '/ccgs/:code/authorisation/application',
      {
        config: { access: ccgInternal('read') },
        schema: {
          tags,
          summary: 'The CCG’s application: self-certification, evidence documents, what stops submission',
          params: ccgParams,
          response: ok,
        },
      },
      (req) => service.assessment.application(req.params.code),
    );

    app.post(
      '/ccgs/:code/authorisation/application',
      {
        config: { access: ccgInternal('write') },
        schema: {
          tags,
          summary: 'Start a draft application in a wave',
          params: ccgParams,
          body: newApplicationBody,
          response: ok,
        },
      },
      async (req) => ({
        application: await service.assessment.createApplication(req.params.code, req.body, await by(req)),
      }),
    );

    app.post(
      '/ccgs/:code/authorisation/application/self-certifications',
      {
        config: { access: ccgInternal('write') },
        schema: {
          tags,
          summary: 'Self-certify one criterion of the draft (a later one replaces it)',
          params: ccgParams,
          body: selfCertificationBody,
          response: ok,
        },
      },
      async (req) => service.assessment.selfCertify(req.params.code, req.body, await by(req)),
    );

    app.post(
      '/ccgs/:code/authorisation/application/documents',
      {
        config: { access: ccgInternal('write') },
        schema: {
          tags,
          summary: 'Add an evidence document’s metadata (title, type, date, author, criteria, reference)',
          params: ccgParams,
          body: documentBody,
          response: ok,
        },
      },
      async (req) => service.assessment.addDocument(req.params.code, req.body, await by(req)),
    );

    app.post(
      '/ccgs/:code/authorisation/application/submit',
      {
        config: { access: ccgInternal('write') },
        schema: {
          tags,
          summary:
            'Submit the application in its wave (the lifecycle’s apply_in_wave; refused after the deadline)',
          params: ccgParams,
          body: submitBody,
          response: ok,
        },
      },
      async (req) => service.assessment.submit(req.params.code, req.body, await by(req)),
    );

    // ---- assessors (the CCG's area team) --------------------------------------------------------------
    app.get(
      '/ccgs/:code/authorisation/assessment',
      {
        config: { access: assessor('read') },
        schema: {
          tags,
          summary:
            'The application as the assessors see it: each criterion with self-certification, documents, linked evidence, scores and moderation; the survey; site visits',
          params: ccgParams,
          querystring: z.object({ asAt: asAtQuery.shape.asAt.optional() }),
          response: ok,
        },
      },
      async (req) => ({
        ...(await service.assessment.assessment(req.params.code, req.query.asAt)),
        assessorOrg: await service.assessorOwner(req.params.code),
      }),
    );

    app.post(
      '/ccgs/:code/authorisation/assessment/scores',
      {
        config: { access: assessor('write') },
        schema: {
          tags,
          summary: 'A named assessor’s desktop review score of one criterion, with the rationale',
          params: ccgParams,
          body: scoreBody,
          response: ok,
        },
      },
      async (req) => service.assessment.addScore(req.params.code, req.body, await by(req)),
    );

    app.post(
      '/ccgs/:code/authorisation/assessment/survey-responses',
      {
        config: { access: assessor('write') },
        schema: {
          tags,
          summary: 'One respondent’s answers to the 360° stakeholder survey',
          params: ccgParams,
          body: surveyResponseBody,
          response: ok,
        },
      },
      async (req) => service.assessment.addSurveyResponse(req.params.code, req.body, await by(req)),
    );

    app.post(
      '/ccgs/:code/authorisation/assessment/site-visits',
      {
        config: { access: assessor('write') },
        schema: {
          tags,
          summary: 'Site-visit notes with the panel and its red and green flags',
          params: ccgParams,
          body: siteVisitBody,
          response: ok,
        },
      },
      async (req) => service.assessment.addSiteVisit(req.params.code, req.body, await by(req)),
    );

    // ---- the Board --------------------------------------------------------------------------------------
    app.post(
      '/ccgs/:code/authorisation/assessment/moderation',
      {
        config: { access: boardInternal('write') },
        schema: {
          tags,
          summary: 'The moderated outcome of one criterion or a whole domain, with the rationale',
          params: ccgParams,
          body: moderationBody,
          response: ok,
        },
      },
      async (req) => service.assessment.moderate(req.params.code, req.body, await by(req)),
    );

    app.post(
      '/ccgs/:code/authorisation/decision',
      {
        config: { access: boardInternal('write') },
        schema: {
          tags,
          summary:
            'The Board’s decision: outcome, conditions with support levels and review dates, directions naming who exercises which functions',
          params: ccgParams,
          body: decisionBody,
          response: ok,
        },
      },
      async (req) => {
        const { reason, evidenceRefs, ...decision } = req.body;
        return service.assessment.decide(
          req.params.code,
          { ...decision, reason, evidenceRefs },
          await by(req),
        );
      },
    );

    app.post(
      '/ccgs/:code/authorisation/events',
      {
        config: { access: boardInternal('write') },
        schema: {
          tags,
          summary:
            'A later lifecycle event: pathfinder approval, lifting or varying a condition, varying or lifting directions, or a registry event (merger, dissolution, membership change)',
          params: ccgParams,
          body: boardEventBody,
          response: ok,
        },
      },
      async (req) => {
        const { reason, evidenceRefs, ...body } = req.body;
        const event: AuthorisationEvent =
          body.kind === 'registry_event'
            ? await service.lifecycle.registryEvent(body.structuralEventId)
            : body;
        const refs =
          body.kind === 'registry_event'
            ? [`structural_event ${body.structuralEventId}`, ...evidenceRefs]
            : evidenceRefs;
        const { state, entry } = await service.lifecycle.record(req.params.code, event, await by(req), {
          reason,
          evidenceRefs: refs,
        });
        return { status: state.status, entry };
      },
    );

    await app.register(assuranceRoutes(service, { assessor, by }));
  };
}
