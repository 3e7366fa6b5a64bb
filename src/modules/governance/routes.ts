import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PUBLIC_READ, type RouteAccess } from '../../platform/http/route-access.ts';
import { asAtQuery } from '../organisations/schemas.ts';
import {
  anyRecord,
  appointmentBody,
  appointmentParams,
  breachBody,
  ccgParams,
  decisionBody,
  endAppointmentBody,
  giftBody,
  governingBodyResponse,
  meetingParams,
  newDeclarationBody,
  newMeetingBody,
  newPersonBody,
  nilReturnBody,
  outcomeBody,
  personParams,
  variationBody,
  versionParams,
} from './schemas.ts';
import type { GovernanceService } from './service.ts';

const tags = ['Governance'];
const ccgOf = (req: FastifyRequest) => String((req.params as { code: string }).code).toUpperCase();

/** The CCG's own internal records: its staff, and the Board, may see them (policy decides). */
const ccgInternal = (action: 'read' | 'write'): RouteAccess => ({
  action,
  classification: 'organisation_internal',
  owner: ccgOf,
});
/** The Board's own decisions and national views. */
const boardInternal = (action: 'read' | 'write'): RouteAccess => ({
  action,
  classification: 'organisation_internal',
  owner: () => 'NHSCB',
});

function actorName(req: FastifyRequest): string {
  const actor = req.access?.actor;
  if (actor?.kind === 'person') return actor.username;
  if (actor?.kind === 'api_token') return `api token ${actor.name}`;
  return 'unknown';
}

/** Governance API: published records for everyone, drafts and internal registers for the CCG. */
export function governanceRoutes(service: GovernanceService): FastifyPluginAsync {
  const meetingInternal = (action: 'read' | 'write'): RouteAccess => ({
    action,
    classification: 'organisation_internal',
    owner: (req) => service.meetingOwner((req.params as { meetingId: string }).meetingId),
  });

  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const ok = { 200: anyRecord };

    // ---- public ------------------------------------------------------------------------------------
    app.get(
      '/ccgs/:code/governing-body',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary: 'Governing body members on a date (public)',
          params: ccgParams,
          querystring: asAtQuery,
          response: { 200: governingBodyResponse },
        },
      },
      (req) => service.governingBody(req.params.code, req.query.asAt),
    );

    app.get(
      '/ccgs/:code/register-of-interests',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary:
            'The published register of interests (s14O): current interests and those ended within the publication window',
          params: ccgParams,
          querystring: asAtQuery,
          response: ok,
        },
      },
      (req) => service.publicRegister(req.params.code, req.query.asAt),
    );

    app.get(
      '/ccgs/:code/constitution',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary: 'The constitution in force on a date (public)',
          params: ccgParams,
          querystring: asAtQuery,
          response: ok,
        },
      },
      (req) => service.constitution(req.params.code, req.query.asAt),
    );

    app.get(
      '/ccgs/:code/meetings',
      {
        config: { access: PUBLIC_READ },
        schema: { tags, summary: 'Meetings with published minutes', params: ccgParams, response: ok },
      },
      (req) => service.meetings(req.params.code, { publishedOnly: true }),
    );

    app.get(
      '/meetings/:meetingId/minutes',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary: 'Published minutes; private items show only their title and reason',
          params: meetingParams,
          response: ok,
        },
      },
      (req) => service.publishedMinutes(req.params.meetingId),
    );

    app.get(
      '/ccgs/:code/procurement-decisions',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary:
            'Register of procurement decisions: who took part, the conflicts and how they were managed',
          params: ccgParams,
          response: ok,
        },
      },
      (req) => service.procurementDecisions(req.params.code),
    );

    // ---- the CCG's internal records ---------------------------------------------------------------
    app.get(
      '/ccgs/:code/governance/compliance',
      {
        config: { access: ccgInternal('read') },
        schema: {
          tags,
          summary: 'Compliance panel: governing body, register, gifts and constitution findings',
          params: ccgParams,
          querystring: asAtQuery,
          response: ok,
        },
      },
      (req) => service.compliance(req.params.code, req.query.asAt),
    );

    app.get(
      '/ccgs/:code/people',
      {
        config: { access: ccgInternal('read') },
        schema: {
          tags,
          summary: 'People on the governance records, with appointments and declared employments and offices',
          params: ccgParams,
          response: ok,
        },
      },
      (req) => service.people(req.params.code),
    );

    app.post(
      '/ccgs/:code/people',
      {
        config: { access: ccgInternal('write') },
        schema: {
          tags,
          summary: 'Add a person (member, governing body or committee member, employee) to the records',
          params: ccgParams,
          body: newPersonBody,
          response: ok,
        },
      },
      async (req) => ({ person: await service.addPerson(req.params.code, req.body) }),
    );

    app.post(
      '/ccgs/:code/people/:personId/appointments',
      {
        config: { access: ccgInternal('write') },
        schema: {
          tags,
          summary:
            'Appoint a person to the governing body; returns the composition findings on the start date',
          params: personParams,
          body: appointmentBody,
          response: ok,
        },
      },
      (req) => service.appointPerson(req.params.code, req.params.personId, req.body),
    );

    app.post(
      '/ccgs/:code/people/:personId/appointments/:appointmentId/end',
      {
        config: { access: ccgInternal('write') },
        schema: {
          tags,
          summary: 'End an appointment (history is kept)',
          params: appointmentParams,
          body: endAppointmentBody,
          response: ok,
        },
      },
      (req) =>
        service.endAppointment(
          req.params.code,
          req.params.personId,
          req.params.appointmentId,
          req.body.endDate,
        ),
    );

    app.get(
      '/ccgs/:code/register-of-interests/internal',
      {
        config: { access: ccgInternal('read') },
        schema: {
          tags,
          summary: 'The full register with nil returns and review findings',
          params: ccgParams,
          querystring: asAtQuery,
          response: ok,
        },
      },
      (req) => service.internalRegister(req.params.code, req.query.asAt),
    );

    app.post(
      '/ccgs/:code/declarations',
      {
        config: { access: ccgInternal('write') },
        schema: {
          tags,
          summary: 'Declare an interest',
          params: ccgParams,
          body: newDeclarationBody,
          response: ok,
        },
      },
      (req) => service.addDeclaration(req.params.code, req.body),
    );

    app.post(
      '/ccgs/:code/nil-returns',
      {
        config: { access: ccgInternal('write') },
        schema: {
          tags,
          summary: 'Record a nil return',
          params: ccgParams,
          body: nilReturnBody,
          response: ok,
        },
      },
      (req) => service.addNilReturn(req.params.code, req.body),
    );

    app.get(
      '/ccgs/:code/gifts-hospitality',
      {
        config: { access: ccgInternal('read') },
        schema: {
          tags,
          summary: 'Gifts and hospitality register, assessed against the guidance thresholds in force',
          params: ccgParams,
          querystring: asAtQuery,
          response: ok,
        },
      },
      (req) => service.giftsAndHospitality(req.params.code, req.query.asAt),
    );

    app.post(
      '/ccgs/:code/gifts-hospitality',
      {
        config: { access: ccgInternal('write') },
        schema: {
          tags,
          summary: 'Record a gift or hospitality offered',
          params: ccgParams,
          body: giftBody,
          response: ok,
        },
      },
      (req) => service.addGiftOrHospitality(req.params.code, req.body),
    );

    app.get(
      '/ccgs/:code/breaches',
      {
        config: { access: ccgInternal('read') },
        schema: {
          tags,
          summary: 'Register of breaches of the conflicts of interest arrangements',
          params: ccgParams,
          response: ok,
        },
      },
      (req) => service.breaches(req.params.code),
    );

    app.post(
      '/ccgs/:code/breaches',
      {
        config: { access: ccgInternal('write') },
        schema: { tags, summary: 'Record a breach', params: ccgParams, body: breachBody, response: ok },
      },
      async (req) => ({ breach: await service.addBreach(req.params.code, req.body) }),
    );

    app.get(
      '/ccgs/:code/constitution/versions',
      {
        config: { access: ccgInternal('read') },
        schema: {
          tags,
          summary: 'Every constitution version with its status',
          params: ccgParams,
          response: ok,
        },
      },
      (req) => service.constitutionVersions(req.params.code),
    );

    app.post(
      '/ccgs/:code/constitution/variations',
      {
        config: { access: ccgInternal('write') },
        schema: {
          tags,
          summary: 'Submit a variation for the Board’s approval (refused while incomplete)',
          params: ccgParams,
          body: variationBody,
          response: ok,
        },
      },
      (req) => service.proposeVariation(req.params.code, req.body),
    );

    app.get(
      '/ccgs/:code/meetings/internal',
      {
        config: { access: ccgInternal('read') },
        schema: { tags, summary: 'All meetings, drafts included', params: ccgParams, response: ok },
      },
      (req) => service.meetings(req.params.code, { publishedOnly: false }),
    );

    app.post(
      '/ccgs/:code/meetings',
      {
        config: { access: ccgInternal('write') },
        schema: {
          tags,
          summary: 'Create a draft meeting with its agenda and attendance',
          params: ccgParams,
          body: newMeetingBody,
          response: ok,
        },
      },
      async (req) => ({ meeting: await service.createMeeting(req.params.code, req.body) }),
    );

    app.get(
      '/meetings/:meetingId',
      {
        config: { access: meetingInternal('read') },
        schema: { tags, summary: 'A meeting in full (internal)', params: meetingParams, response: ok },
      },
      async (req) => ({ meeting: await service.meeting(req.params.meetingId) }),
    );

    app.get(
      '/meetings/:meetingId/conflict-plan',
      {
        config: { access: meetingInternal('read') },
        schema: {
          tags,
          summary:
            'Conflicts of every attendee on every item, proposed management, item chairs and quorum after recusals',
          params: meetingParams,
          response: ok,
        },
      },
      async (req) => ({ plan: await service.conflictPlan(req.params.meetingId) }),
    );

    app.post(
      '/meetings/:meetingId/outcome',
      {
        config: { access: meetingInternal('write') },
        schema: {
          tags,
          summary: 'Record what happened; every conflict found must be recorded as handled',
          params: meetingParams,
          body: outcomeBody,
          response: ok,
        },
      },
      async (req) => ({ minutes: await service.recordOutcome(req.params.meetingId, req.body) }),
    );

    app.post(
      '/meetings/:meetingId/publish',
      {
        config: { access: meetingInternal('write') },
        schema: {
          tags,
          summary: 'Publish the minutes of a held meeting',
          params: meetingParams,
          response: ok,
        },
      },
      (req) => service.publish(req.params.meetingId),
    );

    // ---- the Board ----------------------------------------------------------------------------------
    app.post(
      '/ccgs/:code/constitution/variations/:version/decision',
      {
        config: { access: boardInternal('write') },
        schema: {
          tags,
          summary: 'The Board approves or rejects a submitted variation (s14E)',
          params: versionParams,
          body: decisionBody,
          response: ok,
        },
      },
      async (req) => ({
        version: await service.decideVariation(req.params.code, req.params.version, req.body, actorName(req)),
      }),
    );

    app.get(
      '/governance/compliance',
      {
        config: { access: boardInternal('read') },
        schema: {
          tags,
          summary: 'National compliance view: findings per CCG and per rule',
          querystring: asAtQuery,
          response: ok,
        },
      },
      (req) => service.nationalCompliance(req.query.asAt),
    );
  };
}
