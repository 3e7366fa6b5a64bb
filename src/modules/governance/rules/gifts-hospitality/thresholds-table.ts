/**
 * The versioned gifts and hospitality threshold table (definitions/governance/
 * gifts-hospitality-thresholds.json). Loads nothing: a caller passes the parsed JSON to
 * `loadGiftsHospitalityTable`, which reports every problem with its path.
 */
import { z } from 'zod';
import { AppError, type Problem } from '../../../../platform/errors.ts';
import type { GiftHospitalityTable, GiftHospitalityTableVersion } from '../../model.ts';
import { isIsoDate } from '../dates.ts';

const isoDate = z.string().refine(isIsoDate, 'must be a valid date written YYYY-MM-DD');
const text = z.string().trim().min(1, 'must not be empty');
const pence = z.number().int('must be whole pence').min(0, 'must not be negative');

const THRESHOLD_NAMES = [
  'supplierGiftAcceptUpToPence',
  'giftDeclareAbovePence',
  'giftAboveThresholdOnBehalfOfOrganisation',
  'cumulativeGiftWindowMonths',
  'declineCashAndVouchers',
  'hospitalityDeclareAbovePence',
  'hospitalityRefuseAbovePence',
] as const;
type ThresholdName = (typeof THRESHOLD_NAMES)[number];

export const giftHospitalityVersionSchema = z.strictObject({
  version: text,
  title: text,
  legalRef: text,
  source: text,
  confidence: z.enum(['confirmed', 'unconfirmed']),
  enabled: z.boolean(),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  reviewedOn: isoDate,
  thresholds: z.strictObject({
    supplierGiftAcceptUpToPence: pence.nullable(),
    giftDeclareAbovePence: pence,
    giftAboveThresholdOnBehalfOfOrganisation: z.boolean(),
    cumulativeGiftWindowMonths: z
      .number()
      .int('must be whole months')
      .min(1, 'must be at least 1')
      .nullable(),
    declineCashAndVouchers: z.boolean(),
    hospitalityDeclareAbovePence: pence,
    hospitalityRefuseAbovePence: pence.nullable(),
  }),
  // A note per threshold saying where its value comes from.
  notes: z.strictObject(
    Object.fromEntries(THRESHOLD_NAMES.map((name) => [name, text])) as Record<ThresholdName, typeof text>,
  ),
}) satisfies z.ZodType<GiftHospitalityTableVersion>;

export const giftHospitalityTableSchema = z.strictObject({
  id: z.literal('gifts-hospitality-thresholds'),
  versions: z.array(z.unknown()).min(1, 'must have at least one version'),
});

function toProblems(error: z.ZodError, prefix: string): Problem[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: issue.message,
    code: 'invalid_threshold_table',
  }));
}

function checkVersion(v: GiftHospitalityTableVersion, path: string): Problem[] {
  const problems: Problem[] = [];
  if (v.effectiveTo !== null && v.effectiveTo < v.effectiveFrom) {
    problems.push({
      path: `${path}.effectiveTo`,
      message: `ends (${v.effectiveTo}) before it starts (${v.effectiveFrom})`,
      code: 'invalid_period',
    });
  }
  const { hospitalityDeclareAbovePence: declare, hospitalityRefuseAbovePence: refuse } = v.thresholds;
  if (refuse !== null && refuse < declare) {
    problems.push({
      path: `${path}.thresholds.hospitalityRefuseAbovePence`,
      message: `is below the declaration threshold (${declare})`,
      code: 'invalid_threshold',
    });
  }
  if (v.confidence === 'unconfirmed' && !/unconfirmed/i.test(v.source)) {
    problems.push({
      path: `${path}.source`,
      message: 'an unconfirmed version must say in its source what is unconfirmed',
      code: 'unconfirmed_without_note',
    });
  }
  return problems;
}

const overlaps = (a: GiftHospitalityTableVersion, b: GiftHospitalityTableVersion): boolean =>
  a.effectiveFrom <= (b.effectiveTo ?? '9999-12-31') && b.effectiveFrom <= (a.effectiveTo ?? '9999-12-31');

/**
 * Validates the parsed threshold table: structure, dates, thresholds in order, a note per threshold,
 * unique version names and no two versions in effect on the same day. Throws one `AppError.validation`
 * listing every problem.
 */
export function loadGiftsHospitalityTable(json: unknown): GiftHospitalityTable {
  const table = giftHospitalityTableSchema.safeParse(json);
  if (!table.success)
    throw AppError.validation(toProblems(table.error, ''), 'Invalid gifts and hospitality table');
  const problems: Problem[] = [];
  const versions: { version: GiftHospitalityTableVersion; path: string }[] = [];
  table.data.versions.forEach((raw, index) => {
    const path = `versions.${index}`;
    const parsed = giftHospitalityVersionSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...toProblems(parsed.error, path));
      return;
    }
    problems.push(...checkVersion(parsed.data, path));
    for (const earlier of versions) {
      if (earlier.version.version === parsed.data.version) {
        problems.push({
          path: `${path}.version`,
          message: `duplicate version "${parsed.data.version}" (first at ${earlier.path})`,
          code: 'duplicate_version',
        });
      }
      if (overlaps(earlier.version, parsed.data)) {
        problems.push({
          path: `${path}.effectiveFrom`,
          message: `overlaps ${earlier.path} ("${earlier.version.version}")`,
          code: 'overlapping_versions',
        });
      }
    }
    versions.push({ version: parsed.data, path });
  });
  if (problems.length) throw AppError.validation(problems, 'Invalid gifts and hospitality table');
  return { id: 'gifts-hospitality-thresholds', versions: versions.map((v) => v.version) };
}

/** The enabled version in effect on `date`, if any. */
export function thresholdVersionOn(
  table: GiftHospitalityTable,
  date: string,
): GiftHospitalityTableVersion | null {
  return (
    table.versions.find(
      (v) => v.enabled && v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo),
    ) ?? null
  );
}
