import { z } from 'zod';
import { isoDate } from '../organisations/schemas.ts';
import { INTERVENTION_POWER_IDS } from './assurance-model.ts';
import { DOMAIN_NUMBERS, SUPPORT_LEVEL_NUMBERS, WAVE_NUMBERS } from './model.ts';

/** Request schemas of the authorisation and assurance API (zod, also the OpenAPI documentation). */

export { ccgParams } from '../governance/schemas.ts';

export const anyRecord = z.record(z.string(), z.unknown());
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const longText = z.string().max(20_000);
const orgCode = z
  .string()
  .regex(/^[A-Za-z0-9-]{3,12}$/, 'must be an ODS code')
  .transform((c) => c.toUpperCase());
const criterionId = z.string().regex(/^[1-6]\.\d+(\.\d+)?[A-Z]$/, 'must be a criterion id such as 3.1.1C');
const evidenceRefs = z.array(text(200)).max(50).default([]);

export const assessmentIdParams = z.object({
  assessmentId: z.string().regex(/^AA-[0-9A-Z]{3}-\d{4}-\d{2}$/, 'must be an annual assessment id'),
});
export const hwbResponseParams = assessmentIdParams.extend({
  hwbCode: z
    .string()
    .regex(/^[Ee]\d{8}$/, 'must be an HWB (local authority) code such as E06000005')
    .transform((c) => c.toUpperCase()),
});
export const interventionParams = z.object({
  interventionId: z.string().regex(/^INT-[0-9A-Z]{3}-[\w-]{1,40}$/, 'must be an intervention id'),
});

// ---- the CCG's application --------------------------------------------------------------------------

export const newApplicationBody = z.object({ wave: z.literal(WAVE_NUMBERS) });
export const selfCertificationBody = z.object({
  criterionId,
  status: text(40),
  statement: longText,
});
export const documentBody = z.object({
  title: z.string().max(300),
  documentType: text(60),
  documentDate: z.string(),
  author: z.string().max(200),
  criterionIds: z.array(criterionId).max(119),
  reference: z.string().max(1000),
  committee: z.string().max(200).nullable().default(null),
});
export const submitBody = z.object({ submittedOn: isoDate });

// ---- assessors ------------------------------------------------------------------------------------------

export const scoreBody = z.object({ criterionId, score: text(40), rationale: longText });
export const surveyResponseBody = z.object({
  respondentType: text(40),
  respondentOrgCode: orgCode.nullable().default(null),
  respondentName: z.string().max(200),
  answers: z.record(z.string().max(10), z.number().int()),
  comment: z.string().max(5000).default(''),
  receivedOn: z.string(),
});
export const siteVisitBody = z.object({
  visitedOn: z.string(),
  panel: z.array(z.string().max(200)).max(20),
  notes: longText,
  flags: z
    .array(
      z.object({
        flag: z.enum(['green', 'red']),
        criterionId: criterionId.nullable(),
        note: z.string().max(2000),
      }),
    )
    .max(100)
    .default([]),
});

// ---- the Board --------------------------------------------------------------------------------------------

export const moderationBody = z.object({
  criterionId: criterionId.nullable().default(null),
  domain: z.literal(DOMAIN_NUMBERS).nullable().default(null),
  outcome: z.enum(['met', 'not_met']),
  rationale: longText,
});

const exerciser = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('board') }),
  z.object({ kind: z.literal('ccg'), ccgCode: orgCode, ccgName: text(200) }),
]);
const direction = z.object({
  directionId: text(20),
  functions: z.array(text(500)).min(1).max(20),
  exercisedBy: exerciser,
});
const condition = z.object({
  conditionId: text(20),
  criterionIds: z.array(criterionId).min(1).max(10),
  domain: z.literal(DOMAIN_NUMBERS),
  supportLevel: z.literal(SUPPORT_LEVEL_NUMBERS),
  reviewDate: isoDate,
  description: text(2000),
});

export const decisionBody = z.object({
  decidedOn: isoDate,
  outcome: z.enum(['authorise', 'authorise_with_conditions', 'not_authorised_with_directions']),
  conditions: z.array(condition).max(119).default([]),
  directions: z.array(direction).max(20).default([]),
  reason: longText,
  evidenceRefs,
});

const meta = { reason: text(2000), evidenceRefs };
/** Events the Board records on a CCG's lifecycle after (or before) the decision. */
export const boardEventBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('pathfinder_approval'),
    date: isoDate,
    evidence: z.object({
      gpLeadership: z.boolean(),
      localAuthorityEngagement: z.boolean(),
      qippContribution: z.boolean(),
      note: text(2000),
    }),
    delegatingPctCode: orgCode.nullable().default(null),
    ...meta,
  }),
  z.object({ kind: z.literal('lift_condition'), date: isoDate, conditionId: text(20), ...meta }),
  z.object({
    kind: z.literal('vary_condition'),
    date: isoDate,
    conditionId: text(20),
    supportLevel: z.literal(SUPPORT_LEVEL_NUMBERS),
    reviewDate: isoDate,
    description: text(2000),
    directions: z.array(direction).max(20).default([]),
    ...meta,
  }),
  z.object({
    kind: z.literal('vary_directions'),
    date: isoDate,
    directionId: text(20),
    functions: z.array(text(500)).min(1).max(20),
    exercisedBy: exerciser,
    ...meta,
  }),
  z.object({
    kind: z.literal('lift_directions'),
    date: isoDate,
    directionIds: z.array(text(20)).min(1).max(20),
    ...meta,
  }),
  z.object({ kind: z.literal('registry_event'), structuralEventId: z.number().int().positive(), ...meta }),
]);

// ---- ongoing assurance ------------------------------------------------------------------------------------

export const annualAssessmentBody = z.object({ financialYear: z.string().max(10), openedOn: isoDate });
export const hwbResponseBody = z.object({
  view: text(60),
  comments: z.string().max(10_000),
  respondedOn: z.string(),
  meeting: z
    .object({
      date: z.string(),
      attendees: z
        .array(
          z.object({
            personId: text(60),
            name: text(200),
            voting: z.boolean(),
            represents: z
              .array(z.object({ ccgCode: orgCode, startDate: isoDate, endDate: isoDate.nullable() }))
              .max(10),
          }),
        )
        .max(60),
    })
    .nullable()
    .default(null),
});
export const publishBody = z.object({
  publishedOn: z.string(),
  rating: text(60),
  summary: z.string().max(20_000),
  findings: z
    .array(z.object({ duty: text(20), finding: z.string().max(5000) }))
    .max(20)
    .default([]),
});

export const triggerEvidenceBody = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('finance'),
    asAt: isoDate,
    financialYear: z.string().regex(/^\d{4}-\d{2}$/, 'must be a financial year written YYYY-YY'),
    allocationPence: z.number().int().positive(),
    forecastOutturnPence: z.number().int().nonnegative(),
    note: text(2000),
  }),
  z.object({
    source: z.literal('outcomes'),
    asAt: isoDate,
    indicatorsAssessed: z.number().int().positive(),
    failures: z.array(z.object({ indicatorId: text(40), description: text(500) })).max(200),
    note: text(2000),
  }),
]);

export const interventionBody = z.object({
  ground: z.enum(['failing', 'significant_risk']),
  grounds: z.string().max(10_000),
  openedOn: isoDate,
});
export const consultationBody = z.object({
  consulteeCode: orgCode,
  basis: text(200),
  consultedOn: isoDate,
  response: z.string().max(10_000),
});
export const interventionDirectionBody = z.object({
  power: z.enum(INTERVENTION_POWER_IDS),
  functions: z.array(z.string().max(500)).max(20).default([]),
  exercisedBy: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('ccg_itself') }),
    z.object({ kind: z.literal('board') }),
    z.object({ kind: z.literal('ccg'), ccgCode: orgCode }),
  ]),
  givenOn: isoDate,
  until: isoDate.nullable().default(null),
  detail: z.string().max(10_000),
  dissolutionReport: z.string().max(20_000).nullable().default(null),
});
export const varyInterventionBody = z.object({
  directionId: text(60),
  functions: z.array(z.string().max(500)).min(1).max(20),
  variedOn: isoDate,
  note: z.string().max(5000),
});
export const reviewBody = z.object({
  reviewedOn: isoDate,
  outcome: z.enum(['continue', 'vary', 'lift']),
  note: z.string().max(5000),
});
export const liftBody = z.object({ directionIds: z.array(text(60)).max(20).default([]), liftedOn: isoDate });
