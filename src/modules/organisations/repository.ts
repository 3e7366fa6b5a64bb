import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type {
  AgeBand,
  AreaUnit,
  CcgLocalAuthorityShare,
  MembershipPeriod,
  Organisation,
  OrgType,
  PopulationBand,
  RelatedOrganisation,
  RelationshipKind,
  Sex,
} from './model.ts';

/**
 * The only SQL of the organisations registry. Every "as at" filter uses the same period test:
 * a row is in force on D when start_date <= D and (end_date is null or end_date >= D).
 */

const inForce = (asAt: string, table = 'r') =>
  sql`${sql.ref(`${table}.start_date`)} <= ${asAt}::date and (${sql.ref(`${table}.end_date`)} is null or ${sql.ref(`${table}.end_date`)} >= ${asAt}::date)`;

const openOn = (asAt: string) =>
  sql`(o.open_date is null or o.open_date <= ${asAt}::date) and (o.close_date is null or o.close_date >= ${asAt}::date)`;

/** Relationship kinds that place an organisation under a parent, for "parent" filters and roll-ups. */
const HIERARCHY: readonly RelationshipKind[] = ['member_of', 'in_area_team', 'in_region', 'part_of'];

interface OrganisationRow {
  code: string;
  org_type: string;
  name: string;
  short_name: string | null;
  ons_code: string | null;
  postcode: string | null;
  open_date: string | null;
  close_date: string | null;
  provenance: 'sourced' | 'illustrative';
  provenance_note: string | null;
  source: string;
  attributes: Record<string, unknown> | string;
}

function toOrganisation(r: OrganisationRow): Organisation {
  return {
    code: r.code,
    orgType: r.org_type as OrgType,
    name: r.name,
    shortName: r.short_name,
    onsCode: r.ons_code,
    postcode: r.postcode,
    openDate: r.open_date,
    closeDate: r.close_date,
    provenance: r.provenance,
    provenanceNote: r.provenance_note,
    source: r.source,
    attributes: typeof r.attributes === 'string' ? JSON.parse(r.attributes) : r.attributes,
  };
}

export interface OrganisationFilter {
  readonly q?: string | undefined;
  readonly type?: OrgType | undefined;
  readonly code?: string | undefined;
  readonly parent?: string | undefined;
  readonly asAt: string;
  readonly limit: number;
  readonly offset: number;
}

export interface Quarter {
  readonly start: string;
  readonly end: string;
}

export class OrganisationRepository {
  constructor(private readonly db: Database) {}

  async list(f: OrganisationFilter): Promise<{ total: number; items: Organisation[] }> {
    const conditions = [openOn(f.asAt)];
    if (f.type) conditions.push(sql`o.org_type = ${f.type}`);
    if (f.code) conditions.push(sql`o.code = ${f.code.toUpperCase()}`);
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(
        sql`(o.name ilike ${like} or o.code ilike ${like} or coalesce(o.short_name, '') ilike ${like})`,
      );
    }
    if (f.parent) {
      conditions.push(sql`exists (select 1 from relationship r where r.from_code = o.code and r.to_code = ${f.parent.toUpperCase()}
        and r.kind in (${sql.join(HIERARCHY.map((k) => sql`${k}`))}) and ${inForce(f.asAt)})`);
    }
    const where = sql.join(conditions, sql` and `);
    const total = await sql<{
      n: number;
    }>`select count(*)::int as n from organisation o where ${where}`.execute(this.db);
    const rows = await sql<OrganisationRow>`select o.* from organisation o where ${where}
      order by o.org_type, o.name, o.code limit ${f.limit} offset ${f.offset}`.execute(this.db);
    return { total: total.rows[0]?.n ?? 0, items: rows.rows.map(toOrganisation) };
  }

  /** Names of the given organisations (codes not found are left out). */
  async names(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('organisation')
      .select(['code', 'name'])
      .where('code', 'in', [...new Set(codes)])
      .execute();
    return new Map(rows.map((r) => [r.code, r.name]));
  }

  async get(code: string): Promise<Organisation | undefined> {
    const r =
      await sql<OrganisationRow>`select * from organisation where code = ${code.toUpperCase()}`.execute(
        this.db,
      );
    return r.rows[0] ? toOrganisation(r.rows[0]) : undefined;
  }

  /** Relationships of an organisation in both directions: in force on `asAt`, or all when null. */
  async related(code: string, asAt: string | null): Promise<RelatedOrganisation[]> {
    const when = asAt ? inForce(asAt) : sql`true`;
    const r = await sql<{
      kind: RelationshipKind;
      direction: 'outgoing' | 'incoming';
      code: string;
      name: string;
      org_type: OrgType;
      start_date: string;
      end_date: string | null;
      share: string | null;
      provenance: 'sourced' | 'illustrative';
      provenance_note: string | null;
    }>`
      select r.kind, 'outgoing' as direction, o.code, o.name, o.org_type, r.start_date, r.end_date, r.share,
             r.provenance, r.provenance_note
      from relationship r join organisation o on o.code = r.to_code
      where r.from_code = ${code} and ${when}
      union all
      select r.kind, 'incoming', o.code, o.name, o.org_type, r.start_date, r.end_date, r.share, r.provenance, r.provenance_note
      from relationship r join organisation o on o.code = r.from_code
      where r.to_code = ${code} and ${when}
      order by 1, 2, 7, 4`.execute(this.db);
    return r.rows.map((x) => ({
      kind: x.kind,
      direction: x.direction,
      code: x.code,
      name: x.name,
      orgType: x.org_type,
      startDate: x.start_date,
      endDate: x.end_date,
      share: x.share,
      provenance: x.provenance,
      provenanceNote: x.provenance_note,
    }));
  }

  /** The list-size quarter covering `asAt`, else the latest one before it. */
  async quarterFor(asAt: string): Promise<Quarter | undefined> {
    const r = await sql<{ start: string; end: string }>`
      select quarter_start as start, quarter_end as end from (select distinct quarter_start, quarter_end from list_size) q
      where quarter_start <= ${asAt}::date order by quarter_start desc limit 1`.execute(this.db);
    return r.rows[0];
  }

  /** Member practices of a CCG on `asAt`, with registered patients in `quarter`. */
  async members(ccgCode: string, asAt: string, quarter: Quarter | undefined) {
    const r = await sql<{
      code: string;
      name: string;
      postcode: string | null;
      start_date: string;
      end_date: string | null;
      registered_patients: number;
    }>`
      select o.code, o.name, o.postcode, r.start_date, r.end_date,
             coalesce((select sum(l.patients)::int from list_size l
                       where l.practice_code = o.code and l.quarter_start = ${quarter?.start ?? null}::date), 0) as registered_patients
      from relationship r join organisation o on o.code = r.from_code
      where r.kind = 'member_of' and r.to_code = ${ccgCode} and ${inForce(asAt)}
      order by o.name, o.code`.execute(this.db);
    return r.rows.map((x) => ({
      code: x.code,
      name: x.name,
      postcode: x.postcode,
      startDate: x.start_date,
      endDate: x.end_date,
      registeredPatients: x.registered_patients,
    }));
  }

  /**
   * Registered population by sex and age band of every practice under an organisation on `asAt`
   * (the practice itself, a CCG's members, an area team's CCGs' members, and so on up to the Board).
   */
  async population(code: string, asAt: string, quarter: Quarter) {
    const r = await sql<{ sex: Sex; age_band: AgeBand; patients: number; practices: number }>`
      with recursive under(code) as (
        select ${code}::text
        union
        select r.from_code from relationship r join under u on r.to_code = u.code
        where r.kind in (${sql.join(HIERARCHY.map((k) => sql`${k}`))}) and ${inForce(asAt)}
      )
      select l.sex, l.age_band, sum(l.patients)::int as patients, count(distinct l.practice_code)::int as practices
      from list_size l join under u on u.code = l.practice_code
      where l.quarter_start = ${quarter.start}::date
      group by l.sex, l.age_band`.execute(this.db);
    const bands: PopulationBand[] = r.rows.map((x) => ({
      sex: x.sex,
      ageBand: x.age_band,
      patients: x.patients,
    }));
    return { bands, practices: Math.max(0, ...r.rows.map((x) => x.practices)) };
  }

  async membershipHistory(practiceCode: string): Promise<MembershipPeriod[]> {
    const r = await sql<{
      ccg_code: string;
      ccg_name: string;
      start_date: string;
      end_date: string | null;
      source: string;
      event_id: number | null;
    }>`
      select r.to_code as ccg_code, o.name as ccg_name, r.start_date, r.end_date, r.source, r.event_id
      from relationship r join organisation o on o.code = r.to_code
      where r.kind = 'member_of' and r.from_code = ${practiceCode}
      order by r.start_date, r.to_code`.execute(this.db);
    return r.rows.map((x) => ({
      ccgCode: x.ccg_code,
      ccgName: x.ccg_name,
      startDate: x.start_date,
      endDate: x.end_date,
      source: x.source,
      eventId: x.event_id,
    }));
  }

  /** Every CCG open on `asAt` with its area team, region, member practices and registered patients. */
  async ccgSummaries(asAt: string, quarter: Quarter | undefined) {
    const r = await sql<{
      code: string;
      ons_code: string | null;
      name: string;
      short_name: string | null;
      area_team_code: string | null;
      area_team_name: string | null;
      region_code: string | null;
      region_name: string | null;
      member_practices: number;
      practices_with_patients: number;
      registered_patients: number;
    }>`
      with members as (
        select r.to_code as ccg, r.from_code as practice from relationship r
        where r.kind = 'member_of' and ${inForce(asAt)}
      ), sizes as (
        select practice_code, sum(patients)::int as patients from list_size
        where quarter_start = ${quarter?.start ?? null}::date group by practice_code
      ), totals as (
        select m.ccg, count(*)::int as members, count(*) filter (where s.patients > 0)::int as practices, coalesce(sum(s.patients), 0)::int as patients
        from members m left join sizes s on s.practice_code = m.practice group by m.ccg
      )
      select o.code, o.ons_code, o.name, o.short_name, at.code as area_team_code, at.name as area_team_name,
             rg.code as region_code, rg.name as region_name,
             coalesce(t.members, 0) as member_practices, coalesce(t.practices, 0) as practices_with_patients,
             coalesce(t.patients, 0) as registered_patients
      from organisation o
      left join totals t on t.ccg = o.code
      left join relationship rat on rat.from_code = o.code and rat.kind = 'in_area_team' and ${inForce(asAt, 'rat')}
      left join organisation at on at.code = rat.to_code
      left join relationship rrg on rrg.from_code = at.code and rrg.kind = 'in_region' and ${inForce(asAt, 'rrg')}
      left join organisation rg on rg.code = rrg.to_code
      where o.org_type = 'ccg' and ${openOn(asAt)}
      order by o.code`.execute(this.db);
    return r.rows.map((x) => ({
      code: x.code,
      onsCode: x.ons_code,
      name: x.name,
      shortName: x.short_name,
      areaTeamCode: x.area_team_code,
      areaTeamName: x.area_team_name,
      regionCode: x.region_code,
      regionName: x.region_name,
      memberPractices: x.member_practices,
      practicesWithPatients: x.practices_with_patients,
      registeredPatients: x.registered_patients,
    }));
  }

  async boundary(code: string): Promise<Record<string, unknown> | undefined> {
    const r = await this.db
      .selectFrom('boundary_set')
      .select('topology')
      .where('code', '=', code)
      .executeTakeFirst();
    if (!r) return undefined;
    return typeof r.topology === 'string' ? JSON.parse(r.topology) : r.topology;
  }

  // ---- inputs of the structural rules ----------------------------------------------------------

  /** Practices open on `asAt` with their memberships on that date and the next one after it. */
  async practicesOnDate(asAt: string, quarter: Quarter | undefined) {
    const r = await sql<{
      code: string;
      name: string;
      patients: number;
      ccg_codes: string[] | string;
      next_ccg: string | null;
      next_start: string | null;
    }>`
      select o.code, o.name,
             coalesce((select sum(l.patients)::int from list_size l where l.practice_code = o.code and l.quarter_start = ${quarter?.start ?? null}::date), 0) as patients,
             array(select r.to_code from relationship r where r.kind = 'member_of' and r.from_code = o.code and ${inForce(asAt)} order by r.to_code) as ccg_codes,
             n.to_code as next_ccg, n.start_date as next_start
      from organisation o
      left join lateral (
        select r.to_code, r.start_date from relationship r
        where r.kind = 'member_of' and r.from_code = o.code and r.start_date > ${asAt}::date
        order by r.start_date limit 1
      ) n on true
      where o.org_type = 'gp_practice' and ${openOn(asAt)}`.execute(this.db);
    return r.rows.map((x) => ({
      code: x.code,
      name: x.name,
      patients: x.patients,
      ccgCodes: parseTextArray(x.ccg_codes),
      nextMembership: x.next_ccg && x.next_start ? { ccgCode: x.next_ccg, startDate: x.next_start } : null,
    }));
  }

  async areaUnits(): Promise<AreaUnit[]> {
    const r = await sql<{ code: string; ccg_codes: string[] | string; note: string | null }>`
      select lsoa_code as code, ccg_codes, note from area_assignment`.execute(this.db);
    return r.rows.map((x) => ({ code: x.code, ccgCodes: parseTextArray(x.ccg_codes), note: x.note }));
  }

  /** Each CCG's share of small areas in each upper-tier local authority. */
  async localAuthorityShares(asAt: string): Promise<CcgLocalAuthorityShare[]> {
    const r = await sql<{
      ccg_code: string;
      ccg_name: string;
      utla_code: string;
      utla_name: string;
      share: string;
    }>`
      select r.from_code as ccg_code, c.name as ccg_name, r.to_code as utla_code, coalesce(h.short_name, h.name) as utla_name, r.share
      from relationship r join organisation c on c.code = r.from_code join organisation h on h.code = r.to_code
      where r.kind = 'overlaps_hwb' and ${inForce(asAt)}
      order by r.from_code, r.share desc`.execute(this.db);
    return r.rows.map((x) => ({
      ccgCode: x.ccg_code,
      ccgName: x.ccg_name,
      utlaCode: x.utla_code,
      utlaName: x.utla_name,
      share: Number(x.share),
    }));
  }

  /** Names of the local authorities (districts and upper tier) each CCG's small areas fall in. */
  async placeNamesByCcg(): Promise<Map<string, string[]>> {
    const r = await sql<{ ccg: string; names: string[] | string }>`
      select c.ccg, array_agg(distinct c.place) as names from (
        select unnest(a.ccg_codes) as ccg, a.lad_name as place from area_assignment a
        union
        select unnest(a.ccg_codes), coalesce(h.short_name, h.name) from area_assignment a join organisation h on h.code = a.utla_code
      ) c group by c.ccg`.execute(this.db);
    return new Map(r.rows.map((x) => [x.ccg, parseTextArray(x.names)]));
  }

  /** Every practice → CCG membership in force on `asAt`, with the practice's postcode. */
  async membershipsOn(
    asAt: string,
  ): Promise<{ practiceCode: string; ccgCode: string; postcode: string | null }[]> {
    const r = await sql<{ practice_code: string; ccg_code: string; postcode: string | null }>`
      select r.from_code as practice_code, r.to_code as ccg_code, o.postcode
      from relationship r join organisation o on o.code = r.from_code
      where r.kind = 'member_of' and ${inForce(asAt)} order by r.to_code, r.from_code`.execute(this.db);
    return r.rows.map((x) => ({ practiceCode: x.practice_code, ccgCode: x.ccg_code, postcode: x.postcode }));
  }

  /** The CSU supporting each CCG on `asAt` (one row per CCG that has one). */
  async supportOn(asAt: string): Promise<Map<string, string>> {
    const r = await sql<{ ccg: string; csu: string }>`
      select r.to_code as ccg, r.from_code as csu from relationship r where r.kind = 'supports' and ${inForce(asAt)}`.execute(
      this.db,
    );
    return new Map(r.rows.map((x) => [x.ccg, x.csu]));
  }

  async openOrganisations(type: OrgType, asAt: string): Promise<Organisation[]> {
    const r =
      await sql<OrganisationRow>`select o.* from organisation o where o.org_type = ${type} and ${openOn(asAt)} order by o.code`.execute(
        this.db,
      );
    return r.rows.map(toOrganisation);
  }
}

/** `pg` returns text[] as an array; PGlite may too, but be safe with the "{a,b}" literal form. */
function parseTextArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  const inner = v.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',').map((s) => s.replace(/^"|"$/g, ''));
}
