import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';

/** The activity file layout (definitions/activity/layout.json): what a load accepts and the generator writes. */
const columnSchema = z.object({
  name: z.string().regex(/^[a-z0-9_]+$/),
  type: z.enum(['VARCHAR', 'DATE', 'INTEGER', 'BOOLEAN']),
  required: z.boolean(),
  data_dictionary: z.string().nullable(),
  values: z.array(z.string()).optional(),
  description: z.string(),
});
const layoutSchema = z.object({
  id: z.literal('activity-layout'),
  version: z.string(),
  title: z.string(),
  note: z.string(),
  columns: z.array(columnSchema).min(1),
  derived_at_load: z.array(z.object({ name: z.string(), type: z.string(), description: z.string() })),
});

export type LayoutColumn = z.infer<typeof columnSchema>;
export type ActivityLayout = z.infer<typeof layoutSchema>;

export const LAYOUT_FILE = path.join(REPO_ROOT, 'definitions', 'activity', 'layout.json');

let cached: ActivityLayout | undefined;

export function activityLayout(): ActivityLayout {
  if (cached) return cached;
  const parsed = layoutSchema.safeParse(JSON.parse(readFileSync(LAYOUT_FILE, 'utf8')));
  if (!parsed.success) {
    throw AppError.validation(
      parsed.error.issues.map((i) => ({
        path: i.path.join('.'),
        message: i.message,
        code: 'invalid_layout',
      })),
      'Invalid activity layout definition',
    );
  }
  cached = parsed.data;
  return cached;
}

/** The financial year the engine prices: 2013/14 (the last DH tariff year). */
export const FINANCIAL_YEAR = { start: '2013-04-01', end: '2014-03-31', label: '2013/14' } as const;
