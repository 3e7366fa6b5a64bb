import path from 'node:path';
import { readCsv } from '../../../../reference/csv.ts';
import type { ReferenceTrust } from '../../reference-tables.ts';
import { PRICE_COLUMNS, TARIFF_LABEL } from '../definitions.ts';
import { penceToPounds, poundsToPence } from '../rules/money.ts';
import {
  illustrativeMffBp,
  illustrativeTrimPoint,
  LONDON_CENTRE,
  MFF_METHOD,
  TRIM_POINT_METHOD,
} from './derivations.ts';
import { BEST_PRACTICE_DEFINITION, RULES_DEFINITION } from './rule-definitions.ts';
import { readXlsxSheet } from './xlsx.ts';

/**
 * Builds the files of definitions/tariff/2013-14 from the public reference data: the price table
 * derived from the 2013-14 NHS Reference Costs, illustrative trim points, an illustrative MFF per
 * trust, illustrative local prices from the 2014-15 community and mental health schedules, and the
 * rule books. Pure of clocks and randomness: the same inputs give byte-identical files.
 */

export const LOCAL_PRICE_LABEL = 'illustrative local price';
export const LONG_SCHEDULE = 'money/reference_costs_2013_14_national_schedule_long.csv';
export const SCHEDULES_2014_15 = 'money/reference_costs_2014_15_national_schedules.xlsx';

const FIRST_ATTENDANCE = new Set(['WF01B', 'WF01D', 'WF02B', 'WF02D']);
const FOLLOW_UP_ATTENDANCE = new Set(['WF01A', 'WF01C', 'WF02A', 'WF02C']);
const POD_ORDER = ['EL', 'DC', 'NEL', 'MAT', 'OPFA', 'OPFU', 'AE'];

interface Cost {
  readonly pence: number;
  readonly description: string;
}

/** sheet → currency → service code ('' where none) → cost. */
type Schedule = Map<string, Map<string, Map<string, Cost>>>;

interface PriceRow {
  pod: string;
  currency: string;
  description: string;
  treatmentFunction: string;
  departmentType: string;
  price: number;
  shortStay: number | null;
  trimPoint: number | null;
  excessBedDay: number | null;
  derivation: string;
}

export interface TariffBuildInput {
  readonly referenceDir: string;
  /** The real trusts with their estimated positions (loadActivityReference(referenceDir).trusts). */
  readonly trusts: readonly ReferenceTrust[];
}

/** File name → content, in a stable order. */
export function buildTariffFiles(input: TariffBuildInput): Map<string, string> {
  const schedule = readLongSchedule(path.join(input.referenceDir, LONG_SCHEDULE));
  const prices = [
    ...admittedPrices(schedule),
    ...outpatientPrices(schedule),
    ...emergencyPrices(schedule),
  ].sort(comparePrices);
  const local = localPrices(path.join(input.referenceDir, SCHEDULES_2014_15));
  const mff = mffRows(input.trusts);
  const files = new Map<string, string>();
  files.set('prices.csv', pricesCsv(prices));
  files.set('mff.csv', mffCsv(mff));
  files.set('local-prices.json', `${JSON.stringify(local, null, 2)}\n`);
  files.set('best-practice.json', `${JSON.stringify(BEST_PRACTICE_DEFINITION, null, 2)}\n`);
  files.set('rules.json', `${JSON.stringify(RULES_DEFINITION, null, 2)}\n`);
  files.set('README.md', readme(prices, local.prices.length, mff));
  return files;
}

function readLongSchedule(file: string): Schedule {
  const csv = readCsv(file, { header: true });
  const expected = [
    'financial_year',
    'sheet',
    'currency_code',
    'currency_description',
    'service_code',
    'service_description',
    'department_code',
    'department_description',
    'national_average_unit_cost_gbp',
  ];
  if (csv.header?.join(',') !== expected.join(',')) {
    throw new Error(`${file}: unexpected header ${csv.header?.join(',')}; expected ${expected.join(',')}`);
  }
  const schedule: Schedule = new Map();
  for (const { line, fields } of csv.records) {
    if (fields.length !== expected.length)
      throw new Error(`${file}:${line}: ${fields.length} fields, expected ${expected.length}`);
    const [year, sheet, currency, description, service, , , , cost] = fields as string[];
    if (year !== '2013-14') throw new Error(`${file}:${line}: financial_year "${year}", expected 2013-14`);
    let pence: number;
    try {
      pence = poundsToPence(cost as string);
    } catch (error) {
      throw new Error(`${file}:${line}: national_average_unit_cost_gbp: ${(error as Error).message}`);
    }
    const bySheet = schedule.get(sheet as string) ?? new Map<string, Map<string, Cost>>();
    schedule.set(sheet as string, bySheet);
    const byCurrency = bySheet.get(currency as string) ?? new Map<string, Cost>();
    bySheet.set(currency as string, byCurrency);
    if (byCurrency.has(service as string)) {
      throw new Error(`${file}:${line}: duplicate cost for ${sheet} ${currency} ${service}`);
    }
    byCurrency.set(service as string, { pence, description: description as string });
  }
  return schedule;
}

const cost = (s: Schedule, sheet: string, currency: string, service = ''): Cost | undefined =>
  s.get(sheet)?.get(currency)?.get(service);

function admittedPrices(s: Schedule): PriceRow[] {
  const codes = new Set<string>();
  for (const sheet of ['EL', 'DC', 'NEL', 'NES'])
    for (const code of s.get(sheet)?.keys() ?? []) codes.add(code);
  const rows: PriceRow[] = [];
  for (const code of [...codes].sort()) {
    const el = cost(s, 'EL', code);
    const dc = cost(s, 'DC', code);
    const nel = cost(s, 'NEL', code);
    const nes = cost(s, 'NES', code);
    const elXs = cost(s, 'EL_XS', code);
    const nelXs = cost(s, 'NEL_XS', code);
    const description = (el ?? dc ?? nel ?? nes)?.description ?? '';
    const elective = el ?? dc;
    if (elective) {
      const xs = elXs ?? nelXs;
      rows.push({
        pod: 'EL',
        currency: code,
        description,
        treatmentFunction: '',
        departmentType: '',
        price: elective.pence,
        shortStay: null,
        ...excess(elective.pence, xs),
        derivation: [
          el ? 'EL' : 'DC cost (no EL cost)',
          xs
            ? elXs
              ? 'excess bed day EL_XS'
              : 'excess bed day NEL_XS (no EL_XS)'
            : 'no excess bed day cost',
        ].join('; '),
      });
    }
    const dayCase = dc ?? el;
    if (dayCase) {
      rows.push({
        pod: 'DC',
        currency: code,
        description,
        treatmentFunction: '',
        departmentType: '',
        price: dayCase.pence,
        shortStay: null,
        trimPoint: null,
        excessBedDay: null,
        derivation: dc ? 'DC' : 'EL cost (no DC cost)',
      });
    }
    const emergency = nel ?? nes;
    if (emergency) {
      const xs = nelXs ?? elXs;
      const shortStay = nel && nes ? nes.pence : null;
      const derivation = [
        nel ? 'NEL' : 'NES cost (no NEL long-stay cost)',
        shortStay !== null ? 'short stay NES' : 'no separate short-stay cost',
        xs
          ? nelXs
            ? 'excess bed day NEL_XS'
            : 'excess bed day EL_XS (no NEL_XS)'
          : 'no excess bed day cost',
      ].join('; ');
      const pods = code.startsWith('NZ') ? ['NEL', 'MAT'] : ['NEL'];
      for (const pod of pods) {
        rows.push({
          pod,
          currency: code,
          description,
          treatmentFunction: '',
          departmentType: '',
          price: emergency.pence,
          shortStay,
          ...excess(emergency.pence, xs),
          derivation,
        });
      }
    }
  }
  return rows;
}

function excess(
  spellPence: number,
  xs: Cost | undefined,
): { trimPoint: number | null; excessBedDay: number | null } {
  if (!xs || xs.pence <= 0) return { trimPoint: null, excessBedDay: null };
  return { trimPoint: illustrativeTrimPoint(spellPence, xs.pence), excessBedDay: xs.pence };
}

function outpatientPrices(s: Schedule): PriceRow[] {
  const rows: PriceRow[] = [];
  for (const [code, byService] of s.get('CL') ?? []) {
    const pod = FIRST_ATTENDANCE.has(code) ? 'OPFA' : FOLLOW_UP_ATTENDANCE.has(code) ? 'OPFU' : null;
    if (!pod)
      throw new Error(
        `${LONG_SCHEDULE}: CL sheet currency ${code} is neither a first nor a follow-up attendance`,
      );
    for (const [treatmentFunction, c] of byService) {
      rows.push({
        pod,
        currency: code,
        description: c.description,
        treatmentFunction,
        departmentType: '',
        price: c.pence,
        shortStay: null,
        trimPoint: null,
        excessBedDay: null,
        derivation: `CL (consultant-led, treatment function ${treatmentFunction})`,
      });
    }
  }
  return rows;
}

/** A&E by HRG and department type: the non-admitted cost, or the admitted cost where it is missing. */
function emergencyPrices(s: Schedule): PriceRow[] {
  const rows: PriceRow[] = [];
  for (const [code, byService] of s.get('EM') ?? []) {
    for (const type of ['01', '02', '03', '04']) {
      const nonAdmitted = byService.get(`T${type}NA`);
      const admitted = byService.get(`T${type}A`);
      const chosen = nonAdmitted ?? admitted;
      if (!chosen) continue;
      rows.push({
        pod: 'AE',
        currency: code,
        description: chosen.description,
        treatmentFunction: '',
        departmentType: type,
        price: chosen.pence,
        shortStay: null,
        trimPoint: null,
        excessBedDay: null,
        derivation: nonAdmitted
          ? `EM T${type}NA (non-admitted)`
          : `EM T${type}A (admitted; no non-admitted cost)`,
      });
    }
  }
  return rows;
}

function comparePrices(a: PriceRow, b: PriceRow): number {
  return (
    POD_ORDER.indexOf(a.pod) - POD_ORDER.indexOf(b.pod) ||
    compare(a.currency, b.currency) ||
    compare(a.treatmentFunction, b.treatmentFunction) ||
    compare(a.departmentType, b.departmentType)
  );
}

function pricesCsv(rows: readonly PriceRow[]): string {
  const lines = [PRICE_COLUMNS.join(',')];
  for (const r of rows) {
    lines.push(
      csvLine([
        r.pod,
        r.currency,
        r.description,
        r.treatmentFunction,
        r.departmentType,
        penceToPounds(r.price),
        r.shortStay === null ? '' : penceToPounds(r.shortStay),
        r.trimPoint === null ? '' : String(r.trimPoint),
        r.trimPoint === null ? '' : 'illustrative',
        r.excessBedDay === null ? '' : penceToPounds(r.excessBedDay),
        r.derivation,
        TARIFF_LABEL,
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

interface LocalPrice {
  pod: 'COM' | 'MH';
  currencyCode: string;
  description: string;
  serviceCode: string;
  serviceDescription: string;
  priceGbp: string;
  sourceSheet: string;
  label: string;
}

/** Mental health sheet rows that are contacts or attendances (not bed days or day care). */
const MH_CONTACT = /Community Contacts|Outpatient Attendances/;

function localPrices(file: string) {
  const prices: LocalPrice[] = [];
  for (const [sheet, pod] of [
    ['CHS', 'COM'],
    ['MH', 'MH'],
  ] as const) {
    const rows = readXlsxSheet(file, sheet);
    const headerAt = rows.findIndex((r) => r[2] === 'Currency Code' && r[5] === 'National Average Unit Cost');
    if (headerAt < 0)
      throw new Error(`${file}: sheet ${sheet} has no "Currency Code … National Average Unit Cost" header`);
    const data = rows.slice(headerAt + 1).filter((r) => (r[2] ?? '') !== '' && (r[5] ?? '') !== '');
    const selected = data.filter((r) => pod === 'COM' || r[0] === 'MHST' || MH_CONTACT.test(r[3] ?? ''));
    const counts = new Map<string, number>();
    for (const r of selected) counts.set(r[2] as string, (counts.get(r[2] as string) ?? 0) + 1);
    for (const r of selected) {
      const [serviceCode, serviceDescription, code, description, , unitCost] = r as string[];
      prices.push({
        pod,
        // A code used by two services on the sheet (e.g. WC01, adult and child wheelchairs) is qualified.
        currencyCode: (counts.get(code as string) ?? 0) > 1 ? `${serviceCode}_${code}` : (code as string),
        description: (description as string).trim(),
        serviceCode: serviceCode as string,
        serviceDescription: serviceDescription as string,
        priceGbp: penceToPounds(poundsToPence(Number(unitCost).toFixed(6))),
        sourceSheet: `2014-15 National Schedule of Reference Costs, sheet ${sheet}`,
        label: LOCAL_PRICE_LABEL,
      });
    }
  }
  prices.sort((a, b) => compare(a.pod, b.pod) || compare(a.currencyCode, b.currencyCode));
  const seen = new Set<string>();
  for (const p of prices) {
    const key = `${p.pod}|${p.currencyCode}`;
    if (seen.has(key)) throw new Error(`${file}: local currency ${key} appears twice`);
    seen.add(key);
  }
  return {
    id: 'pbr-2013-14-local-prices',
    version: '2013-14',
    title: 'Illustrative local prices for non-tariff activity: community and mental health contacts',
    legalRef: 'NHS Standard Contract 2013/14 Schedule 3A (local prices) (REFERENCE.md §8.1 [C])',
    source: `${SCHEDULES_2014_15}: DH 2014-15 National Schedule of Reference Costs, sheets CHS (community health services, every currency) and MH (mental health: community contacts, outpatient attendances and specialist team contacts)`,
    confidence: 'unconfirmed',
    label: 'illustrative',
    effectiveFrom: '2013-04-01',
    effectiveTo: '2014-03-31',
    reviewedOn: RULES_DEFINITION.reviewedOn,
    note: 'Community and mental health services had no national tariff in 2013/14: prices were agreed locally. As a stand-in, each currency is priced at its national average unit cost in the 2014-15 schedules (the 2013-14 community and mental health schedules are not in the reference data). A currency code used by two services on a sheet is written SERVICE_CODE (e.g. WCA_WC01). No MFF applies to local prices.',
    prices,
  };
}

interface MffRow {
  code: string;
  name: string;
  mffBp: number;
  distanceKm: number | null;
}

function mffRows(trusts: readonly ReferenceTrust[]): MffRow[] {
  return [...trusts]
    .sort((a, b) => compare(a.code, b.code))
    .map((t) => ({ code: t.code, name: t.name, ...illustrativeMffBp(t) }));
}

function mffCsv(rows: readonly MffRow[]): string {
  const lines = ['provider_code,provider_name,mff,distance_from_central_london_km,label'];
  for (const r of rows) {
    lines.push(
      csvLine([
        r.code,
        r.name,
        (r.mffBp / 10_000).toFixed(4),
        r.distanceKm === null ? '' : r.distanceKm.toFixed(1),
        r.distanceKm === null ? 'illustrative: no estimated position so 1.0000' : 'illustrative',
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}

function readme(prices: readonly PriceRow[], localCount: number, mff: readonly MffRow[]): string {
  const count = (pod: string) => prices.filter((p) => p.pod === pod).length;
  const withTrim = prices.filter((p) => p.trimPoint !== null).length;
  const mffValues = mff.map((m) => m.mffBp);
  return `# Tariff 2013-14 (Payment by Results): ${TARIFF_LABEL}

Generated by \`npx tsx scripts/build-tariff.ts\` (src/modules/activity/pricing/build/) from the public
reference data in \`../shared/data/reference\`. Do not edit these files by hand: change the build and run
it again. The build is deterministic; \`build-tariff.test.ts\` checks that these files are exactly what it
produces.

**The official 2013/14 national tariff was not found** (money/SOURCES.md). Every national price here is
**${TARIFF_LABEL}**: the national average unit cost of the 2013-14 NHS Reference Costs (DH National
Schedule, Open Government Licence v3.0), rounded to the penny. The tariff itself was derived from
reference costs, so the relative prices are real; the absolute prices are costs, not the published
tariff (no tariff deflator or efficiency factor is applied). The structure and rules are real, with
their sources in rules.json and best-practice.json.

| File | What it holds | Provenance |
|---|---|---|
| prices.csv | ${prices.length} national prices: EL ${count('EL')}, DC ${count('DC')}, NEL ${count('NEL')}, MAT ${count('MAT')}, OPFA ${count('OPFA')}, OPFU ${count('OPFU')}, AE ${count('AE')} | ${TARIFF_LABEL}; trim points illustrative |
| mff.csv | a market forces factor for each of the ${mff.length} trusts (${(Math.min(...mffValues) / 10_000).toFixed(4)} to ${(Math.max(...mffValues) / 10_000).toFixed(4)}) | illustrative |
| local-prices.json | ${localCount} local prices for community (COM) and mental health (MH) contacts | illustrative |
| best-practice.json | best practice tariff areas, their HRGs and the BPT / non-BPT price rule | areas real; scope and amounts illustrative |
| rules.json | marginal rate emergency rule, emergency readmissions and their exclusions, short-stay emergency and MFF switches | each value with its source and confidence |

## How prices.csv is derived (sheets of the 2013-14 National Schedule)

- **EL** (elective spell): the EL cost; the DC cost where the HRG has no EL cost (the tariff of the time
  paid day case and elective alike for most HRGs). Excess bed day: EL_XS, else NEL_XS.
- **DC** (day case): the DC cost; the EL cost where there is no DC cost. No trim point.
- **NEL** (non-elective spell) and **MAT** (maternity admission, HRG chapter NZ): the NEL (long stay,
  2+ days) cost; \`short_stay_price_gbp\` is the NES (short stay, 0–1 days) cost, used for 0–1 day
  spells under the \`short_stay_emergency\` switch. The NES cost where there is no NEL cost. Excess bed
  day: NEL_XS, else EL_XS.
- **OPFA / OPFU** (consultant-led outpatient first / follow-up attendance): the CL sheet by HRG
  (WF01B, WF01D, WF02B, WF02D first; WF01A, WF01C, WF02A, WF02C follow-up) and treatment function.
- **AE**: the EM sheet by HRG (VB01Z–VB11Z) and department type 01–04, non-admitted cost (T0nNA); the
  admitted cost (T0nA) where the non-admitted one is missing. The layout does not say whether the
  attendance led to an admission.
- The \`derivation\` column of every row says which sheet each figure came from.

## Illustrative trim points

Trim points are not in the reference data. Each one is **illustrative**: the spell price divided by the
excess bed day price (the length of stay the spell price buys at the marginal daily cost), times
${TRIM_POINT_METHOD.numerator}/${TRIM_POINT_METHOD.denominator}, rounded up, at least ${TRIM_POINT_METHOD.minimumDays} days. Real trim points were the upper quartile
of length of stay plus 1.5 × the interquartile range. ${withTrim} prices have a trim point; spells longer
than it earn (length of stay − trim point) × the excess bed day price.

## Illustrative market forces factor

The 2013/14 MFF was not found. mff.csv gives each trust an **illustrative** London weighting:
${MFF_METHOD.floor} + ${MFF_METHOD.londonUplift} × exp(−d / ${MFF_METHOD.decayKm} km), to 4 decimals, where d is the distance from central London
(${LONDON_CENTRE.lat}, ${LONDON_CENTRE.lon}) of the trust's estimated position (ref_trust: the mean of the practices in
its postcode district). A trust with no estimated position gets 1.0000. The MFF multiplies national
prices (after BPT adjustments and excess bed days); local prices carry none.

## Illustrative local prices

Community and mental health services had no national tariff in 2013/14. local-prices.json prices each
community (CHS sheet) and mental health contact currency (MH sheet: community contacts, outpatient
attendances, specialist team contacts) at its national average unit cost in the **2014-15** reference
costs, labelled illustrative. Synthetic community and mental health rows should carry these currency
codes in \`hrg_code\`; an unknown code is priced \`no_price\` with its reason.

## Money and rates

Prices are pounds with two decimals in these files and integer pence in the code. Rates (MFF, BPT
shares, the marginal rate, the avoidable readmission share) are whole basis points in the code
(1 bp = 0.01%); every product is rounded to the penny, halves away from zero, identically in the
TypeScript rules and the DuckDB SQL.
`;
}

function csvLine(fields: readonly string[]): string {
  return fields.map((f) => (/[",\n\r]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
