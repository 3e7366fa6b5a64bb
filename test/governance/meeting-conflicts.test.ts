import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoverningBodyPerson, PersonAttributes } from '../../src/modules/governance/model.ts';
import { GovernanceRepository } from '../../src/modules/governance/repository.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * End to end (issue #4): an interest declared through the API → a meeting whose agenda concerns that
 * provider → the conflict check proposes a recusal, a new item chair and the quorum after it → the
 * outcome is refused until the conflict is recorded as handled → the published minutes show it, and
 * the procurement decision enters the register with who took part.
 */
let server: TestServer;
const lay: PersonAttributes = {
  isCcgEmployee: false,
  hasAccountancyQualification: false,
  canLeadFinancialManagement: false,
  nmcRegisteredNurse: false,
  gmcSpecialistRegisterOrEligible: false,
  nhsConsultantWithin10Years: false,
  onGpRegister: false,
  isGpOfMemberPractice: false,
  isIndividualMemberOfCcg: false,
  otherHealthCareProfessional: false,
  financeAndAuditExpertise: true,
  knowledgeOfArea: true,
};
const gp: PersonAttributes = {
  ...lay,
  onGpRegister: true,
  isGpOfMemberPractice: true,
  isIndividualMemberOfCcg: true,
  financeAndAuditExpertise: false,
};
const person = (
  id: string,
  name: string,
  attributes: PersonAttributes,
  roles: GoverningBodyPerson['appointments'][number]['roles'],
): GoverningBodyPerson => ({
  personId: id,
  name,
  attributes,
  employments: [],
  convictions: [],
  bankruptcyRestrictions: [],
  dismissals: [],
  appointments: [
    { appointmentId: `${id}-A`, roles, startDate: '2013-04-01', termEndDate: '2016-03-31', endDate: null },
  ],
});

beforeAll(async () => {
  // The CCG's clock stands in June 2013, so declarations are dated then.
  server = await startTestServer({ clock: () => new Date('2013-06-01T10:00:00Z') });
  const people = [
    person('00C-CH', 'Dr Chair', gp, ['chair', 'gp_member']),
    person('00C-DC', 'Ms Deputy', lay, ['deputy_chair', 'lay_member_ppi']),
    person('00C-GP', 'Dr Second', gp, ['gp_member']),
    person('00C-LA', 'Mr Audit', lay, ['lay_member_audit']),
  ];
  await new GovernanceRepository(server.database.db).addPeople(
    '00C',
    people,
    people.map((p) => ({
      personId: p.personId,
      name: p.name,
      capacity: 'gb_member' as const,
      startDate: '2013-04-01',
      endDate: null,
    })),
    false,
  );
});
afterAll(async () => server?.close());

const get = async (url: string) => (await server.app.inject({ method: 'GET', url })).json();

describe('a conflict from declaration to published minutes', () => {
  let meetingId = '';

  it('records the chair’s interest in the trust the item concerns', async () => {
    const { addDeclaration } = server.services.governance;
    const result = await addDeclaration.call(server.services.governance, '00C', {
      personId: '00C-CH',
      capacity: 'gb_member',
      interestType: 'financial',
      description: 'Spouse is a director of County Durham and Darlington NHS Foundation Trust',
      entity: { kind: 'organisation', code: 'RXP' },
      aroseOn: '2013-04-01',
      startDate: '2013-04-01',
      endDate: null,
    });
    expect(result.declaration.declarationId).toMatch(/^00C-D-/);
    const register = await get('/api/ccgs/00C/register-of-interests?asAt=2013-06-01');
    expect(register.entries.map((e: { name: string }) => e.name)).toContain('Dr Chair');
  });

  it('finds the conflict before the meeting: recusal, deputy chairs, and the quorum after it', async () => {
    const meeting = await server.services.governance.createMeeting('00C', {
      body: 'governing_body',
      date: '2013-06-20',
      part: 'public',
      chairPersonId: '00C-CH',
      deputyChairPersonId: '00C-DC',
      quorum: { minimumMembers: 3, requiredRoles: [{ category: 'lay', minimum: 1 }], fallback: 'defer' },
      agendaItems: [
        {
          itemId: 'I1',
          title: 'Award of the community services contract',
          privateReason: null,
          decision: true,
          concernedEntities: [{ kind: 'organisation', code: 'rxp' }],
        },
        {
          itemId: 'I2',
          title: 'Estates: lease renewal',
          part: 'private',
          privateReason: 'Commercial terms under negotiation',
          decision: true,
          concernedEntities: [],
        },
      ],
      attendees: [
        { personId: '00C-CH', voting: true, categories: ['gp', 'clinician'] },
        { personId: '00C-DC', voting: true, categories: ['lay'] },
        { personId: '00C-GP', voting: true, categories: ['gp', 'clinician'] },
        { personId: '00C-LA', voting: true, categories: ['lay'] },
      ],
    });
    meetingId = meeting.meetingId;
    // An internal route: the permission matrix covers its HTTP access; here the service answers.
    const direct = await server.services.governance.conflictPlan(meetingId);
    const item = direct.items.find((i) => i.itemId === 'I1')!;
    expect(item.conflicts).toEqual([
      expect.objectContaining({ personId: '00C-CH', interestType: 'financial', management: 'leave_room' }),
    ]);
    expect(item.itemChair).toEqual({ personId: '00C-DC', basis: 'deputy_chair' });
    expect(item.quorum.quorate).toBe(true);
    expect([...item.quorum.eligibleVoters].sort()).toEqual(['00C-DC', '00C-GP', '00C-LA']);
    expect(direct.items.find((i) => i.itemId === 'I2')?.conflicts).toEqual([]);
  });

  it('refuses an outcome that does not record the conflict as handled', async () => {
    const outcome = {
      presentPersonIds: ['00C-CH', '00C-DC', '00C-GP', '00C-LA'],
      declarationsAtMeeting: [],
      items: [
        {
          itemId: 'I1',
          conflictsHandled: [],
          chairedBy: '00C-DC',
          quorate: true,
          discussion: 'Tender evaluated.',
          decision: 'Award to the preferred bidder',
          votes: { for: 3, against: 0, abstain: 0 },
          procurement: true,
        },
        {
          itemId: 'I2',
          conflictsHandled: [],
          chairedBy: '00C-CH',
          quorate: true,
          discussion: 'Terms agreed.',
          decision: 'Renew for five years',
          votes: { for: 4, against: 0, abstain: 0 },
          procurement: false,
        },
      ],
    };
    await expect(server.services.governance.recordOutcome(meetingId, outcome)).rejects.toMatchObject({
      problems: [
        expect.objectContaining({ code: 'conflict_not_recorded', path: 'body.items.I1.conflictsHandled' }),
      ],
    });
    const fixed = {
      ...outcome,
      declarationsAtMeeting: [
        {
          personId: '00C-GP',
          capacity: 'gb_member' as const,
          interestType: 'non_financial_personal' as const,
          description: 'Volunteer at a local hospice',
          entity: null,
        },
      ],
      items: [
        {
          ...outcome.items[0]!,
          conflictsHandled: [
            {
              personId: '00C-CH',
              declarationId: null,
              management: 'leave_room' as const,
              note: 'Left the room for the item',
            },
          ],
        },
        outcome.items[1]!,
      ],
    };
    const minutes = await server.services.governance.recordOutcome(meetingId, fixed);
    expect(minutes.declarationsAtMeeting).toHaveLength(1);
  });

  it('publishes minutes showing the recusal, and keeps the private item’s content out of them', async () => {
    await server.services.governance.publish(meetingId);
    const minutes = await get(`/api/meetings/${meetingId}/minutes`);
    const i1 = minutes.items.find((i: { itemId: string }) => i.itemId === 'I1');
    expect(i1.conflicts).toEqual([
      { name: 'Dr Chair', management: 'leave_room', note: 'Left the room for the item' },
    ]);
    expect(i1.chairedBy).toBe('Ms Deputy');
    const i2 = minutes.items.find((i: { itemId: string }) => i.itemId === 'I2');
    expect(i2).toMatchObject({
      part: 'private',
      privateReason: 'Commercial terms under negotiation',
      discussion: null,
      decision: null,
    });
    expect(minutes.declarationsAtMeeting).toEqual([
      expect.objectContaining({ name: 'Dr Second', interestType: 'non_financial_personal' }),
    ]);
    expect(
      (await get('/api/ccgs/00C/meetings')).items.map((m: { meetingId: string }) => m.meetingId),
    ).toContain(meetingId);
  });

  it('enters the procurement decision in the register: who took part and how the conflict was managed', async () => {
    const { items } = await get('/api/ccgs/00C/procurement-decisions');
    const d = items.find((x: { meetingId: string }) => x.meetingId === meetingId);
    expect(d.participants.map((p: { personId: string }) => p.personId).sort()).toEqual([
      '00C-DC',
      '00C-GP',
      '00C-LA',
    ]);
    expect(d.conflicts).toEqual([expect.objectContaining({ name: 'Dr Chair', management: 'leave_room' })]);
  });

  it('adds the declaration made at the meeting to the register', async () => {
    const register = await get('/api/ccgs/00C/register-of-interests?asAt=2013-07-01');
    expect(register.entries.map((e: { description: string }) => e.description)).toContain(
      'Volunteer at a local hospice',
    );
  });
});
