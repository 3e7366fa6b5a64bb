/**
 * The "Who Pays?" rules of rules/decide.ts as one vectorised DuckDB pass over activity rows in the
 * layout of definitions/activity/layout.json: CASE expressions, no subqueries per row, no UDFs.
 * agreement.test.ts checks it decides every row as decideWhoPays does (on the case
 * `caseFromActivityRow` makes of it), on both kinds of input:
 *
 * - untrusted rows (the default): three hash joins to the small reference tables (the registered
 *   practice, the temporary-resident practice and the LSOA of residence) find the facts, and a row the
 *   TypeScript rules would refuse gets who_pays_rule 'invalid_input' and an undetermined commissioner:
 *   a date outside the rules' period, an unknown service category, a practice or LSOA code the
 *   reference tables do not know, a value outside the layout's allowed values, or an empty CCG code. A
 *   non-empty CCG code (site, placing, s117) is trusted: checking it would need four more joins, and
 *   the activity loader checks every code against ref_ccg before a row is stored.
 * - loaded rows (`input: 'loaded'`): rows the activity loader stored. It has checked every value and
 *   code, and derived the CCGs of the practices and of the LSOA and the LSOA's upper-tier authority
 *   (load/derive-sql.ts), so there are no joins and only the checks the load does not make (the
 *   rules' period, a category the rules know). The commonest decisions are tried first, under a guard
 *   that excludes every earlier rule, so most rows leave the CASE after one or two tests.
 */
import { sqlString } from '../../../platform/analytics/duckdb.ts';
import { DERIVED_CCG_COLUMNS, practiceCcgJoin } from '../load/derive-sql.ts';
import { loadWhoPaysDefinitions } from './definitions.ts';
import {
  ARMED_FORCES,
  ARMED_FORCES_COHORT,
  DETAINED_IN,
  PLACEMENT_SETTINGS,
  QUALIFYING_PLACEMENT_SETTINGS,
  RESIDENCE_COUNTRIES,
  UK_COUNTRIES,
  type WhoPaysCase,
} from './rules/case.ts';
import type { CommissionerKind, WhoPaysDefinitions, WhoPaysRuleId, WhoPaysSwitches } from './rules/model.ts';

/** who_pays_rule of a row the rules refuse (see the module comment). */
export const INVALID_INPUT_RULE = 'invalid_input';
export type AttributionRule = WhoPaysRuleId | typeof INVALID_INPUT_RULE;

/** The columns attributionQuery adds after the input's own. */
export const ATTRIBUTION_COLUMNS = [
  'responsible_kind',
  'responsible_code',
  'payer_kind',
  'payer_code',
  'who_pays_rule',
] as const;

export interface AttributionOptions {
  /**
   * 'untrusted' (the default): any rows in the layout, checked here as the rules check a case.
   * 'loaded': rows stored by the activity loader, with the columns it derives (DERIVED_CCG_COLUMNS);
   * see the module comment. Rows that did not pass the loader's checks may be decided wrongly.
   */
  readonly input?: 'untrusted' | 'loaded';
  /**
   * Also output who_pays_class after who_pays_rule: a small integer standing for the pair
   * (responsible_kind, who_pays_rule), cheaper to aggregate on; whoPaysClassColumns turns it back.
   */
  readonly withClass?: boolean;
}

/** residence_country values that mean "resident in England, or not known": no residence for the rules. */
const NO_RESIDENCE_COUNTRIES = ['england', 'unknown'] as const;

/** Helper columns carry this prefix and are dropped from the output. */
const H = '__who_pays_';

/**
 * Every outcome of the decision CASE, numbered (a small integer is cheaper to carry and compare than
 * a string), with its rule id and how its commissioner is found: `kind` is the responsible kind and
 * `code` an SQL expression over the helper columns. The conditions that lead to each are in
 * attributionQuery, in the order of rules/decide.ts.
 */
const OUTCOMES = {
  invalid: { n: 0, rule: INVALID_INPUT_RULE, kind: 'undetermined', code: 'NULL' },
  r0NhsEngland: { n: 1, rule: 'R0', kind: 'nhs_england', code: 'NULL' },
  r0Phe: { n: 2, rule: 'R0', kind: 'phe', code: 'NULL' },
  r0LocalAuthority: { n: 3, rule: 'R0', kind: 'local_authority', code: `${H}res_utla` },
  r1: { n: 4, rule: 'R1', kind: 'ccg', code: 'site_ccg_code' },
  r1Undetermined: { n: 5, rule: 'R1', kind: 'undetermined', code: 'NULL' },
  r7: { n: 6, rule: 'R7', kind: 'nhs_england', code: 'NULL' },
  r8: { n: 7, rule: 'R8', kind: 'nhs_england', code: 'NULL' },
  r2Adult: { n: 8, rule: 'R2', kind: 'ccg', code: 'placement_placing_ccg' },
  r2Child: { n: 9, rule: 'R2', kind: 'ccg', code: 'looked_after_placing_ccg' },
  r3: { n: 10, rule: 'R3', kind: 'ccg', code: 's117_responsible_ccg' },
  r4: { n: 11, rule: 'R4', kind: 'ccg', code: `${H}gp_ccg` },
  r4CrossBorder: { n: 12, rule: 'R4', kind: 'ccg', code: `${H}cross_ccg` },
  r4Undetermined: { n: 13, rule: 'R4', kind: 'undetermined', code: 'NULL' },
  r5: { n: 14, rule: 'R5', kind: 'ccg', code: `${H}res_ccg` },
  r5Present: { n: 15, rule: 'R5', kind: 'ccg', code: 'site_ccg_code' },
  r5Undetermined: { n: 16, rule: 'R5', kind: 'undetermined', code: 'NULL' },
  r6: { n: 17, rule: 'R6', kind: 'ccg', code: 'site_ccg_code' },
  r6Undetermined: { n: 18, rule: 'R6', kind: 'undetermined', code: 'NULL' },
} as const satisfies Record<
  string,
  { n: number; rule: AttributionRule; kind: CommissionerKind; code: string }
>;
type Outcome = keyof typeof OUTCOMES;
/** The outcomes in number order: a list indexed by outcome + 1 (the numbers are 0, 1, 2, …). */
const OUTCOMES_BY_NUMBER = Object.values(OUTCOMES).sort((a, b) => a.n - b.n);
if (OUTCOMES_BY_NUMBER.some((o, i) => o.n !== i))
  throw new Error('who-pays OUTCOMES must be numbered 0, 1, 2, …');
/** The outcomes most rows reach, most first: their WHENs are tried first (the order changes no result). */
const COMMONEST: readonly Outcome[] = ['r4', 'r1', 'r5'];
const commonness = (o: Outcome) => (COMMONEST.includes(o) ? COMMONEST.indexOf(o) : COMMONEST.length);

/** The distinct (responsible kind, rule) pairs of the outcomes: who_pays_class is an index into this list. */
const CLASSES = [...new Set(OUTCOMES_BY_NUMBER.map((o) => `${o.kind} ${o.rule}`))].map((pair) => {
  const [kind, rule] = pair.split(' ') as [string, string];
  return { kind, rule };
});
const classOf = (o: (typeof OUTCOMES)[Outcome]) =>
  CLASSES.findIndex((c) => c.kind === o.kind && c.rule === o.rule);

/** SQL for responsible_kind (= payer_kind) and who_pays_rule from a who_pays_class column. */
export function whoPaysClassColumns(column: string): { kind: string; rule: string } {
  const pick = (f: (c: (typeof CLASSES)[number]) => string) =>
    `[${CLASSES.map((c) => sqlString(f(c))).join(', ')}][${column} + 1]`;
  return { kind: pick((c) => c.kind), rule: pick((c) => c.rule) };
}

/** Category codes: what a service category is, as one small integer. */
const CATEGORY = { ccg: 1, emergency: 2, nhs_england: 3, local_authority: 4, phe: 5 } as const;
/**
 * The order the category CASE tries the categories in (it changes no result, only how many tests a row
 * takes): acute care and A&E, most of all activity, then CCG-commissioned, emergency and the rest.
 */
const COMMONEST_CATEGORIES: readonly string[] = ['ccg_acute', 'emergency_ae'];
const CATEGORY_ORDER: readonly (keyof typeof CATEGORY)[] = [
  'ccg',
  'emergency',
  'nhs_england',
  'local_authority',
  'phe',
];

/**
 * `column` is one of `values`, as a CASE: DuckDB rewrites a long IN list into a join, which costs
 * more than these comparisons. NULL is in no list.
 */
const isOneOf = (column: string, values: readonly string[]) =>
  `CASE ${column} ${values.map((v) => `WHEN ${sqlString(v)} THEN TRUE`).join(' ')} ELSE FALSE END`;
/** `column` is present and not one of `values` (the check of a layout column's allowed values). */
const presentAndNotOneOf = (column: string, values: readonly string[]) =>
  `${column} IS NOT NULL AND NOT ${isOneOf(column, values)}`;

/**
 * A SELECT over `input` (a table name or a relation expression such as `read_parquet('x.parquet')`,
 * with the columns of definitions/activity/layout.json, and for `input: 'loaded'` the derived
 * columns) giving every input column and then responsible_kind, responsible_code, payer_kind,
 * payer_code and who_pays_rule (and who_pays_class if asked). Untrusted input joins ref_practice and
 * ref_lsoa (see writeReferenceTables). The switches are written into the SQL, so each setting is a
 * different query. The category lists come from definitions/who-pays/service-categories.json.
 */
export function attributionQuery(
  input: string,
  switches: WhoPaysSwitches,
  definitions: WhoPaysDefinitions = loadWhoPaysDefinitions(),
  options: AttributionOptions = {},
): string {
  const loaded = options.input === 'loaded';
  const categoryOf = (c: WhoPaysDefinitions['categories'][number]) =>
    c.emergency ? 'emergency' : c.commissioner;
  const rank = (c: WhoPaysDefinitions['categories'][number]) =>
    COMMONEST_CATEGORIES.includes(c.id)
      ? COMMONEST_CATEGORIES.indexOf(c.id)
      : COMMONEST_CATEGORIES.length + CATEGORY_ORDER.indexOf(categoryOf(c));
  const categories = [...definitions.categories].sort((a, b) => rank(a) - rank(b));
  const category = `CASE service_category ${categories
    .map((c) => `WHEN ${sqlString(c.id)} THEN ${CATEGORY[categoryOf(c)]}`)
    .join(' ')} END`;
  const cohort = [...ARMED_FORCES_COHORT, ...(switches.veterans === 'nhs_england' ? ['veteran'] : [])];
  const gpCcg =
    switches.temporaryResident === 'temporary_practice_ccg'
      ? `coalesce(${H}temp_ccg, ${H}reg_ccg)`
      : `coalesce(${H}reg_ccg, ${H}temp_ccg)`;
  const crossBorder = {
    undetermined: 'NULL::VARCHAR',
    registering_ccg_wales_only: `CASE WHEN residence_country = 'wales' THEN ${H}gp_ccg END`,
    registering_ccg: `${H}gp_ccg`,
  }[switches.crossBorderResidents];
  const childInScope =
    switches.childPlacementScope === 'all_services'
      ? ''
      : 'AND placement_placing_ccg IS NOT NULL AND placement_planned_service';
  const then = (condition: string, outcome: Outcome, enabled = true) =>
    enabled ? `WHEN ${condition} THEN ${OUTCOMES[outcome].n}` : '';
  const isCategory = (c: keyof typeof CATEGORY) => `${H}category = ${CATEGORY[c]}`;
  // An LSOA whose 2013 CCG the published lookup cannot tell (Newcastle: 00G or 00H) has no residence
  // CCG, so the LSOA column itself says whether there is one.
  const noLsoa = 'lsoa_of_residence IS NULL';
  const abroad = `${noLsoa} AND residence_country = 'abroad'`;
  // Resident in one of `countries` (no LSOA): outside the areas a placement rule covers.
  const outside = (countries: readonly string[]) =>
    `coalesce(${noLsoa} AND ${isOneOf('residence_country', countries)}, FALSE)`;
  const inPeriod = `activity_start_date BETWEEN DATE ${sqlString(definitions.effectiveFrom)} AND DATE ${sqlString(definitions.effectiveTo)}`;

  // 1. The reference facts of each row: joined, or derived by the loader.
  const joined = loaded
    ? `SELECT i.*, ${DERIVED_CCG_COLUMNS.registered} AS ${H}reg_ccg, ${DERIVED_CCG_COLUMNS.temporary} AS ${H}temp_ccg,
        ${DERIVED_CCG_COLUMNS.residence} AS ${H}res_ccg, ${DERIVED_CCG_COLUMNS.residenceUtla} AS ${H}res_utla
      FROM ${input} AS i`
    : `SELECT i.*,
      rp.practice_code AS ${H}reg_found, rm.ccg_code AS ${H}reg_ccg,
      tp.practice_code AS ${H}temp_found, tm.ccg_code AS ${H}temp_ccg,
      rl.lsoa_code AS ${H}lsoa_found, rl.ccg_code AS ${H}res_ccg, rl.utla_code AS ${H}res_utla
    FROM ${input} AS i
    LEFT JOIN ref_practice AS rp ON rp.practice_code = i.general_medical_practice_code
    ${practiceCcgJoin('rm', 'i.general_medical_practice_code', 'i.activity_start_date')}
    LEFT JOIN ref_practice AS tp ON tp.practice_code = i.temporary_resident_practice_code
    ${practiceCcgJoin('tm', 'i.temporary_resident_practice_code', 'i.activity_start_date')}
    LEFT JOIN ref_lsoa AS rl ON rl.lsoa_code = i.lsoa_of_residence`;

  // 2. The facts the rules read (rules/case.ts resolves the same from a case). The list tests run only
  // on the few rows with a value (a CASE evaluates a branch on the rows that take it).
  const facts = `SELECT *,
      ${category} AS ${H}category,
      CASE WHEN armed_forces IS NULL THEN FALSE ELSE ${isOneOf('armed_forces', cohort)} END AS ${H}armed_forces,
      CASE WHEN ${noLsoa} AND residence_country IS NOT NULL THEN ${isOneOf('residence_country', UK_COUNTRIES)}
        ELSE FALSE END AS ${H}uk,
      ${gpCcg} AS ${H}gp_ccg
    FROM (${joined})`;

  // 3a. The checks rules/case.ts makes: a refused case is 'invalid'. The loader has made all but two.
  const checks = loaded
    ? [
        then(`activity_start_date IS NULL OR NOT (${inPeriod})`, 'invalid'),
        then(`${H}category IS NULL`, 'invalid'),
      ]
    : [
        then(`activity_start_date IS NULL OR NOT (${inPeriod})`, 'invalid'),
        then(`${H}category IS NULL`, 'invalid'),
        then(`general_medical_practice_code IS NOT NULL AND ${H}reg_found IS NULL`, 'invalid'),
        then(`temporary_resident_practice_code IS NOT NULL AND ${H}temp_found IS NULL`, 'invalid'),
        then(`lsoa_of_residence IS NOT NULL AND ${H}lsoa_found IS NULL`, 'invalid'),
        then(
          `lsoa_of_residence IS NULL AND ${presentAndNotOneOf('residence_country', [...NO_RESIDENCE_COUNTRIES, ...RESIDENCE_COUNTRIES])}`,
          'invalid',
        ),
        then(presentAndNotOneOf('detained_in', DETAINED_IN), 'invalid'),
        then(presentAndNotOneOf('armed_forces', ARMED_FORCES), 'invalid'),
        then(
          `placement_placing_ccg IS NOT NULL AND ${presentAndNotOneOf('placement_setting', PLACEMENT_SETTINGS)}`,
          'invalid',
        ),
        then(
          `site_ccg_code = '' OR placement_placing_ccg = '' OR looked_after_placing_ccg = '' OR s117_responsible_ccg = ''`,
          'invalid',
        ),
      ];
  const prisonerToNhsEngland = switches.prisonerEmergencyCare === 'nhs_england';
  const armedToNhsEngland = switches.armedForcesEmergencyCare === 'nhs_england';
  // 3b. Loaded rows only: the two commonest decisions first, each guarded by the negation of every
  // check and rule that precedes it in 3c, so a row they take is one 3c would give the same outcome.
  const fastLanes = loaded
    ? [
        then(
          `${inPeriod} AND ${isCategory('ccg')} AND detained_in IS NULL AND NOT ${H}armed_forces
          AND placement_placing_ccg IS NULL AND looked_after_placing_ccg IS NULL AND s117_responsible_ccg IS NULL
          AND ${H}gp_ccg IS NOT NULL AND NOT ${H}uk`,
          'r4',
        ),
        then(
          [
            inPeriod,
            isCategory('emergency'),
            ...(prisonerToNhsEngland ? ['detained_in IS NULL'] : []),
            ...(armedToNhsEngland ? [`NOT ${H}armed_forces`] : []),
            'site_ccg_code IS NOT NULL',
          ].join(' AND '),
          'r1',
        ),
      ]
    : [];

  // 3c. The first outcome that applies: the checks, then the rules in the order of rules/decide.ts.
  // A comparison with NULL is not true, so a WHEN on an absent field never fires.
  const branch = `CASE
      ${fastLanes.join('\n      ')}
      ${checks.join('\n      ')}
      ${then(`${isCategory('local_authority')} AND detained_in IS NOT NULL`, 'r7', switches.detainedPublicHealth === 'nhs_england')}
      ${then(isCategory('local_authority'), 'r0LocalAuthority')}
      ${then(isCategory('nhs_england'), 'r0NhsEngland')}
      ${then(isCategory('phe'), 'r0Phe')}
      ${then(`${isCategory('emergency')} AND detained_in IS NOT NULL`, 'r7', prisonerToNhsEngland)}
      ${then(`${isCategory('emergency')} AND ${H}armed_forces`, 'r8', armedToNhsEngland)}
      ${then(`${isCategory('emergency')} AND site_ccg_code IS NULL`, 'r1Undetermined')}
      ${then(isCategory('emergency'), 'r1')}
      ${then('detained_in IS NOT NULL', 'r7')}
      ${then(`${H}armed_forces`, 'r8')}
      ${then(
        `placement_placing_ccg IS NOT NULL AND placement_continuing_care AND placement_planned_service
        AND ${isOneOf('placement_setting', QUALIFYING_PLACEMENT_SETTINGS)} AND NOT ${outside(['wales', 'scotland', 'northern_ireland', 'abroad'])}`,
        'r2Adult',
      )}
      ${then(
        `looked_after_placing_ccg IS NOT NULL AND NOT coalesce(${H}reg_ccg = ${H}res_ccg, FALSE) ${childInScope}
        AND NOT ${outside(['scotland', 'northern_ireland', 'abroad'])}`,
        'r2Child',
      )}
      ${then('s117_responsible_ccg IS NOT NULL', 'r3')}
      ${then(`${H}gp_ccg IS NOT NULL AND ${H}uk AND ${H}cross_ccg IS NOT NULL`, 'r4CrossBorder')}
      ${then(`${H}gp_ccg IS NOT NULL AND ${H}uk`, 'r4Undetermined')}
      ${then(`${H}gp_ccg IS NOT NULL`, 'r4')}
      ${then(`${H}res_ccg IS NOT NULL`, 'r5')}
      ${then(`NOT (${noLsoa})`, 'r5Undetermined')}
      ${then(`${H}uk`, 'r5Undetermined')}
      ${then(`${abroad} AND site_ccg_code IS NOT NULL`, 'r6')}
      ${then(abroad, 'r6Undetermined')}
      ${then('site_ccg_code IS NOT NULL', 'r5Present', switches.noAddress === 'present_ccg')}
      ELSE ${OUTCOMES.r5Undetermined.n}
    END`;
  const decided = `SELECT *, ${branch} AS ${H}outcome
    FROM (SELECT *, ${crossBorder} AS ${H}cross_ccg FROM (${facts}))`;

  // 4. Each outcome's class (kind and rule) by list index, and its code by a CASE over the outcomes
  // that name one, the commonest first.
  const classColumn = `[${OUTCOMES_BY_NUMBER.map(classOf).join(', ')}][${H}outcome + 1]`;
  const byClass = whoPaysClassColumns('who_pays_class');
  const named = (Object.keys(OUTCOMES) as Outcome[])
    .filter((o) => OUTCOMES[o].code !== 'NULL')
    .sort((a, b) => commonness(a) - commonness(b));
  const responsibleCode = `CASE ${H}outcome ${named
    .map((o) => `WHEN ${OUTCOMES[o].n} THEN ${OUTCOMES[o].code}`)
    .join(' ')} END`;
  // The s3(1A) CCG (registration, else residence) that pays for emergency care under the s14Z7 switch.
  const normalCcg = `CASE WHEN ${H}gp_ccg IS NOT NULL THEN (CASE WHEN ${H}uk THEN ${H}cross_ccg ELSE ${H}gp_ccg END)
      ELSE ${H}res_ccg END`;
  const payerCode =
    switches.emergencyPayment === 'host_ccg'
      ? 'responsible_code'
      : `CASE WHEN ${H}outcome = ${OUTCOMES.r1.n} THEN coalesce(${normalCcg}, site_ccg_code) ELSE responsible_code END`;
  const helpers = loaded
    ? [`${H}reg_ccg`, `${H}temp_ccg`, `${H}res_utla`, `${H}category`, `${H}armed_forces`]
    : [
        `${H}reg_found`,
        `${H}reg_ccg`,
        `${H}temp_found`,
        `${H}temp_ccg`,
        `${H}lsoa_found`,
        `${H}res_utla`,
        `${H}category`,
        `${H}armed_forces`,
      ];

  // Every helper column is dropped: the output is the input's columns and the five (or six) decided here.
  return `SELECT * EXCLUDE (${H}gp_ccg, ${H}cross_ccg, ${H}res_ccg, ${H}uk, ${H}outcome,
      responsible_kind, responsible_code, who_pays_rule, who_pays_class),
    responsible_kind, responsible_code,
    responsible_kind AS payer_kind,
    ${payerCode} AS payer_code,
    who_pays_rule${options.withClass ? ', who_pays_class' : ''}
  FROM (
    SELECT *, ${byClass.kind} AS responsible_kind, ${byClass.rule} AS who_pays_rule
    FROM (
      SELECT * EXCLUDE (${helpers.join(', ')}), ${classColumn} AS who_pays_class, ${responsibleCode} AS responsible_code
      FROM (${decided})
    )
  )`;
}

type LayoutValue = string | number | boolean | Date | null | undefined;

const present = (v: LayoutValue): v is string | number | boolean | Date => v !== null && v !== undefined;
const asText = (v: LayoutValue): string | undefined => (present(v) ? String(v) : undefined);

function isoDate(v: LayoutValue): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : v.toISOString().slice(0, 10);
  return asText(v);
}

/**
 * The case a layout row (definitions/activity/layout.json) stands for: residence is the LSOA of
 * residence if given, else residence_country if it is wales, scotland, northern_ireland or abroad
 * (england and unknown mean none; any other value makes the case invalid, as in SQL); present_in_ccg is
 * site_ccg_code; the flags map one to one. Null means absent. A DATE from DuckDB (a JS Date at UTC
 * midnight) becomes YYYY-MM-DD.
 */
export function caseFromActivityRow(row: Readonly<Record<string, LayoutValue>>): WhoPaysCase {
  const c: Record<string, unknown> = {};
  const set = (field: string, value: unknown) => {
    if (value !== undefined) c[field] = value;
  };
  set('date', isoDate(row.activity_start_date));
  set('service', asText(row.service_category));
  set('registered_practice', asText(row.general_medical_practice_code));
  set('temporary_practice', asText(row.temporary_resident_practice_code));
  const country = asText(row.residence_country);
  const lsoa = asText(row.lsoa_of_residence);
  const known = (values: readonly string[]) => country !== undefined && values.includes(country);
  set('residence', lsoa ?? (known(RESIDENCE_COUNTRIES) ? country : undefined));
  // A residence_country outside the layout's values (a CCG or LSOA code, say) makes the row invalid in
  // SQL; here it is kept as a field no case has, which the case parser refuses the same way.
  if (
    lsoa === undefined &&
    country !== undefined &&
    !known([...NO_RESIDENCE_COUNTRIES, ...RESIDENCE_COUNTRIES])
  ) {
    c.residence_country = country;
  }
  set('present_in_ccg', asText(row.site_ccg_code));
  set('detained_in', asText(row.detained_in));
  set('armed_forces', asText(row.armed_forces));
  const placingCcg = asText(row.placement_placing_ccg);
  if (placingCcg !== undefined) {
    const placement: Record<string, unknown> = { placing_ccg: placingCcg };
    if (present(row.placement_setting)) placement.setting = asText(row.placement_setting);
    if (present(row.placement_continuing_care)) placement.continuing_care = row.placement_continuing_care;
    if (present(row.placement_planned_service)) placement.planned_service = row.placement_planned_service;
    c.placement = placement;
  }
  const lookedAfter = asText(row.looked_after_placing_ccg);
  if (lookedAfter !== undefined) c.looked_after_child = { placing_ccg: lookedAfter };
  set('s117_responsible_ccg', asText(row.s117_responsible_ccg));
  return c as WhoPaysCase;
}
