import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../../../platform/config.ts';
import { AppError, type Problem } from '../../../platform/errors.ts';
import { readCsv } from '../../../reference/csv.ts';
import {
  type BptArea,
  CONDITION_FIELDS,
  type Condition,
  LOCAL_PRICE_PODS,
  POINTS_OF_DELIVERY,
  type PointOfDelivery,
  type PriceEntry,
  type PricingOptions,
  priceKey,
  type ReadmissionExclusion,
  type Tariff,
} from './model.ts';
import { poundsToPence } from './rules/money.ts';

/**
 * Loads definitions/tariff/2013-14 into a typed `Tariff` (non-pure: reads files). Checks every file
 * and reports every problem at once, each with its place (`prices.csv:12: price_gbp: …`,
 * `best-practice.json: areas.2.hrgCodes: …`).
 */

export const TARIFF_DIR = path.join(REPO_ROOT, 'definitions', 'tariff', '2013-14');
export const TARIFF_LABEL = 'derived from 2013-14 reference costs';

export const PRICE_COLUMNS = [
  'point_of_delivery',
  'currency_code',
  'currency_description',
  'treatment_function_code',
  'ae_department_type',
  'price_gbp',
  'short_stay_price_gbp',
  'trim_point_days',
  'trim_point_label',
  'excess_bed_day_price_gbp',
  'derivation',
  'label',
] as const;

const MFF_COLUMNS = [
  'provider_code',
  'provider_name',
  'mff',
  'distance_from_central_london_km',
  'label',
] as const;

export function loadTariff(dir: string = TARIFF_DIR): Tariff {
  const problems: Problem[] = [];
  const prices = readPrices(path.join(dir, 'prices.csv'), problems);
  readLocalPrices(path.join(dir, 'local-prices.json'), prices, problems);
  const mff = readMff(path.join(dir, 'mff.csv'), problems);
  const bptDefinition = readBestPractice(path.join(dir, 'best-practice.json'), prices, problems);
  const rules = readRules(path.join(dir, 'rules.json'), problems);
  if (problems.length || !bptDefinition || !rules)
    throw AppError.validation(problems, `Invalid tariff definitions in ${dir}`);
  const defaults: PricingOptions = {
    shortStayEmergency: rules.shortStayEmergency.default,
    applyMff: rules.mff.default,
    bptMissingCriteria: bptDefinition.missingCriteria,
    bptAreas: bptDefinition.areas,
    readmissions: {
      windowDays: rules.readmissions.windowDays.value,
      scope: rules.readmissions.scope.default,
      avoidableShareBp: rules.readmissions.avoidableShareBp.value,
      exclusions: rules.readmissions.exclusions.map(
        (e): ReadmissionExclusion => ({
          id: e.id,
          title: e.title,
          enabled: e.enabled,
          anyOf: e.anyOf as Condition[],
        }),
      ),
    },
    marginalRate: {
      ratePaidAboveBaselineBp: rules.marginalRate.ratePaidAboveBaselineBp.value,
      pods: rules.marginalRate.pods.value,
      phasing: rules.marginalRate.phasing.default,
      baselineMethod: rules.marginalRate.baselineMethod.default,
      baselineShareOfOutturnBp: rules.marginalRate.baselineShareOfOutturnBp.value,
    },
  };
  return { version: '2013-14', label: TARIFF_LABEL, prices, mff, defaults };
}

const decimal = /^\d+\.\d{2}$/;

function readPrices(file: string, problems: Problem[]): Map<string, PriceEntry> {
  const name = path.basename(file);
  const prices = new Map<string, PriceEntry>();
  const csv = readCsvOrReport(file, problems);
  if (!csv) return prices;
  if (csv.header?.join(',') !== PRICE_COLUMNS.join(',')) {
    problems.push({
      path: `${name}:1`,
      message: `header must be ${PRICE_COLUMNS.join(',')}`,
      code: 'invalid_header',
    });
    return prices;
  }
  const nationalPods: readonly string[] = POINTS_OF_DELIVERY.filter((p) => !LOCAL_PRICE_PODS.includes(p));
  for (const { line, fields } of csv.records) {
    const at = (column: string, message: string) =>
      problems.push({ path: `${name}:${line}`, message: `${column}: ${message}`, code: 'invalid_price' });
    if (fields.length !== PRICE_COLUMNS.length) {
      at('(row)', `${fields.length} fields, expected ${PRICE_COLUMNS.length}`);
      continue;
    }
    const [pod, currency, , tfc, dept, price, shortStay, trim, trimLabel, xs, , label] = fields as string[];
    const before = problems.length;
    if (!nationalPods.includes(pod as string))
      at('point_of_delivery', `"${pod}" is not one of ${nationalPods.join(', ')}`);
    if (!/^[A-Z0-9]{5}$/.test(currency as string)) at('currency_code', `"${currency}" is not an HRG code`);
    const outpatient = pod === 'OPFA' || pod === 'OPFU';
    // Treatment function codes, and the reference-cost service codes FPC (family planning) and HIV1–HIV3.
    if (outpatient ? !/^[A-Z0-9]{3,4}$/.test(tfc as string) : tfc !== '') {
      at(
        'treatment_function_code',
        outpatient ? `"${tfc}" is not a treatment function code` : 'only outpatient prices have one',
      );
    }
    if (pod === 'AE' ? !['01', '02', '03', '04'].includes(dept as string) : dept !== '') {
      at('ae_department_type', pod === 'AE' ? `"${dept}" is not 01–04` : 'only A&E prices have one');
    }
    if (!decimal.test(price as string)) at('price_gbp', `"${price}" is not pounds with two decimals`);
    if (shortStay !== '' && !decimal.test(shortStay as string))
      at('short_stay_price_gbp', `"${shortStay}" is not pounds with two decimals`);
    if (shortStay !== '' && pod !== 'NEL' && pod !== 'MAT')
      at('short_stay_price_gbp', 'only NEL and MAT prices have one');
    if (trim !== '' && !/^\d+$/.test(trim as string))
      at('trim_point_days', `"${trim}" is not a whole number of days`);
    if ((trim === '') !== (xs === ''))
      at('trim_point_days', 'a trim point and an excess bed day price go together');
    if ((trim === '') !== (trimLabel === '') || (trimLabel !== '' && trimLabel !== 'illustrative')) {
      at('trim_point_label', 'must be "illustrative" exactly when there is a trim point');
    }
    if (xs !== '' && !decimal.test(xs as string))
      at('excess_bed_day_price_gbp', `"${xs}" is not pounds with two decimals`);
    if (label !== TARIFF_LABEL) at('label', `must be "${TARIFF_LABEL}"`);
    if (problems.length > before) continue;
    const key = priceKey(pod as string, currency as string, tfc as string, dept as string);
    if (prices.has(key)) {
      at('(row)', `duplicate price for ${pod} ${currency} ${tfc} ${dept}`.trim());
      continue;
    }
    prices.set(key, {
      pod: pod as PointOfDelivery,
      currency: currency as string,
      treatmentFunction: tfc as string,
      departmentType: dept as string,
      pricePence: poundsToPence(price as string),
      shortStayPricePence: shortStay === '' ? null : poundsToPence(shortStay as string),
      trimPointDays: trim === '' ? null : Number(trim),
      excessBedDayPricePence: xs === '' ? null : poundsToPence(xs as string),
      source: 'national_tariff_derived',
      label: TARIFF_LABEL,
      bptArea: null,
    });
  }
  return prices;
}

const LocalPricesSchema = z.object({
  id: z.literal('pbr-2013-14-local-prices'),
  label: z.literal('illustrative'),
  prices: z.array(
    z.object({
      pod: z.enum(['COM', 'MH']),
      currencyCode: z.string().regex(/^[A-Z0-9_]+$/, 'letters, digits and _ only'),
      priceGbp: z.string().regex(decimal, 'pounds with two decimals'),
      label: z.literal('illustrative local price'),
    }),
  ),
});

function readLocalPrices(file: string, prices: Map<string, PriceEntry>, problems: Problem[]): void {
  const parsed = readJson(file, LocalPricesSchema, problems);
  if (!parsed) return;
  parsed.prices.forEach((p, index) => {
    const key = priceKey(p.pod, p.currencyCode, '', '');
    if (prices.has(key)) {
      problems.push({
        path: `${path.basename(file)}: prices.${index}`,
        message: `duplicate local price ${p.pod} ${p.currencyCode}`,
      });
      return;
    }
    prices.set(key, {
      pod: p.pod,
      currency: p.currencyCode,
      treatmentFunction: '',
      departmentType: '',
      pricePence: poundsToPence(p.priceGbp),
      shortStayPricePence: null,
      trimPointDays: null,
      excessBedDayPricePence: null,
      source: 'local_price',
      label: p.label,
      bptArea: null,
    });
  });
}

function readMff(file: string, problems: Problem[]): Map<string, number> {
  const name = path.basename(file);
  const mff = new Map<string, number>();
  const csv = readCsvOrReport(file, problems);
  if (!csv) return mff;
  if (csv.header?.join(',') !== MFF_COLUMNS.join(',')) {
    problems.push({
      path: `${name}:1`,
      message: `header must be ${MFF_COLUMNS.join(',')}`,
      code: 'invalid_header',
    });
    return mff;
  }
  for (const { line, fields } of csv.records) {
    const [code, , value, , label] = fields as string[];
    const bad = (message: string) => problems.push({ path: `${name}:${line}`, message, code: 'invalid_mff' });
    if (fields.length !== MFF_COLUMNS.length) bad(`${fields.length} fields, expected ${MFF_COLUMNS.length}`);
    else if (!/^[A-Z0-9]{3,5}$/.test(code as string)) bad(`provider_code: "${code}" is not an ODS code`);
    else if (!/^[0-2]\.\d{4}$/.test(value as string)) bad(`mff: "${value}" is not a factor with 4 decimals`);
    else if (!(label as string).startsWith('illustrative'))
      bad('label: the MFF is illustrative and must say so');
    else if (mff.has(code as string)) bad(`provider_code: duplicate ${code}`);
    else mff.set(code as string, Number((value as string).replace('.', '')));
  }
  return mff;
}

// A share of at least −100% and a non-negative top-up keep every price non-negative, which the SQL's
// rounding relies on (sql-money.ts roundBpNonNegative).
const Adjustment = z.object({
  shareOfBaseBp: z.number().int().min(-10_000).max(10_000),
  fixedPence: z.number().int().min(0),
});

const BestPracticeSchema = z.object({
  id: z.literal('pbr-2013-14-best-practice-tariffs'),
  missingCriteria: z.object({ default: z.enum(['not_met', 'no_adjustment']) }),
  areas: z.array(
    z.discriminatedUnion('modelled', [
      z.object({
        modelled: z.literal(true),
        id: z.string().min(1),
        title: z.string().min(1),
        enabled: z.boolean(),
        pods: z.array(z.enum(POINTS_OF_DELIVERY)).min(1),
        hrgCodes: z.array(z.string().regex(/^[A-Z0-9]{5}$/)).min(1),
        minimumAge: z.number().int().min(0).nullable(),
        criteriaMet: Adjustment,
        criteriaNotMet: Adjustment,
        label: z.literal('illustrative'),
      }),
      z.object({ modelled: z.literal(false), id: z.string().min(1), reason: z.string().min(1) }),
    ]),
  ),
});

function readBestPractice(
  file: string,
  prices: Map<string, PriceEntry>,
  problems: Problem[],
): { missingCriteria: 'not_met' | 'no_adjustment'; areas: BptArea[] } | null {
  const parsed = readJson(file, BestPracticeSchema, problems);
  if (!parsed) return null;
  const name = path.basename(file);
  const areas: BptArea[] = [];
  const ids = new Set<string>();
  parsed.areas.forEach((area, index) => {
    if (ids.has(area.id))
      problems.push({ path: `${name}: areas.${index}.id`, message: `duplicate area "${area.id}"` });
    ids.add(area.id);
    if (!area.modelled) return;
    for (const pod of area.pods) {
      for (const hrg of area.hrgCodes) {
        const key = priceKey(pod, hrg, '', '');
        const entry = prices.get(key);
        if (!entry) {
          problems.push({
            path: `${name}: areas.${index}.hrgCodes`,
            message: `${hrg} has no national price at ${pod}`,
          });
        } else if (entry.bptArea !== null) {
          problems.push({
            path: `${name}: areas.${index}.hrgCodes`,
            message: `${pod} ${hrg} is already in BPT area ${entry.bptArea}`,
          });
        } else {
          prices.set(key, { ...entry, bptArea: area.id });
        }
      }
    }
    areas.push({
      id: area.id,
      title: area.title,
      enabled: area.enabled,
      pods: area.pods,
      hrgCodes: area.hrgCodes,
      minimumAge: area.minimumAge,
      criteriaMet: area.criteriaMet,
      criteriaNotMet: area.criteriaNotMet,
    });
  });
  return { missingCriteria: parsed.missingCriteria.default, areas };
}

const textField = z.enum(
  CONDITION_FIELDS.filter((f) => f !== 'age_at_activity_date') as [string, ...string[]],
);
const ConditionSchema = z.union([
  z.object({ field: textField, in: z.array(z.string().min(1)).min(1) }).strict(),
  z.object({ field: textField, prefixes: z.array(z.string().regex(/^[A-Z0-9]+$/)).min(1) }).strict(),
  z.object({ field: z.literal('age_at_activity_date'), lessThan: z.number().int() }).strict(),
  z.object({ noNationalPrice: z.literal(true) }).strict(),
]);

const basisPoints = z.number().int().min(0).max(10_000);
const RulesSchema = z.object({
  id: z.literal('pbr-2013-14-rules'),
  marginalRate: z.object({
    ratePaidAboveBaselineBp: z.object({ value: basisPoints }),
    pods: z.object({ value: z.array(z.enum(POINTS_OF_DELIVERY)).min(1) }),
    phasing: z.object({ default: z.enum(['year_to_date', 'monthly']) }),
    baselineMethod: z.object({ default: z.enum(['agreed', 'share_of_outturn']) }),
    baselineShareOfOutturnBp: z.object({ value: z.number().int().min(0).max(20_000) }),
  }),
  readmissions: z.object({
    windowDays: z.object({ value: z.number().int().min(1) }),
    avoidableShareBp: z.object({ value: basisPoints }),
    scope: z.object({ default: z.enum(['same_provider', 'any_provider']) }),
    exclusions: z.array(
      z.object({
        id: z.string().min(1),
        title: z.string().min(1),
        enabled: z.boolean(),
        anyOf: z.array(ConditionSchema).min(1),
      }),
    ),
  }),
  shortStayEmergency: z.object({ default: z.enum(['reference_cost_short_stay', 'single_price']) }),
  mff: z.object({ default: z.boolean() }),
});

function readRules(file: string, problems: Problem[]): z.infer<typeof RulesSchema> | null {
  const parsed = readJson(file, RulesSchema, problems);
  if (!parsed) return null;
  const seen = new Set<string>();
  parsed.readmissions.exclusions.forEach((e, index) => {
    if (seen.has(e.id)) {
      problems.push({
        path: `${path.basename(file)}: readmissions.exclusions.${index}.id`,
        message: `duplicate exclusion "${e.id}"`,
      });
    }
    seen.add(e.id);
  });
  return parsed;
}

function readJson<T>(file: string, schema: z.ZodType<T>, problems: Problem[]): T | null {
  const name = path.basename(file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    problems.push({ path: name, message: (error as Error).message, code: 'unreadable_definition' });
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({
        path: `${name}: ${issue.path.join('.') || '(root)'}`,
        message: issue.message,
        code: 'invalid_definition',
      });
    }
    return null;
  }
  return parsed.data;
}

function readCsvOrReport(file: string, problems: Problem[]) {
  try {
    return readCsv(file, { header: true });
  } catch (error) {
    problems.push({
      path: path.basename(file),
      message: (error as Error).message,
      code: 'unreadable_definition',
    });
    return null;
  }
}
