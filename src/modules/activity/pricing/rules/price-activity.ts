import {
  ADMITTED_PODS,
  type BptArea,
  NON_ELECTIVE_PODS,
  OUTPATIENT_PODS,
  POINTS_OF_DELIVERY,
  type PricedActivity,
  type PriceEntry,
  type PricingOptions,
  type PricingRow,
  priceKey,
  type Tariff,
} from '../model.ts';
import { applyBasisPoints, BASIS_POINTS, daysBetween } from './money.ts';
import { readmissionStatus } from './readmission.ts';

/** Non-elective spells of at most this many days are short stays (the reference-cost NES sheet: 0–1 days). */
export const SHORT_STAY_MAX_DAYS = 1;

/**
 * Prices one activity row under Payment by Results 2013/14, as far as the row alone decides it:
 *
 *   base price (spell, attendance or contact; short-stay price for 0–1 day emergency spells)
 *   + excess bed days over the trim point × the excess bed day price (admitted care)
 *   + best practice tariff adjustment (criteria met / not met)
 *   × market forces factor of the provider (national prices only)
 *   − the avoidable share of a counted 30-day emergency readmission.
 *
 * The marginal rate emergency rule works on contract totals, not rows: see marginal-rate.ts.
 * An unknown point of delivery or currency, or a spell discharged before it started, is priced at
 * nothing with `priceSource: 'no_price'` and a reason that says why.
 */
export function priceActivity(row: PricingRow, tariff: Tariff, options: PricingOptions): PricedActivity {
  const currency = row.hrg_code;
  const pod = row.point_of_delivery ?? '';
  if (!(POINTS_OF_DELIVERY as readonly string[]).includes(pod)) {
    return noPrice(row, options, `unknown point of delivery '${pod}'`);
  }
  const outpatient = (OUTPATIENT_PODS as readonly string[]).includes(pod);
  const key = priceKey(
    pod,
    currency ?? '',
    outpatient ? row.treatment_function_code : '',
    pod === 'AE' ? (row.ae_department_type ?? '') : '',
  );
  const entry = tariff.prices.get(key);
  if (!entry) return noPrice(row, options, missingPriceReason(row));

  const admitted = (ADMITTED_PODS as readonly string[]).includes(pod);
  const lengthOfStay = admitted ? daysBetween(row.activity_start_date, row.activity_end_date) : null;
  if (lengthOfStay !== null && lengthOfStay < 0) {
    return noPrice(row, options, 'discharge date before admission date');
  }

  const shortStay =
    options.shortStayEmergency === 'reference_cost_short_stay' &&
    (NON_ELECTIVE_PODS as readonly string[]).includes(pod) &&
    entry.shortStayPricePence !== null &&
    lengthOfStay !== null &&
    lengthOfStay <= SHORT_STAY_MAX_DAYS;
  const basePrice = shortStay ? (entry.shortStayPricePence as number) : entry.pricePence;

  const excessBedDays =
    entry.trimPointDays !== null &&
    entry.excessBedDayPricePence !== null &&
    lengthOfStay !== null &&
    lengthOfStay > entry.trimPointDays
      ? lengthOfStay - entry.trimPointDays
      : 0;
  const excessBedDayPayment = excessBedDays * (entry.excessBedDayPricePence ?? 0);

  const area = bptAreaFor(entry, row, options);
  const bptAdjustment = area ? bptAdjustmentFor(area, basePrice, row.best_practice_criteria_met, options) : 0;

  const national = entry.source === 'national_tariff_derived';
  const providerMff = tariff.mff.get(row.provider_code);
  const mffBp = national && options.applyMff ? (providerMff ?? BASIS_POINTS) : BASIS_POINTS;
  const gross = applyBasisPoints(basePrice + excessBedDayPayment + bptAdjustment, mffBp);

  const status = readmissionStatus(row, entry.source, options.readmissions.exclusions);
  const readmissionDeduction =
    status === 'counted' ? applyBasisPoints(gross, options.readmissions.avoidableShareBp) : 0;

  let reason = entry.label;
  if (admitted && row.activity_end_date === null) reason += '; no discharge date: length of stay unknown';
  if (national && options.applyMff && providerMff === undefined) {
    reason += `; provider ${row.provider_code ?? ''} has no MFF: 1.0000 applied`;
  }
  return {
    currency,
    basePrice,
    excessBedDays,
    excessBedDayPayment,
    bptAdjustment,
    mffFactor: mffBp / BASIS_POINTS,
    readmissionDeduction,
    price: gross - readmissionDeduction,
    priceSource: entry.source,
    reason,
    bptArea: area?.id ?? null,
    readmissionStatus: status,
  };
}

/** The enabled BPT area of a price, if the row is within its age criterion. */
function bptAreaFor(entry: PriceEntry, row: PricingRow, options: PricingOptions): BptArea | null {
  if (entry.bptArea === null) return null;
  const area = options.bptAreas.find((a) => a.id === entry.bptArea);
  if (!area?.enabled) return null;
  if (area.minimumAge !== null && !(row.age_at_activity_date >= area.minimumAge)) return null;
  return area;
}

function bptAdjustmentFor(
  area: BptArea,
  basePrice: number,
  criteriaMet: boolean | null,
  options: PricingOptions,
): number {
  const met = criteriaMet ?? (options.bptMissingCriteria === 'not_met' ? false : null);
  if (met === null) return 0;
  const adjustment = met ? area.criteriaMet : area.criteriaNotMet;
  return applyBasisPoints(basePrice, adjustment.shareOfBaseBp) + adjustment.fixedPence;
}

function missingPriceReason(row: PricingRow): string {
  const pod = row.point_of_delivery;
  const currency = row.hrg_code ?? '';
  if ((OUTPATIENT_PODS as readonly string[]).includes(pod)) {
    return `no price for ${currency} at ${pod} for treatment function ${row.treatment_function_code ?? ''}`;
  }
  if (pod === 'AE') {
    return row.ae_department_type === null
      ? `no price for ${currency} at AE: no A&E department type`
      : `no price for ${currency} at AE for department type ${row.ae_department_type}`;
  }
  if (pod === 'COM' || pod === 'MH') return `no local price for ${currency} at ${pod}`;
  return `no price for ${currency} at ${pod}`;
}

function noPrice(row: PricingRow, options: PricingOptions, reason: string): PricedActivity {
  return {
    currency: row.hrg_code,
    basePrice: 0,
    excessBedDays: 0,
    excessBedDayPayment: 0,
    bptAdjustment: 0,
    mffFactor: null,
    readmissionDeduction: 0,
    price: 0,
    priceSource: 'no_price',
    reason,
    bptArea: null,
    readmissionStatus: readmissionStatus(row, 'no_price', options.readmissions.exclusions),
  };
}
