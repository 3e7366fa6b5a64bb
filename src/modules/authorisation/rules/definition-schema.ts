/**
 * Schema pieces every authorisation definition file shares: its top-level metadata, dates, and the
 * conversion of zod issues to problems with paths (DESIGN habits 2 and 4).
 */
import { z } from 'zod';
import type { Problem } from '../../../platform/errors.ts';
import { isIsoDate } from '../../organisations/rules/definitions.ts';

export { isIsoDate };

export const isoDate = z.string().refine(isIsoDate, 'must be a valid date written YYYY-MM-DD');
export const text = z.string().trim().min(1, 'must not be empty');
export const wholeNumber = (min: number) =>
  z.number().int('must be a whole number').min(min, `must be at least ${min}`);

/** The metadata fields, spread into each file's schema. */
export const metadataShape = {
  id: text,
  title: text,
  source: text,
  confidence: z.enum(['confirmed', 'partial', 'unconfirmed']),
  effective_from: isoDate,
  effective_to: isoDate.nullable(),
  reviewed_on: isoDate,
  notes: z.array(text),
};

export function toProblems(error: z.ZodError, prefix: string, code: string): Problem[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: issue.message,
    code,
  }));
}

/** A problem when a period ends before it starts. */
export function periodProblems(
  from: string,
  to: string | null,
  path: string,
  fromKey = 'effective_from',
  toKey = 'effective_to',
): Problem[] {
  if (to === null || to >= from) return [];
  return [
    {
      path: [path, toKey].filter(Boolean).join('.'),
      message: `ends (${to}) before it starts (${from}, ${fromKey})`,
      code: 'invalid_period',
    },
  ];
}

/** A problem when an unconfirmed entry does not say UNCONFIRMED where its source is recorded. */
export function unconfirmedNoteProblems(confidence: string, note: string, path: string): Problem[] {
  if (confidence !== 'unconfirmed' || /UNCONFIRMED/.test(note)) return [];
  return [
    {
      path,
      message: 'an unconfirmed entry must say UNCONFIRMED where it records its source',
      code: 'unconfirmed_without_note',
    },
  ];
}
