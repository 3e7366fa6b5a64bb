import { z } from 'zod';

/** Shared zod schemas of the access-control API. */

export const orgCode = z
  .string()
  .regex(/^[A-Za-z0-9-]{2,20}$/, 'must be an organisation code: 2–20 letters, digits or hyphens')
  .transform((c) => c.toUpperCase());

export const orgCodeParams = z.object({ code: orgCode });

const isRealDate = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};
export const isoDateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isRealDate, 'must be a real date');

export const timestampText = z
  .string()
  .refine((v) => !Number.isNaN(Date.parse(v)), 'must be an ISO date or timestamp')
  .transform((v) => new Date(v).toISOString());

export const roleView = z.object({
  assignmentId: z.number(),
  role: z.string(),
  title: z.string(),
  orgCode: z.string().nullable(),
  orgName: z.string().nullable(),
  orgType: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** In force today. */
  current: z.boolean(),
});

export const personView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
});
