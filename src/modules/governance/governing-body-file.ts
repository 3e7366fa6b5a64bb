import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { isoDate } from '../organisations/schemas.ts';
import {
  DISMISSAL_EMPLOYER_KINDS,
  GOVERNING_BODY_ROLES,
  type GoverningBodyInput,
  OFFICE_ROLES,
  ORGANISATION_KINDS,
} from './model.ts';

/**
 * The JSON file `commissioner governance check FILE` reads: a governing body as GoverningBodyInput
 * (src/modules/governance/model.ts). Person attributes default to false, so a file states what is true.
 */
const flag = z.boolean().default(false);
const attributes = z.object({
  isCcgEmployee: flag,
  hasAccountancyQualification: flag,
  canLeadFinancialManagement: flag,
  nmcRegisteredNurse: flag,
  gmcSpecialistRegisterOrEligible: flag,
  nhsConsultantWithin10Years: flag,
  onGpRegister: flag,
  isGpOfMemberPractice: flag,
  isIndividualMemberOfCcg: flag,
  otherHealthCareProfessional: flag,
  financeAndAuditExpertise: flag,
  knowledgeOfArea: flag,
});

export const governingBodyPersonSchema = z.object({
  personId: z.string().min(1),
  name: z.string().min(1),
  attributes: attributes.default(attributes.parse({})),
  employments: z
    .array(
      z.object({
        organisationName: z.string().min(1),
        organisationCode: z.string().nullable().default(null),
        companyNumber: z.string().nullable().default(null),
        organisationKind: z.enum(ORGANISATION_KINDS),
        role: z.enum(OFFICE_ROLES),
        startDate: isoDate,
        endDate: isoDate.nullable().default(null),
      }),
    )
    .default([]),
  convictions: z
    .array(
      z.object({
        convictedOn: isoDate,
        description: z.string(),
        imprisonmentMonths: z.number().int().min(0).nullable(),
        suspended: flag,
        optionOfFine: flag,
        outsideUk: flag,
        wouldBeOffenceInUk: flag,
      }),
    )
    .default([]),
  bankruptcyRestrictions: z
    .array(
      z.object({
        kind: z.enum(['order', 'interim_order']),
        startDate: isoDate,
        endDate: isoDate.nullable().default(null),
      }),
    )
    .default([]),
  dismissals: z
    .array(
      z.object({
        dismissedOn: isoDate,
        employerName: z.string(),
        employerKind: z.enum(DISMISSAL_EMPLOYER_KINDS),
        redundancy: flag,
      }),
    )
    .default([]),
  appointments: z
    .array(
      z.object({
        appointmentId: z.string().min(1),
        roles: z.array(z.enum(GOVERNING_BODY_ROLES)).min(1),
        startDate: isoDate,
        termEndDate: isoDate.nullable().default(null),
        endDate: isoDate.nullable().default(null),
      }),
    )
    .min(1),
});

export const governingBodyFileSchema = z.object({
  ccgCode: z.string().regex(/^[0-9A-Z]{3}$/, 'must be a CCG ODS code such as 00C'),
  people: z.array(governingBodyPersonSchema).min(1),
  context: z
    .object({
      commissionedProviderCodes: z.array(z.string()).default([]),
      memberPracticeCodes: z.array(z.string()).default([]),
    })
    .default({ commissionedProviderCodes: [], memberPracticeCodes: [] }),
});

/** Parses the file's JSON, reporting every problem with its path in the file. */
export function parseGoverningBodyFile(json: unknown, file: string): GoverningBodyInput {
  const parsed = governingBodyFileSchema.safeParse(json);
  if (!parsed.success) {
    throw AppError.validation(
      parsed.error.issues.map((i) => ({
        path: `${file}:${i.path.join('.') || '(root)'}`,
        message: i.message,
      })),
      `Invalid governing body file ${file}`,
    );
  }
  return parsed.data;
}
