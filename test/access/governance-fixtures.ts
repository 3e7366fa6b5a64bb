import type { GoverningBodyPerson, PersonAttributes } from '../../src/modules/governance/model.ts';
import type { TestServer } from '../support/server.ts';

/**
 * Minimal governance records for the permission matrix: one person on each of two CCGs' governing
 * bodies, and helpers that make a fresh draft or held meeting, or a pending constitution variation,
 * through the real services, so a write that consumes one always has one to consume.
 */
const NO_ATTRIBUTES: PersonAttributes = {
  isCcgEmployee: false,
  hasAccountancyQualification: false,
  canLeadFinancialManagement: false,
  nmcRegisteredNurse: false,
  gmcSpecialistRegisterOrEligible: false,
  nhsConsultantWithin10Years: false,
  onGpRegister: true,
  isGpOfMemberPractice: true,
  isIndividualMemberOfCcg: true,
  otherHealthCareProfessional: false,
  financeAndAuditExpertise: false,
  knowledgeOfArea: true,
};

export const matrixPersonId = (ccg: string) => `${ccg}-MX1`;

export async function seedMatrixGovernance(server: TestServer, ccgs: readonly string[]): Promise<void> {
  const { GovernanceRepository } = await import('../../src/modules/governance/repository.ts');
  const repo = new GovernanceRepository(server.database.db);
  for (const ccg of ccgs) {
    const person: GoverningBodyPerson = {
      personId: matrixPersonId(ccg),
      name: `Matrix Member ${ccg}`,
      attributes: NO_ATTRIBUTES,
      employments: [],
      convictions: [],
      bankruptcyRestrictions: [],
      dismissals: [],
      appointments: [
        {
          appointmentId: `${ccg}-MXA`,
          roles: ['chair', 'gp_member'],
          startDate: '2013-04-01',
          termEndDate: '2016-03-31',
          endDate: null,
        },
      ],
    };
    await repo.addPeople(
      ccg,
      [person],
      [
        {
          personId: person.personId,
          name: person.name,
          capacity: 'gb_member',
          startDate: '2013-04-01',
          endDate: null,
        },
      ],
      true,
    );
  }
}

export async function draftMeeting(server: TestServer, ccg: string): Promise<string> {
  const m = await server.services.governance.createMeeting(ccg, {
    body: 'governing_body',
    date: '2013-06-01',
    part: 'public',
    chairPersonId: matrixPersonId(ccg),
    deputyChairPersonId: null,
    quorum: { minimumMembers: 1, requiredRoles: [], fallback: 'defer' },
    agendaItems: [
      {
        itemId: 'I1',
        title: 'Minutes of the last meeting',
        privateReason: null,
        decision: true,
        concernedEntities: [],
      },
    ],
    attendees: [{ personId: matrixPersonId(ccg), voting: true, categories: ['gp', 'clinician'] }],
  });
  return m.meetingId;
}

export const meetingOutcome = (ccg: string) => ({
  presentPersonIds: [matrixPersonId(ccg)],
  declarationsAtMeeting: [],
  items: [
    {
      itemId: 'I1',
      conflictsHandled: [],
      chairedBy: matrixPersonId(ccg),
      quorate: true,
      discussion: 'Agreed.',
      decision: 'Approved',
      votes: { for: 1, against: 0, abstain: 0 },
      procurement: false,
    },
  ],
});

export async function heldMeeting(server: TestServer, ccg: string): Promise<string> {
  const id = await draftMeeting(server, ccg);
  await server.services.governance.recordOutcome(id, meetingOutcome(ccg));
  return id;
}

export async function publishedMeeting(server: TestServer, ccg: string): Promise<string> {
  const id = await heldMeeting(server, ccg);
  await server.services.governance.publish(id);
  return id;
}

/** A complete constitution for the CCG on the date, naming exactly its registry members then. */
export async function completeConstitution(server: TestServer, ccg: string, effectiveFrom: string) {
  const members = await server.services.organisations.members(ccg, effectiveFrom);
  const org = await server.services.organisations.detail(ccg, effectiveFrom);
  const quorum = { minimumMembers: 4, requiredRoles: [], fallback: 'defer' as const };
  return {
    effectiveFrom,
    content: {
      name: org.organisation.name,
      area: 'The area of the local authority',
      members: members.items.map((m) => m.code),
      decisionMaking: {
        schemeOfReservationAndDelegation: ['Reserved to members: the constitution'],
        committees: [],
        governingBodyQuorum: quorum,
      },
      conflictsOfInterest: 'Interests are declared and conflicts managed.',
      transparency: 'Meetings in public; minutes published.',
      publicInvolvement: 'Patient reference group.',
    },
  };
}

/** Clears any pending variation of the CCG (rejecting it) so a new one can be submitted. */
export async function noPendingVariation(server: TestServer, ccg: string): Promise<void> {
  const { versions } = await server.services.governance.constitutionVersions(ccg);
  for (const v of versions.filter((x) => x.status === 'submitted')) {
    await server.services.governance.decideVariation(
      ccg,
      v.version,
      { approve: false, note: 'cleared by the matrix test' },
      'matrix',
    );
  }
}

/** A submitted variation of the CCG awaiting the Board (reused while still pending). */
export async function pendingVariation(server: TestServer, ccg: string): Promise<number> {
  const { versions } = await server.services.governance.constitutionVersions(ccg);
  const pending = versions.find((v) => v.status === 'submitted');
  if (pending) return pending.version;
  const { version } = await server.services.governance.proposeVariation(
    ccg,
    await completeConstitution(server, ccg, '2014-04-01'),
  );
  return version.version;
}
