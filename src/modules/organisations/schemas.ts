import { z } from 'zod';
import { isValidIsoDate } from '../../reference/fields.ts';
import { ORG_TYPES, RELATIONSHIP_KINDS } from './model.ts';

/** The as-at date the registry answers for when none is given: the April 2013 reference snapshot. */
export const DEFAULT_AS_AT = '2013-04-01';

export const isoDate = z
  .string()
  .refine(isValidIsoDate, { message: 'must be a real date written YYYY-MM-DD' })
  .describe('A date, YYYY-MM-DD');

export const asAtQuery = z.object({
  asAt: isoDate.default(DEFAULT_AS_AT).describe('Answer as at this date (default 2013-04-01)'),
});

export const codeParams = z.object({
  code: z
    .string()
    .regex(/^[A-Za-z0-9-]{2,20}$/, 'must be an organisation code: 2–20 letters, digits or hyphens')
    .transform((c) => c.toUpperCase()),
});

export const listQuery = asAtQuery.extend({
  // An empty box (`q=`) means no text filter, as a search form sends it.
  q: z
    .preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).max(100).optional())
    .describe('Text to find in the name or code'),
  type: z.enum(ORG_TYPES).optional(),
  code: z.string().trim().max(20).optional(),
  parent: z
    .string()
    .trim()
    .max(20)
    .optional()
    .describe('Only organisations directly under this one as at the date'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const provenance = z.enum(['sourced', 'illustrative']);
const orgType = z.enum(ORG_TYPES);

export const organisationSchema = z.object({
  code: z.string(),
  orgType,
  name: z.string(),
  shortName: z.string().nullable(),
  onsCode: z.string().nullable(),
  postcode: z.string().nullable(),
  openDate: z.string().nullable(),
  closeDate: z.string().nullable(),
  provenance,
  provenanceNote: z.string().nullable(),
  source: z.string(),
  attributes: z.record(z.string(), z.unknown()),
});

export const relatedSchema = z.object({
  kind: z.enum(RELATIONSHIP_KINDS),
  direction: z.enum(['outgoing', 'incoming']),
  code: z.string(),
  name: z.string(),
  orgType,
  startDate: z.string(),
  endDate: z.string().nullable(),
  share: z.string().nullable(),
  provenance,
  provenanceNote: z.string().nullable(),
});

export const violationSchema = z.object({
  ruleId: z.string(),
  legalRef: z.string(),
  severity: z.enum(['error', 'warning']),
  subjectType: z.string(),
  subjectCode: z.string(),
  message: z.string(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
