import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';

export const CSU_MAPPING_FILE = 'definitions/organisations/csu-by-area-team.json';

/** Reviewed-data metadata every definitions file carries (DESIGN habit 2). */
export const definitionMetadata = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  source: z.string().min(1),
  confidence: z.enum(['confirmed', 'unconfirmed']),
  effective_from: z.iso.date(),
  effective_to: z.iso.date().nullable(),
  reviewed_on: z.iso.date(),
});

const csuMappingSchema = definitionMetadata.extend({
  provenance: z.literal('illustrative'),
  mapping: z.record(z.string().regex(/^Q\d{2}$/, 'keys are area team codes Q44–Q70'), z.string().min(1)),
});
export type CsuMapping = z.infer<typeof csuMappingSchema>;

/** Reads the illustrative area team → CSU mapping, reporting every schema problem at once. */
export function loadCsuMapping(file = path.join(REPO_ROOT, CSU_MAPPING_FILE)): CsuMapping {
  const parsed = csuMappingSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw AppError.validation(
      parsed.error.issues.map((i) => ({
        path: `${CSU_MAPPING_FILE}:${i.path.join('.')}`,
        message: i.message,
      })),
      `Invalid definitions file ${CSU_MAPPING_FILE}`,
    );
  }
  return parsed.data;
}
