import { z } from 'zod';
import { isoDate } from '../organisations/schemas.ts';
import { governingBodyPersonSchema } from './governing-body-file.ts';
import { ATTENDEE_CATEGORIES, DECLARANT_CAPACITIES, GOVERNING_BODY_ROLES, INTEREST_TYPES } from './model.ts';
import { MEETING_BODIES } from './records.ts';

/** Request and response schemas of the governance API (zod, also the OpenAPI documentation). */

export const ccgParams = z.object({
  code: z
    .string()
    .regex(/^[0-9A-Za-z]{3}$/, 'must be a CCG ODS code such as 00C')
    .transform((c) => c.toUpperCase()),
});
// Meeting ids: `00C-M-1a2b3c4d` for meetings made in the platform, `00C-M02` for the synthetic demo's.
export const meetingParams = z.object({
  meetingId: z.string().regex(/^[0-9A-Z]{3}-M[\w-]{1,40}$/, 'must be a meeting id'),
});

const declaredEntity = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('organisation'),
    code: z.string().regex(/^[A-Za-z0-9-]{3,12}$/, 'must be an ODS code'),
  }),
  z.object({
    kind: z.literal('company'),
    companyNumber: z.string().regex(/^[A-Za-z0-9]{1,8}$/, 'must be a Companies House number'),
  }),
]);
const entityRef = z.discriminatedUnion('kind', [
  ...declaredEntity.options,
  z.object({ kind: z.literal('service'), name: z.string().min(1).max(200) }),
]);

export const newDeclarationBody = z
  .object({
    personId: z.string().min(1).max(60),
    capacity: z.enum(DECLARANT_CAPACITIES),
    interestType: z.enum(INTEREST_TYPES),
    description: z.string().trim().min(3).max(2000),
    entity: declaredEntity.nullable(),
    aroseOn: isoDate,
    startDate: isoDate,
    endDate: isoDate.nullable(),
  })
  .refine((d) => d.endDate === null || d.endDate >= d.startDate, {
    path: ['endDate'],
    message: 'must not be before startDate',
  });

export const newPersonBody = governingBodyPersonSchema.omit({ personId: true, appointments: true }).extend({
  capacity: z.enum(DECLARANT_CAPACITIES),
  startDate: isoDate,
});
export const appointmentBody = z.object({
  roles: z.array(z.enum(GOVERNING_BODY_ROLES)).min(1).max(4),
  startDate: isoDate,
  termEndDate: isoDate.nullable(),
});
export const endAppointmentBody = z.object({ endDate: isoDate });
export const personParams = ccgParams.extend({
  personId: z.string().regex(/^[0-9A-Z]{3}-[\w-]{1,40}$/, 'must be a person id such as 00C-P01'),
});
export const appointmentParams = personParams.extend({ appointmentId: z.string().min(1).max(80) });

export const nilReturnBody = z.object({
  personId: z.string().min(1).max(60),
  capacity: z.enum(DECLARANT_CAPACITIES),
});

export const giftBody = z.object({
  personId: z.string().min(1).max(60),
  kind: z.enum(['gift', 'hospitality']),
  description: z.string().trim().min(3).max(1000),
  offeredOn: isoDate,
  valuePence: z.number().int().min(0).max(100_000_000),
  donor: z.object({
    name: z.string().trim().min(1).max(200),
    entity: declaredEntity.nullable(),
    isSupplierOrContractor: z.boolean(),
  }),
  cashOrVoucher: z.boolean(),
  accepted: z.boolean(),
  declaredOn: isoDate.nullable(),
  seniorApprovalBy: z.string().max(200).nullable(),
});

export const breachBody = z.object({
  reportedOn: isoDate,
  personId: z.string().min(1).max(60).nullable(),
  description: z.string().trim().min(3).max(4000),
  actionTaken: z.string().trim().max(4000),
});

const quorumRule = z.object({
  minimumMembers: z.number().int().min(1).max(50),
  requiredRoles: z
    .array(z.object({ category: z.enum(ATTENDEE_CATEGORIES), minimum: z.number().int().min(1).max(20) }))
    .max(10),
  fallback: z.enum(['defer', 'refer_to_committee', 'co_opt']),
});

export const constitutionContent = z.object({
  name: z.string().max(300),
  area: z.string().max(4000),
  members: z.array(z.string().max(12)).max(500),
  decisionMaking: z.object({
    schemeOfReservationAndDelegation: z.array(z.string().max(2000)).max(200),
    committees: z.array(z.object({ name: z.string().max(200), quorum: quorumRule })).max(30),
    governingBodyQuorum: quorumRule.nullable(),
  }),
  conflictsOfInterest: z.string().max(20000),
  transparency: z.string().max(20000),
  publicInvolvement: z.string().max(20000),
});

export const variationBody = z.object({ effectiveFrom: isoDate, content: constitutionContent });
export const decisionBody = z.object({ approve: z.boolean(), note: z.string().trim().min(1).max(4000) });
export const versionParams = ccgParams.extend({ version: z.coerce.number().int().min(1) });

const agendaItem = z.object({
  itemId: z.string().regex(/^[\w-]{1,20}$/, 'letters, digits, - or _ (up to 20)'),
  title: z.string().trim().min(1).max(300),
  part: z.enum(['public', 'private']).optional(),
  privateReason: z.string().max(1000).nullable(),
  decision: z.boolean(),
  concernedEntities: z.array(entityRef).max(50),
});

export const newMeetingBody = z.object({
  body: z.enum(MEETING_BODIES),
  date: isoDate,
  part: z.enum(['public', 'private']),
  chairPersonId: z.string().min(1).max(60),
  deputyChairPersonId: z.string().min(1).max(60).nullable(),
  quorum: quorumRule,
  agendaItems: z.array(agendaItem).min(1).max(60),
  attendees: z
    .array(
      z.object({
        personId: z.string().min(1).max(60),
        voting: z.boolean(),
        categories: z.array(z.enum(ATTENDEE_CATEGORIES)).max(6),
      }),
    )
    .min(1)
    .max(60),
});

const management = z.enum(['leave_room', 'no_vote', 'declare_only']);
export const outcomeBody = z.object({
  presentPersonIds: z.array(z.string().min(1).max(60)).min(1).max(60),
  declarationsAtMeeting: z
    .array(
      z.object({
        personId: z.string().min(1).max(60),
        capacity: z.enum(DECLARANT_CAPACITIES),
        interestType: z.enum(INTEREST_TYPES),
        description: z.string().trim().min(3).max(2000),
        entity: declaredEntity.nullable(),
      }),
    )
    .max(60),
  items: z
    .array(
      z.object({
        itemId: z.string().min(1).max(20),
        conflictsHandled: z
          .array(
            z.object({
              personId: z.string().min(1).max(60),
              declarationId: z.string().max(80).nullable(),
              management,
              note: z.string().max(1000),
            }),
          )
          .max(60),
        chairedBy: z.string().max(60).nullable(),
        quorate: z.boolean(),
        discussion: z.string().max(20000),
        decision: z.string().max(4000).nullable(),
        votes: z
          .object({
            for: z.number().int().min(0),
            against: z.number().int().min(0),
            abstain: z.number().int().min(0),
          })
          .nullable(),
        procurement: z.boolean(),
      }),
    )
    .max(60),
});

export const governanceViolation = z.object({
  ruleId: z.string(),
  legalRef: z.string(),
  severity: z.enum(['error', 'warning']),
  subjectType: z.string(),
  subjectCode: z.string(),
  message: z.string(),
  detail: z.record(z.string(), z.unknown()).optional(),
});

export const governingBodyResponse = z.object({
  asAt: z.string(),
  ccgCode: z.string(),
  ccgName: z.string(),
  synthetic: z.boolean(),
  members: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      roles: z.array(z.enum(GOVERNING_BODY_ROLES)),
      startDate: z.string(),
      termEndDate: z.string().nullable(),
      synthetic: z.boolean(),
    }),
  ),
});

/** Nested governance records are documented by their TypeScript types in src/modules/governance. */
export const anyRecord = z.record(z.string(), z.unknown());
