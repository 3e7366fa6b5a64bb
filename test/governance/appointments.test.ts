import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Managing the governing body through the service the API uses: dated appointments, checked on the way. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe('governing body appointments', () => {
  it('adds a registered nurse to a CCG that had none, and the GB-NURSE finding goes from that date', async () => {
    const gov = server.services.governance;
    const national = await gov.nationalCompliance('2013-09-30');
    const noNurse = national.items.find((i) => i.ruleIds.includes('GB-NURSE'))!;
    const before = await gov.compliance(noNurse.ccgCode, '2013-10-01');
    expect(before.governingBody.map((v) => v.ruleId)).toContain('GB-NURSE');

    const nurse = await gov.addPerson(noNurse.ccgCode, {
      name: 'Ms N (registered nurse)',
      attributes: {
        ...(await gov.people(noNurse.ccgCode)).items[0]!.attributes,
        nmcRegisteredNurse: true,
        onGpRegister: false,
        isGpOfMemberPractice: false,
        isIndividualMemberOfCcg: false,
      },
      employments: [
        {
          organisationName: 'A university',
          organisationCode: null,
          companyNumber: null,
          organisationKind: 'other',
          role: 'employee',
          startDate: '2010-01-01',
          endDate: null,
        },
      ],
      convictions: [],
      bankruptcyRestrictions: [],
      dismissals: [],
      capacity: 'gb_member',
      startDate: '2013-10-01',
    });
    const { compliance } = await gov.appointPerson(noNurse.ccgCode, nurse.personId, {
      roles: ['registered_nurse'],
      startDate: '2013-10-01',
      termEndDate: '2016-09-30',
    });
    expect(compliance.governingBody.map((v) => v.ruleId)).not.toContain('GB-NURSE');
    // History is kept: on the day before, the CCG still had no nurse.
    expect(
      (await gov.compliance(noNurse.ccgCode, '2013-09-30')).governingBody.map((v) => v.ruleId),
    ).toContain('GB-NURSE');

    const person = (await gov.people(noNurse.ccgCode)).items.find((p) => p.personId === nurse.personId)!;
    const ended = await gov.endAppointment(
      noNurse.ccgCode,
      nurse.personId,
      person.appointments[0]!.appointmentId,
      '2014-03-31',
    );
    expect(
      (await gov.compliance(noNurse.ccgCode, '2014-04-01')).governingBody.map((v) => v.ruleId),
    ).toContain('GB-NURSE');
    expect(ended.endDate).toBe('2014-03-31');
  });

  it('refuses to end an appointment twice, or before it began', async () => {
    const gov = server.services.governance;
    const [p] = (await gov.people('00C')).items.filter((x) => x.appointments.length > 0);
    const a = p!.appointments[0]!;
    await expect(gov.endAppointment('00C', p!.personId, a.appointmentId, '2000-01-01')).rejects.toMatchObject(
      { problems: [expect.objectContaining({ path: 'body.endDate' })] },
    );
    await gov.endAppointment('00C', p!.personId, a.appointmentId, '2015-03-31');
    await expect(gov.endAppointment('00C', p!.personId, a.appointmentId, '2015-06-30')).rejects.toMatchObject(
      { kind: 'conflict' },
    );
  });
});
