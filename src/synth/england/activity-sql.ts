import { sqlString } from '../../platform/analytics/duckdb.ts';
import { syntheticMarkOption } from '../synthetic-mark.ts';
import { ACTIVITY_TYPE_OF_POD, ADMITTED_PODS, type AdmittedPod, PODS, type Pod } from './age-bands.ts';
import { BUCKETS, caseMixKeyIndex, READMISSION_AFTER_MATERNITY } from './case-mix.ts';
import type { SyntheticDefinitions } from './definitions.ts';
import type { LayoutColumn } from './layout-columns.ts';
import {
  ageStepSql,
  categoricalSql,
  EVENT_STREAM as E,
  geometricSql,
  literal,
  MAX_EVENTS,
  normalSql,
  PERSON_KEY,
  poissonCtes,
  pseudonymSql,
  READMISSION_OFFSET,
  PERSON_STREAM as S,
  sqlText,
  uniformSql,
} from './random-sql.ts';

/**
 * The SQL that turns a chunk's people (a people Parquet file) into a year of activity rows in the
 * layout of definitions/activity/layout.json. Three statements: the events (chunk_events), their
 * emergency readmissions (chunk_readmissions), and the COPY of both, in layout order, to Parquet.
 */

const YEAR_DAYS = 365;
const MAX_LOS = 200;
const mapSql = (expr: string, entries: readonly (readonly [string, string])[], otherwise = 'null') =>
  `(case ${expr} ${entries.map(([k, v]) => `when ${sqlText(k)} then ${v}`).join(' ')} else ${otherwise} end)`;

/**
 * A person's relative use of a point of delivery (before scaling to the national target): the age-sex
 * shape times the condition and cohort multipliers. `pe` is a people row, `sh` its g_shape row.
 */
export function weightSql(d: SyntheticDefinitions, pod: Pod): string {
  const groups = d.population.conditions.groups.map((g) => g.id);
  const byCount = d.rates.conditionMultipliers.byCount[pod];
  const factors = [
    `sh.s_${pod}`,
    `(case least(pe.condition_count, 4) ${byCount.map((m, i) => `when ${i} then ${literal(m)}`).join(' ')} end)`,
    ...d.rates.conditionMultipliers.specific
      .filter((s) => s.pod === pod)
      .map(
        (s) =>
          `(case when (pe.condition_mask >> ${groups.indexOf(s.condition)}) & 1 = 1 then ${literal(s.multiplier)} else 1 end)`,
      ),
  ];
  const cm = d.rates.cohortMultipliers;
  const cohorts: [Partial<Record<Pod, number>>, string][] = [
    [cm.careHome, 'pe.care_home'],
    [cm.unregistered, `pe.cohort = 'unregistered'`],
    [cm.overseasVisitor, `pe.cohort = 'overseas_visitor'`],
    [cm.prisoner, `pe.detained_in in ('prison', 'yoi')`],
    [cm.immigrationDetainee, `pe.detained_in = 'irc'`],
    [cm.servingArmedForces, `pe.armed_forces = 'serving'`],
    [cm.placement, 'pe.placement_setting is not null'],
    [cm.s117Aftercare, 'pe.s117_responsible_ccg is not null'],
  ];
  for (const [multipliers, test] of cohorts) {
    const m = multipliers[pod];
    if (m !== undefined && m !== 1) factors.push(`(case when ${test} then ${literal(m)} else 1 end)`);
  }
  return `(${factors.join(' * ')})`;
}

/** Exact sums of every person's weight per point of delivery (DECIMAL, so the order of addition cannot matter). */
export function calibrationSql(d: SyntheticDefinitions, peopleFiles: readonly string[]): string {
  return `select ${PODS.map((p) => `sum((${weightSql(d, p)})::DECIMAL(18, 9))::VARCHAR as w_${p}`).join(', ')}
    from read_parquet([${peopleFiles.map(sqlString).join(', ')}]) pe join g_shape sh using (sex, age_band)`;
}

/** The case-mix group index (caseMixGroupIndex) of an age-class × sex group, in SQL. */
function groupIndexSql(d: SyntheticDefinitions, age: string, sex: string): string {
  const c = d.caseMix.ageClasses;
  return `((case when ${age} <= ${c.infant[1]} then 0 when ${age} <= ${c.child[1]} then 1
    when ${age} <= ${c.adult[1]} then 2 else 3 end) * 2 + (case ${sex} when 'male' then 0 else 1 end))`;
}

/** The g_casemix join key of a row (caseMixKeyIndex, group index and a random bucket), in SQL. */
function mixKeySql(keyIndex: string, groupIndex: string, u: string): string {
  return `((${keyIndex}) * 16 + ${groupIndex}) * ${BUCKETS} + floor(${u} * ${BUCKETS})::INTEGER`;
}

const admittedList = (pods: readonly string[]) => pods.map(sqlText).join(', ');

/** Events of the chunk: one row per spell, attendance or contact, before readmissions. */
export function eventsSql(
  d: SyntheticDefinitions,
  mix: bigint,
  peopleFile: string,
  norms: Readonly<Record<Pod, number>>,
): string {
  const up = (stream: number) => uniformSql(mix, 'person_id', PERSON_KEY, stream);
  const ue = (stream: number) => uniformSql(mix, 'person_id', 'k', stream);
  const sigma = d.rates.frailty.sigma;
  const frailty = `exp(${literal(sigma)} * ${normalSql(up(S.frailty1), up(S.frailty2))} - ${literal((sigma * sigma) / 2)})`;
  const keep = [
    'person_id',
    'sex',
    'age',
    'birthday',
    'practice_code',
    'source_practice_code',
    'temp_practice',
    'temporary_from',
    'temporary_to',
    'l_total',
    ...PODS.map((p) => `c_${p}`),
  ];
  const cumulative = PODS.map(
    (p, i) =>
      `${PODS.slice(0, i + 1)
        .map((q) => `l_${q}`)
        .join(' + ')} as c_${p}`,
  );
  const podChoice = `(case ${PODS.slice(0, -1)
    .map((p) => `when x < c_${p} then ${sqlText(p)}`)
    .join(' ')} else ${sqlText(PODS[PODS.length - 1]!)} end)`;
  const ae = d.rates.aeDepartmentTypes;
  const aeType = categoricalSql(ue(E.aeType), [
    ['01', ae['01']],
    ['02', ae['02']],
    ['03', ae['03']],
    ['04', ae['04']],
  ]);
  const spells = d.rates.spells;
  const weekday = admittedList(spells.weekdayOnly);
  const methods = mapSql(
    'pod',
    (['EL', 'DC', 'NEL'] as const).map((p) => [
      p,
      categoricalSql(ue(E.method), Object.entries(spells.admissionMethods[p])),
    ]),
  );
  const postnatal = spells.postnatalHrgPrefixes
    .map((p) => `starts_with(currency, ${sqlText(p)})`)
    .join(' or ');
  const mat = Object.entries(spells.admissionMethods.MAT);
  const matMethod = `(case when ${postnatal || 'false'} then ${sqlText(spells.postnatalAdmissionMethod)} else ${categoricalSql(ue(E.method), mat)} end)`;
  const selfShare = mapSql(
    'pod',
    ADMITTED_PODS.map((p) => [p, literal(spells.selfDischargeShare[p])]),
    '0::DOUBLE',
  );
  const bpt = d.rates.bestPracticeTariffs.criteriaMetShare;
  const bptShare = mapSql(
    'bpt',
    Object.entries(bpt).map(([k, v]) => [k, literal(v)]),
  );
  const away = d.providers.choice.awayFromHome.shareOfAeAttendances;

  return `
create or replace temp table chunk_events as
with p as (
  select pe.person_id, pe.sex, pe.age, pe.practice_code, pe.source_practice_code,
    pe.temporary_resident_practice_code as temp_practice, pe.temporary_from, pe.temporary_to,
    ${PODS.map((pod) => `${literal(norms[pod])} * ${weightSql(d, pod)} as l_${pod}`).join(',\n    ')}
  from read_parquet(${sqlString(peopleFile)}) pe join g_shape sh using (sex, age_band)
),
lam as (
  select *, ${cumulative.join(', ')}, c_${PODS[PODS.length - 1]} as l_total,
    c_${PODS[PODS.length - 1]} * ${frailty} as lam,
    floor(${up(S.birthday)} * ${YEAR_DAYS})::INTEGER as birthday,
    ${up(S.count)} as u_count,
    ${normalSql(up(S.countNormal1), up(S.countNormal2))} as z_count
  from p
),
${poissonCtes('lam', keep, 'pois')},
ev as (select ${keep.join(', ')}, unnest(range(least(n_events, ${MAX_EVENTS}))) as k from pois_n),
chosen as (
  select *, ${podChoice} as pod, floor(${ue(E.day)} * ${YEAR_DAYS})::INTEGER as d0
  from (select *, ${ue(E.pod)} * l_total as x from ev)
),
grouped as (
  select *,
    case when pod = 'AE' then ${aeType} end as ae_type,
    ${mixKeySql(
      mapSql(
        'pod',
        PODS.map((p) => [p, String(caseMixKeyIndex(p))]),
      ),
      `(case when pod = 'AE' then 7 + ae_type::INTEGER else ${groupIndexSql(d, 'age + (d0 >= birthday)::INTEGER', 'sex')} end)`,
      ue(E.caseMix),
    )} as mix_key
  from chosen
),
mixed as (
  select g.*, cm.currency, cm.tfc, cm.service, cm.bpt, cm.los_mean, cm.provider_kind,
    case when g.pod in (${admittedList(ADMITTED_PODS)}) then ${geometricSql(uniformSql(mix, 'g.person_id', 'g.k', E.los), 'cm.los_mean', MAX_LOS)} end as los
  from grouped g left join g_casemix cm on cm.mix_key = g.mix_key
),
dated as (
  select *,
    case when pod in (${weekday}) and s % 7 = 5 then s - 1 when pod in (${weekday}) and s % 7 = 6 then s - 2 else s end
      as start_day
  from (select *, least(d0, ${YEAR_DAYS - 1} - coalesce(los, 0)) as s from mixed)
),
anchored as (
  select *,
    case when temp_practice is not null and DATE '2013-04-01' + start_day between temporary_from and temporary_to
      then temp_practice else coalesce(practice_code, source_practice_code) end as anchor,
    case when pod = 'AE' and ${ue(E.away)} < ${literal(away)}
      then floor(${ue(E.awayProvider)} * (select count(*) from g_away))::INTEGER end as away_idx,
    ${ue(E.provider)} as u_provider
  from dated
)
select a.person_id, a.k, a.pod, a.sex, a.age, a.birthday, a.start_day, a.los, a.ae_type, a.currency, a.tfc, a.service,
  a.bpt,
  case when a.away_idx is not null then ga.provider_code when a.u_provider < gp.c1 then gp.p1 when a.u_provider < gp.c2 then gp.p2
    when a.u_provider < gp.c3 then gp.p3 when a.u_provider < gp.c4 then gp.p4 else gp.p5 end as provider_code,
  case when a.pod = 'MAT' then ${matMethod}
    when a.pod in ('EL', 'DC', 'NEL') then ${methods} end as admission_method,
  a.pod in (${admittedList(ADMITTED_PODS)}) and ${ue(E.selfDischarge)} < ${selfShare}
    as self_discharge,
  a.pod = 'NEL' and ${ue(E.death)} < ${ageStepSql('a.age', spells.deathShareByAge.rates)}
    as death_candidate,
  case when a.bpt is not null then ${ue(E.bpt)} < ${bptShare} end
    as bpt_met,
  false as readmission
from anchored a
left join g_provider gp on gp.anchor = a.anchor and gp.kind = a.provider_kind
left join g_away ga on ga.idx = a.away_idx
`;
}

/**
 * Rows the lookups could not complete (no case mix for the row's group, no provider for its anchor).
 * The joins are outer joins so that such rows are counted and reported, never silently dropped.
 */
export const incompleteRowsSql = `
select
  (select count(*) from chunk_events where currency is null) as events_without_case_mix,
  (select count(*) from chunk_events where provider_code is null) as events_without_provider,
  (select count(*) from chunk_readmissions where currency is null) as readmissions_without_case_mix`;

/** Emergency readmissions of the chunk's admitted spells, to the same provider within 0..maxGapDays of discharge. */
export function readmissionsSql(d: SyntheticDefinitions, mix: bigint): string {
  const r = d.rates.readmissions;
  const spells = d.rates.spells;
  const ui = (stream: number) => uniformSql(mix, 'i.person_id', 'i.k', stream);
  const ur = (stream: number) => uniformSql(mix, 'person_id', 'k', stream);
  const share = mapSql(
    'i.pod',
    ADMITTED_PODS.map((p: AdmittedPod) => [p, literal(r.shareOfIndexSpells[p])]),
    '0::DOUBLE',
  );
  return `
create or replace temp table chunk_readmissions as
with indexed as (
  select i.person_id, i.k + ${READMISSION_OFFSET} as k, i.pod as index_pod, i.sex, i.age, i.birthday, i.provider_code,
    i.start_day + i.los + floor(pow(${ui(E.gap)}, 2) * ${r.maxGapDays + 1})::INTEGER as start_day
  from chunk_events i
  where i.pod in (${admittedList(ADMITTED_PODS)}) and not i.death_candidate
    and ${ui(E.readmit)} < ${share} * (case when i.self_discharge then ${literal(r.afterSelfDischargeMultiplier)} else 1 end)
),
grouped as (
  select *,
    ${mixKeySql(
      `case when index_pod = 'MAT' then ${caseMixKeyIndex(READMISSION_AFTER_MATERNITY)} else ${caseMixKeyIndex('NEL')} end`,
      groupIndexSql(d, 'age + (start_day >= birthday)::INTEGER', 'sex'),
      ur(E.caseMix),
    )} as mix_key
  from indexed
  where start_day <= ${YEAR_DAYS - 1}
)
select g.person_id, g.k, 'NEL' as pod, g.sex, g.age, g.birthday, g.start_day,
  least(${geometricSql(uniformSql(mix, 'g.person_id', 'g.k', E.los), 'cm.los_mean', MAX_LOS)}, ${YEAR_DAYS - 1} - g.start_day) as los,
  null::VARCHAR as ae_type, cm.currency, cm.tfc, cm.service, cm.bpt, g.provider_code,
  ${categoricalSql(uniformSql(mix, 'g.person_id', 'g.k', E.method), Object.entries(r.admissionMethods))} as admission_method,
  ${uniformSql(mix, 'g.person_id', 'g.k', E.selfDischarge)} < ${literal(spells.selfDischargeShare.NEL)} as self_discharge,
  ${uniformSql(mix, 'g.person_id', 'g.k', E.death)} < ${ageStepSql('g.age', spells.deathShareByAge.rates)} as death_candidate,
  case when cm.bpt is not null then ${uniformSql(mix, 'g.person_id', 'g.k', E.bpt)} < ${mapSql(
    'cm.bpt',
    Object.entries(d.rates.bestPracticeTariffs.criteriaMetShare).map(([k, v]) => [k, literal(v)]),
  )} end as bpt_met,
  true as readmission
from grouped g left join g_casemix cm on cm.mix_key = g.mix_key
`;
}

/** The COPY of the chunk's events and readmissions, in layout order and types, to a Parquet file. */
export function writeActivitySql(
  d: SyntheticDefinitions,
  mix: bigint,
  peopleFile: string,
  layout: readonly LayoutColumn[],
  outFile: string,
): string {
  const spells = d.rates.spells;
  const transfer = spells.transferAdmissionMethods.map(sqlText).join(', ');
  const apc = `r.pod in (${admittedList(ADMITTED_PODS)})`;
  const date = (day: string) => `DATE '2013-04-01' + ${day}`;
  const values: Record<string, string> = {
    activity_id: pseudonymSql('(r.person_id::UBIGINT << 12) | r.k::UBIGINT', mix, 2),
    patient_pseudonym: 'pe.pseudonym',
    activity_type: mapSql(
      'r.pod',
      PODS.map((p) => [p, sqlText(ACTIVITY_TYPE_OF_POD[p])]),
    ),
    point_of_delivery: 'r.pod',
    admission_method: 'r.admission_method',
    admission_source: `case when ${apc} then (case when r.admission_method in (${transfer}) then ${sqlText(spells.transferAdmissionSource)} else ${sqlText(spells.usualAdmissionSource)} end) end`,
    discharge_method: `case when ${apc} then (case when r.death_candidate and r.last_of_person then '4' when r.self_discharge then '2' else '1' end) end`,
    activity_start_date: date('r.start_day'),
    activity_end_date: `case when ${apc} then ${date('r.start_day + r.los')} end`,
    age_at_activity_date: 'r.age + (r.start_day >= r.birthday)::INTEGER',
    person_stated_gender_code: `case r.sex when 'male' then '1' when 'female' then '2' else '9' end`,
    general_medical_practice_code: 'pe.practice_code',
    temporary_resident_practice_code: `case when ${date('r.start_day')} between pe.temporary_from and pe.temporary_to then pe.temporary_resident_practice_code end`,
    lsoa_of_residence: 'pe.lsoa_code',
    residence_country: 'pe.residence_country',
    site_ccg_code: 'coalesce(s.site_ccg, pe.practice_ccg_code, pe.residence_ccg_code, gp.home_ccg)',
    provider_code: 'r.provider_code',
    hrg_code: 'r.currency',
    treatment_function_code: 'r.tfc',
    service_category: 'r.service',
    ae_department_type: 'r.ae_type',
    detained_in: 'pe.detained_in',
    armed_forces: 'pe.armed_forces',
    placement_placing_ccg: 'pe.placement_placing_ccg',
    placement_setting: 'pe.placement_setting',
    placement_continuing_care: 'pe.placement_continuing_care',
    placement_planned_service: `case when pe.placement_setting is not null then r.pod in ('COM', 'MH') end`,
    looked_after_placing_ccg: 'pe.looked_after_placing_ccg',
    s117_responsible_ccg: `case when r.pod = 'MH' then pe.s117_responsible_ccg end`,
    best_practice_criteria_met: 'r.bpt_met',
  };
  const missing = layout.filter((c) => !(c.name in values)).map((c) => c.name);
  const extra = Object.keys(values).filter((n) => !layout.some((c) => c.name === n));
  if (missing.length || extra.length) {
    throw new Error(
      `activity layout and generator disagree: missing ${missing.join(', ') || '-'}; extra ${extra.join(', ') || '-'}`,
    );
  }
  const columns = [
    'person_id',
    'k',
    'pod',
    'sex',
    'age',
    'birthday',
    'start_day',
    'los',
    'ae_type',
    'currency',
    'tfc',
    'service',
    'bpt',
    'provider_code',
    'admission_method',
    'self_discharge',
    'death_candidate',
    'bpt_met',
    'readmission',
  ].join(', ');
  return `
copy (
  with rows as (
    select ${columns} from chunk_events
    union all
    select ${columns} from chunk_readmissions
  ),
  last as (select person_id, max(start_day * 4096 + k) as last_key from rows group by person_id),
  ranked as (
    select rows.*, rows.start_day * 4096 + rows.k = last.last_key as last_of_person
    from rows join last using (person_id)
  )
  select ${layout.map((c) => `cast(${values[c.name]} as ${c.type}) as ${c.name}`).join(',\n    ')}
  from ranked r
  join read_parquet(${sqlString(peopleFile)}) pe on pe.person_id = r.person_id
  left join g_practice gp on gp.practice_code = pe.source_practice_code
  left join g_site s on s.provider_code = r.provider_code
  order by (r.person_id::BIGINT << 21) | (r.start_day::BIGINT << 12) | r.k::BIGINT
) to ${sqlString(outFile)} (format parquet, compression zstd, ${syntheticMarkOption()})
`;
}
