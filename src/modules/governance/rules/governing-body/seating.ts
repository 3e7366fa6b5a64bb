/**
 * The governing body as at a date: who sits on it, in which roles, and the person tests the
 * composition rules share (lay person, health care professional, GP member, in-force offices).
 */
import type {
  EmploymentOrOffice,
  GoverningBodyAppointment,
  GoverningBodyInput,
  GoverningBodyPerson,
  GoverningBodyRole,
  PersonAttributes,
} from '../../model.ts';
import { inPeriod, isIsoDate } from '../dates.ts';
import { normaliseOrganisationCode } from '../entities.ts';

export interface SeatedMember {
  readonly person: GoverningBodyPerson;
  /** Appointments in force on the date. */
  readonly appointments: readonly GoverningBodyAppointment[];
  readonly roles: ReadonlySet<GoverningBodyRole>;
}

export interface SeatedBody {
  readonly ccgCode: string;
  readonly asAt: string;
  readonly members: readonly SeatedMember[];
  /** Normalised ODS codes. */
  readonly commissionedProviderCodes: ReadonlySet<string>;
  readonly memberPracticeCodes: ReadonlySet<string>;
}

const hasValidDates = (a: GoverningBodyAppointment): boolean =>
  isIsoDate(a.startDate) && (a.endDate === null || isIsoDate(a.endDate));

/** An appointment in force on the date; one with unreadable dates is never in force (GB-APPOINTMENT-TERM reports it). */
export const appointmentInForce = (a: GoverningBodyAppointment, asAt: string): boolean =>
  hasValidDates(a) && inPeriod(asAt, a.startDate, a.endDate);

function codeSet(codes: readonly string[]): ReadonlySet<string> {
  return new Set(codes.map(normaliseOrganisationCode).filter((c): c is string => c !== null));
}

/** Seats everyone with an appointment in force on `asAt`. */
export function seatGoverningBody(input: GoverningBodyInput, asAt: string): SeatedBody {
  const members: SeatedMember[] = [];
  for (const person of input.people) {
    const appointments = person.appointments.filter((a) => appointmentInForce(a, asAt));
    if (appointments.length === 0) continue;
    members.push({ person, appointments, roles: new Set(appointments.flatMap((a) => a.roles)) });
  }
  return {
    ccgCode: input.ccgCode,
    asAt,
    members,
    commissionedProviderCodes: codeSet(input.context.commissionedProviderCodes),
    memberPracticeCodes: codeSet(input.context.memberPracticeCodes),
  };
}

export const holders = (body: SeatedBody, role: GoverningBodyRole): SeatedMember[] =>
  body.members.filter((m) => m.roles.has(role));

/** s14N(6): a member of a profession regulated under NHSRHCPA 2002 s25(3) (nurses and doctors included). */
export const isHealthCareProfessional = (a: PersonAttributes): boolean =>
  a.nmcRegisteredNurse ||
  a.onGpRegister ||
  a.gmcSpecialistRegisterOrEligible ||
  a.otherHealthCareProfessional;

/**
 * Why a person is not a lay person under s14N(6) (empty: lay). The third limb, "an individual of a
 * prescribed description", is not checked: no prescribed description was found.
 */
export function notLayReasons(a: PersonAttributes): string[] {
  const reasons: string[] = [];
  if (a.isIndividualMemberOfCcg) reasons.push('individual_member_of_ccg');
  if (isHealthCareProfessional(a)) reasons.push('health_care_professional');
  return reasons;
}

export const isLayPerson = (a: PersonAttributes): boolean => notLayReasons(a).length === 0;

/** Employments and offices in force on the date (ones with unreadable dates are ignored). */
export function officesInForce(person: GoverningBodyPerson, asAt: string): EmploymentOrOffice[] {
  return person.employments.filter(
    (e) =>
      isIsoDate(e.startDate) &&
      (e.endDate === null || isIsoDate(e.endDate)) &&
      inPeriod(asAt, e.startDate, e.endDate),
  );
}

/** Whether the office's organisation is one of `codes` (exact, normalised ODS code). */
export function officeCodeIn(office: EmploymentOrOffice, codes: ReadonlySet<string>): boolean {
  const code = office.organisationCode === null ? null : normaliseOrganisationCode(office.organisationCode);
  return code !== null && codes.has(code);
}

/** A short description of an office for messages and details. */
export const describeOffice = (o: EmploymentOrOffice): string =>
  `${o.role} of ${o.organisationName}${o.organisationCode ? ` (${o.organisationCode})` : ''}`;

export const officeDetail = (o: EmploymentOrOffice) => ({
  organisationName: o.organisationName,
  organisationCode: o.organisationCode,
  companyNumber: o.companyNumber,
  organisationKind: o.organisationKind,
  role: o.role,
  startDate: o.startDate,
  endDate: o.endDate,
});

export const personSubject = (m: SeatedMember) => ({ type: 'person' as const, code: m.person.personId });
export const ccgSubject = (body: SeatedBody) => ({ type: 'ccg' as const, code: body.ccgCode });
export const names = (members: readonly SeatedMember[]): string =>
  members.map((m) => `${m.person.name} (${m.person.personId})`).join(', ');
