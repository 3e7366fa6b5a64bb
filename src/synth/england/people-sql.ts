import { AGE_BANDS, bandBounds } from './age-bands.ts';
import type { SyntheticDefinitions } from './definitions.ts';
import {
  ageStepSql,
  CONDITION_STREAM_BASE,
  literal,
  PERSON_KEY,
  pseudonymSql,
  PERSON_STREAM as S,
  sqlText,
  uniformHalvesSql,
  uniformSql,
} from './random-sql.ts';

/**
 * The SQL that generates the people of one chunk into the temp table `chunk_people`, from the lookup
 * tables of tables.ts. One row per person, every draw a seeded hash of (person id, stream).
 */

export const PEOPLE_COLUMNS = [
  'person_id',
  'pseudonym',
  'cohort',
  'on_list',
  'source_practice_code',
  'practice_code',
  'practice_ccg_code',
  'sex',
  'age',
  'age_band',
  'residence_country',
  'lsoa_code',
  'residence_ccg_code',
  'cross_border',
  'conditions',
  'condition_count',
  'condition_mask',
  'care_home',
  'placement_placing_ccg',
  'placement_setting',
  'placement_continuing_care',
  'looked_after_placing_ccg',
  'temporary_resident_practice_code',
  'temporary_from',
  'temporary_to',
  'detained_in',
  'armed_forces',
  's117_responsible_ccg',
] as const;

export function peopleSql(d: SyntheticDefinitions, mix: bigint, chunk: number): string {
  const u = (stream: number) => uniformSql(mix, 'person_id', PERSON_KEY, stream);
  const open = d.population.ages.openBand;
  const span = open.maximumAge + 1 - 75;
  const openAge = `least(${open.maximumAge}, 75 + floor(-${literal(open.meanYearsAbove)} * ln(1 - ${u(S.age)} * (1 - exp(-${span} / ${literal(open.meanYearsAbove)})))))`;
  const closed = (lo: number, hi: number) => `${lo} + floor(${u(S.age)} * ${hi - lo + 1})`;
  const age = `(case age_band ${AGE_BANDS.filter((b) => b !== open.band)
    .map((b) => {
      const [lo, hi] = bandBounds(b, open.maximumAge);
      return `when ${sqlText(b)} then ${closed(lo, hi)}`;
    })
    .join(' ')} else ${openAge} end)::INTEGER`;

  // Condition i is bit i of condition_mask; two conditions share one hash (its high and low halves).
  const groups = d.population.conditions.groups;
  const conditionMask = groups
    .map((g, i) => {
      const [hi, lo] = uniformHalvesSql(
        mix,
        'a.person_id',
        PERSON_KEY,
        CONDITION_STREAM_BASE + Math.floor(i / 2),
      );
      return `((${i % 2 === 0 ? hi : lo} < cp.p_${g.id})::INTEGER << ${i})`;
    })
    .join(' | ');
  const has = (group: string) => {
    const i = groups.findIndex((g) => g.id === group);
    if (i < 0) throw new RangeError(`unknown condition group ${group}`);
    return `((condition_mask >> ${i}) & 1 = 1)`;
  };
  const conditionList = `list_filter([${groups
    .map((g, i) => `case when (condition_mask >> ${i}) & 1 = 1 then ${sqlText(g.id)} end`)
    .join(', ')}], x -> x is not null)`;

  const c = d.cohorts.onList;
  const outside = c.residenceOutsideEngland;
  const countryShare = (country: keyof typeof outside & ('wales' | 'scotland' | 'northern_ireland')) => {
    const entries = Object.entries(outside[country].ccgs).sort();
    const cases = entries.map(([ccg, share]) => `when ${sqlText(ccg)} then ${literal(share)}`).join(' ');
    return entries.length
      ? `(case home_ccg ${cases} else ${literal(outside[country].elsewhere)} end)`
      : literal(outside[country].elsewhere);
  };
  const country = `(case when kind = 'registered' then (case
      when u_country < ${countryShare('wales')} then 'wales'
      when u_country < ${countryShare('wales')} + ${countryShare('scotland')} then 'scotland'
      when u_country < ${countryShare('wales')} + ${countryShare('scotland')} + ${countryShare('northern_ireland')} then 'northern_ireland'
      else 'england' end)
    when kind = 'overseas_visitor' then 'abroad'
    when kind = 'immigration_detainee' then 'unknown'
    else 'england' end)`;

  const pl = c.placements;
  const inRange = (p: { fromAge: number; toAge?: number }) =>
    `age >= ${p.fromAge}${p.toAge === undefined ? '' : ` and age <= ${p.toAge}`}`;
  const conditionTest = (p: { conditionsAny?: string[]; minimumConditions?: number }) =>
    [
      p.conditionsAny ? `(${p.conditionsAny.map(has).join(' or ')})` : null,
      p.minimumConditions !== undefined ? `bit_count(condition_mask) >= ${p.minimumConditions}` : null,
    ]
      .filter((x) => x !== null)
      .join(' and ') || 'true';
  const placementSetting = `(case when kind <> 'registered' or residence_country <> 'england' or looked_after then null
      when care_home and ${u(S.placementCareHome)} < ${literal(pl.careHomeOutOfArea.shareOfCareHomeResidents)} then 'care_home'
      when ${inRange(pl.independentHospital)} and ${conditionTest(pl.independentHospital)} and ${u(S.placementHospital)} < ${literal(pl.independentHospital.share)} then 'independent_hospital'
      when ${inRange(pl.supportedLiving)} and ${conditionTest(pl.supportedLiving)} and ${u(S.placementSupported)} < ${literal(pl.supportedLiving.share)} then 'supported_living'
      when ${inRange(pl.domiciliary)} and ${conditionTest(pl.domiciliary)} and ${u(S.placementDomiciliary)} < ${literal(pl.domiciliary.share)} then 'domiciliary'
      end)`;
  const continuingCare = `(case placement_setting
      when 'care_home' then ${u(S.continuingCare)} < ${literal(pl.careHomeOutOfArea.continuingCareShare)}
      when 'independent_hospital' then ${u(S.continuingCare)} < ${literal(pl.independentHospital.continuingCareShare)}
      when 'supported_living' then ${u(S.continuingCare)} < ${literal(pl.supportedLiving.continuingCareShare)}
      when 'domiciliary' then ${u(S.continuingCare)} < ${literal(pl.domiciliary.continuingCareShare)} end)`;

  const settings = Object.entries(c.detainedAtListPractice.settings).sort();
  const detained = `(case kind
      when 'prisoner' then (case when age_band = '15-24' and yoi_practice is not null
        and ${u(S.yoi)} < ${literal(d.cohorts.notRegistered.prisoner.yoiShareOfUnder25)} then 'yoi' else 'prison' end)
      when 'immigration_detainee' then 'irc'
      when 'registered' then (case source_setting ${settings.map(([s, v]) => `when ${sqlText(s)} then ${sqlText(v)}`).join(' ')} end)
      end)`;

  const armed = `(case kind when 'serving_armed_forces' then 'serving' when 'dms_family' then 'dms_family'
      when 'registered' then (case
        when ${u(S.reservist)} < (case sex when 'male' then ${ageStepSql('age', c.reservistMobilised.male)} else ${ageStepSql('age', c.reservistMobilised.female)} end) then 'reservist_mobilised'
        when ${u(S.veteran)} < (case sex when 'male' then ${ageStepSql('age', c.veteran.male)} else ${ageStepSql('age', c.veteran.female)} end) then 'veteran'
        end) end)`;

  const tr = c.temporaryResident;
  const s117 = c.s117Aftercare;
  const lac = c.lookedAfterOutOfArea;

  return `
create or replace temp table chunk_people as
with cells as (
  select k.kind, k.id_start, k.n, c.practice_code as source_practice_code, c.sex, c.age_band
  from g_cell_kind k join g_cell c using (cell_id)
  where k.chunk = ${chunk}
),
expanded as (select *, unnest(range(n)) as i from cells),
base as (
  select e.kind, e.id_start + e.i as person_id, e.source_practice_code, e.sex, e.age_band,
    gp.home_ccg, gp.ccg_code as source_ccg, gp.setting as source_setting, gp.neighbour_ccg, gp.neighbour_practice,
    gp.cross_border_share, gp.prison_practice, gp.yoi_practice
  from expanded e join g_practice gp on gp.practice_code = e.source_practice_code
),
aged as (select *, ${age} as age from base),
conditioned as (
  select a.*, (${conditionMask})::INTEGER as condition_mask
  from aged a join g_cond_prob cp on cp.ccg_code = a.home_ccg and cp.age_band = a.age_band
),
resident as (select *, ${country} as residence_country from (select *, ${u(S.country)} as u_country from conditioned)),
flagged as (
  select *,
    kind = 'registered' and residence_country = 'england' and age <= ${lac.toAge}
      and ${u(S.lookedAfter)} < ${literal(lac.share)} as looked_after,
    kind = 'registered' and ${u(S.careHome)} < ${ageStepSql('age', c.careHome.byAge)} as care_home
  from resident
),
placed as (
  select *, ${placementSetting} as placement_setting from flagged
),
cohorts as (
  select *,
    ${continuingCare} as placement_continuing_care,
    ${detained} as detained_in,
    ${armed} as armed_forces,
    case when kind = 'registered' and ${has(s117.condition)} and age >= ${s117.fromAge}
      and ${u(S.s117)} < ${literal(s117.share)}
      then (case when ${u(S.s117Other)} < ${literal(s117.otherCcgShare)} then neighbour_ccg else home_ccg end) end
      as s117_responsible_ccg
  from placed
),
registered as (
  select *,
    case
      when kind = 'registered' and looked_after and ${u(S.lookedAfterRegistered)} < ${literal(lac.registeredInPlacementAreaShare)}
        then neighbour_practice
      when kind = 'registered' then source_practice_code
      when kind = 'prisoner' then (case detained_in when 'yoi' then yoi_practice else prison_practice end)
    end as practice_code,
    residence_country = 'england' and kind not in ('prisoner', 'immigration_detainee') and placement_setting is null
      and (looked_after or ${u(S.crossBorder)} < cross_border_share) as cross_border,
    kind = 'registered' and residence_country = 'england' and detained_in is null and age >= ${tr.fromAge} and age <= ${tr.toAge}
      and ${u(S.temporary)} < ${literal(tr.share)} as temporary
  from cohorts
),
located as (
  select r.*, pool.pool_ccg,
    case when r.residence_country = 'england'
      then floor(${uniformSql(mix, 'r.person_id', PERSON_KEY, S.lsoa)} * pn.n)::INTEGER end as lsoa_idx,
    case when r.temporary
      then floor(${uniformSql(mix, 'r.person_id', PERSON_KEY, S.temporaryPractice)} * tn.n)::INTEGER end as temp_idx
  from registered r
  left join g_pool pool on pool.ccg_code = (case when r.cross_border then r.neighbour_ccg else r.home_ccg end)
  left join (select pool_ccg, count(*) as n from g_lsoa_pool group by pool_ccg) pn on pn.pool_ccg = pool.pool_ccg
  cross join (select count(*) as n from g_temp_practice) tn
),
housed as (
  select l.*, pr.ccg_code as practice_ccg_code, lp.lsoa_code, lp.lsoa_ccg as residence_ccg_code,
    case when l.temporary then (case when tp.ccg_code = coalesce(pr.ccg_code, l.home_ccg) then tp.neighbour_practice
      else tp.practice_code end) end as temporary_resident_practice_code
  from located l
  left join g_practice pr on pr.practice_code = l.practice_code
  left join g_lsoa_pool lp on lp.pool_ccg = l.pool_ccg and lp.idx = l.lsoa_idx
  left join g_temp_practice tp on tp.idx = l.temp_idx
)
select
  person_id,
  ${pseudonymSql('person_id', mix, 1)} as pseudonym,
  kind as cohort,
  kind = 'registered' as on_list,
  source_practice_code,
  practice_code,
  practice_ccg_code,
  sex,
  age,
  age_band,
  residence_country,
  lsoa_code,
  residence_ccg_code,
  cross_border,
  masks.conditions,
  bit_count(condition_mask)::INTEGER as condition_count,
  condition_mask,
  care_home,
  case when placement_setting is not null then neighbour_ccg end as placement_placing_ccg,
  placement_setting,
  placement_continuing_care,
  case when looked_after then home_ccg end as looked_after_placing_ccg,
  temporary_resident_practice_code,
  case when temporary then DATE '2013-04-01' + floor(${u(S.temporaryStart)} * 365)::INTEGER end as temporary_from,
  case when temporary then least(DATE '2014-03-31', DATE '2013-04-01' + floor(${u(S.temporaryStart)} * 365)::INTEGER
    + ${tr.minDays - 1} + floor(${u(S.temporaryLength)} * ${tr.maxDays - tr.minDays + 1})::INTEGER) end as temporary_to,
  detained_in,
  armed_forces,
  s117_responsible_ccg
from housed
-- The list of condition names is built once per distinct combination, not once per person.
join (select condition_mask, ${conditionList} as conditions from (select distinct condition_mask from housed)) masks
  using (condition_mask)
`;
}
