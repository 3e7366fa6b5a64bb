import type {
  Condition,
  PriceSource,
  PricingRow,
  ReadmissionExclusion,
  ReadmissionStatus,
} from '../model.ts';

/**
 * The emergency readmission rule of PbR 2012/13 onwards (REFERENCE.md §8.2 [C]): the agreed avoidable
 * share of emergency readmissions within 30 days of discharge is not paid, except for the listed
 * exclusions. This decides the status of one row; the deduction itself is in price-activity.ts.
 *
 * The exclusions are tested on the readmission row itself: the row carries no attributes of the
 * earlier (index) spell, only the loader's `emergency_readmission_30d` flag.
 */
export function readmissionStatus(
  row: PricingRow,
  priceSource: PriceSource,
  exclusions: readonly ReadmissionExclusion[],
): ReadmissionStatus {
  if (row.emergency_readmission_30d !== true || row.activity_type !== 'apc') return null;
  for (const exclusion of exclusions) {
    if (exclusion.enabled && exclusion.anyOf.some((c) => conditionHolds(c, row, priceSource)))
      return exclusion.id;
  }
  return 'counted';
}

/** One condition on a row; a missing value never matches. */
export function conditionHolds(condition: Condition, row: PricingRow, priceSource: PriceSource): boolean {
  if ('noNationalPrice' in condition) return priceSource !== 'national_tariff_derived';
  const value = row[condition.field];
  if (value === null || value === undefined) return false;
  if ('lessThan' in condition) return typeof value === 'number' && value < condition.lessThan;
  const text = String(value);
  if ('in' in condition) return condition.in.includes(text);
  return condition.prefixes.some((prefix) => text.startsWith(prefix));
}
