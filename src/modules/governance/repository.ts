import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { ConstitutionContent, ConstitutionVersion } from './constitution-model.ts';
import type {
  GiftHospitalityEntry,
  GoverningBodyPerson,
  InterestDeclaration,
  NilReturn,
  RegisterPopulationMember,
} from './model.ts';
import type { Breach, Meeting, Minutes, ProcurementDecision } from './records.ts';

/** The only SQL of the governance module. Records are JSON in the model's shapes (see migration 004). */

const json = (v: unknown) => JSON.stringify(v);
const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export interface Flagged<T> {
  readonly record: T;
  readonly synthetic: boolean;
}

export class GovernanceRepository {
  constructor(private readonly db: Database) {}

  // ---- context and people -----------------------------------------------------------------------

  async commissionedProviders(ccgCode: string): Promise<{ codes: string[]; synthetic: boolean }> {
    const r = await this.db
      .selectFrom('gov_ccg_context')
      .selectAll()
      .where('ccg_code', '=', ccgCode)
      .executeTakeFirst();
    return { codes: r?.commissioned_provider_codes ?? [], synthetic: r?.synthetic ?? false };
  }

  async people(ccgCode: string): Promise<Flagged<GoverningBodyPerson>[]> {
    const rows = await this.db
      .selectFrom('gov_person')
      .selectAll()
      .where('ccg_code', '=', ccgCode)
      .orderBy('person_id')
      .execute();
    return rows.map((r) => ({ record: parse<GoverningBodyPerson>(r.record), synthetic: r.synthetic }));
  }

  async person(ccgCode: string, personId: string): Promise<Flagged<GoverningBodyPerson> | undefined> {
    const r = await this.db
      .selectFrom('gov_person')
      .selectAll()
      .where('ccg_code', '=', ccgCode)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return r && { record: parse<GoverningBodyPerson>(r.record), synthetic: r.synthetic };
  }

  async population(ccgCode: string): Promise<RegisterPopulationMember[]> {
    const rows = await sql<{
      person_id: string;
      name: string;
      capacity: string;
      start_date: string;
      end_date: string | null;
    }>`
      select m.person_id, p.name, m.capacity, m.start_date, m.end_date
      from gov_register_member m join gov_person p on p.ccg_code = m.ccg_code and p.person_id = m.person_id
      where m.ccg_code = ${ccgCode} order by p.name, m.capacity`.execute(this.db);
    return rows.rows.map((r) => ({
      personId: r.person_id,
      name: r.name,
      capacity: r.capacity as RegisterPopulationMember['capacity'],
      startDate: r.start_date,
      endDate: r.end_date,
    }));
  }

  // ---- register of interests ---------------------------------------------------------------------

  async declarations(ccgCode: string): Promise<Flagged<InterestDeclaration>[]> {
    const rows = await this.db
      .selectFrom('gov_declaration')
      .selectAll()
      .where('ccg_code', '=', ccgCode)
      .orderBy('declaration_id')
      .execute();
    return rows.map((r) => ({ record: parse<InterestDeclaration>(r.record), synthetic: r.synthetic }));
  }

  async addDeclaration(ccgCode: string, d: InterestDeclaration, synthetic: boolean): Promise<void> {
    await this.db
      .insertInto('gov_declaration')
      .values({
        declaration_id: d.declarationId,
        ccg_code: ccgCode,
        person_id: d.declarant.personId,
        record: json(d),
        synthetic,
      })
      .execute();
  }

  async nilReturns(ccgCode: string): Promise<NilReturn[]> {
    const rows = await this.db
      .selectFrom('gov_nil_return')
      .selectAll()
      .where('ccg_code', '=', ccgCode)
      .execute();
    return rows.map((r) => ({
      personId: r.person_id,
      capacity: r.capacity as NilReturn['capacity'],
      returnedOn: r.returned_on,
    }));
  }

  async addNilReturn(ccgCode: string, n: NilReturn, synthetic: boolean): Promise<void> {
    await this.db
      .insertInto('gov_nil_return')
      .values({
        ccg_code: ccgCode,
        person_id: n.personId,
        capacity: n.capacity,
        returned_on: n.returnedOn,
        synthetic,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  // ---- gifts and hospitality, breaches -----------------------------------------------------------

  async gifts(ccgCode: string): Promise<Flagged<GiftHospitalityEntry>[]> {
    const rows = await this.db
      .selectFrom('gov_gift_hospitality')
      .selectAll()
      .where('ccg_code', '=', ccgCode)
      .orderBy('entry_id')
      .execute();
    return rows.map((r) => ({ record: parse<GiftHospitalityEntry>(r.record), synthetic: r.synthetic }));
  }

  async addGift(ccgCode: string, g: GiftHospitalityEntry, synthetic: boolean): Promise<void> {
    await this.db
      .insertInto('gov_gift_hospitality')
      .values({ entry_id: g.entryId, ccg_code: ccgCode, person_id: g.personId, record: json(g), synthetic })
      .execute();
  }

  async breaches(ccgCode: string): Promise<Breach[]> {
    const rows = await this.db
      .selectFrom('gov_breach')
      .selectAll()
      .where('ccg_code', '=', ccgCode)
      .orderBy('reported_on')
      .execute();
    return rows.map((r) => ({ ...parse<Omit<Breach, 'synthetic'>>(r.record), synthetic: r.synthetic }));
  }

  async addBreach(b: Breach): Promise<void> {
    const { synthetic, ...record } = b;
    await this.db
      .insertInto('gov_breach')
      .values({
        breach_id: b.breachId,
        ccg_code: b.ccgCode,
        reported_on: b.reportedOn,
        record: json(record),
        synthetic,
      })
      .execute();
  }

  // ---- constitution ------------------------------------------------------------------------------

  async constitutions(ccgCode: string): Promise<ConstitutionVersion[]> {
    const rows = await this.db
      .selectFrom('gov_constitution')
      .selectAll()
      .where('ccg_code', '=', ccgCode)
      .orderBy('version')
      .execute();
    return rows.map((r) => ({
      ccgCode: r.ccg_code,
      version: r.version,
      effectiveFrom: r.effective_from,
      status: r.status,
      content: parse<ConstitutionContent>(r.content),
      submittedAt: r.submitted_at,
      decidedAt: r.decided_at,
      decidedBy: r.decided_by,
      decisionNote: r.decision_note,
      synthetic: r.synthetic,
    }));
  }

  async addConstitution(
    v: Omit<ConstitutionVersion, 'decidedAt' | 'decidedBy' | 'decisionNote'> &
      Partial<Pick<ConstitutionVersion, 'decidedAt' | 'decidedBy' | 'decisionNote'>>,
  ): Promise<void> {
    await this.db
      .insertInto('gov_constitution')
      .values({
        ccg_code: v.ccgCode,
        version: v.version,
        effective_from: v.effectiveFrom,
        status: v.status,
        content: json(v.content),
        submitted_at: v.submittedAt,
        decided_at: v.decidedAt ?? null,
        decided_by: v.decidedBy ?? null,
        decision_note: v.decisionNote ?? null,
        synthetic: v.synthetic,
      })
      .execute();
  }

  /** Records the Board's decision on a submitted variation; false if it was not awaiting one. */
  async decideConstitution(
    ccgCode: string,
    version: number,
    decision: { status: 'approved' | 'rejected'; decidedAt: string; decidedBy: string; note: string },
  ): Promise<boolean> {
    const r = await this.db
      .updateTable('gov_constitution')
      .set({
        status: decision.status,
        decided_at: decision.decidedAt,
        decided_by: decision.decidedBy,
        decision_note: decision.note,
      })
      .where('ccg_code', '=', ccgCode)
      .where('version', '=', version)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ---- meetings ----------------------------------------------------------------------------------

  private toMeeting(r: {
    meeting_id: string;
    ccg_code: string;
    body: string;
    date: string;
    status: Meeting['status'];
    record: unknown;
    minutes: unknown;
    published_at: string | null;
    synthetic: boolean;
  }): Meeting {
    const record = parse<
      Omit<
        Meeting,
        'meetingId' | 'ccgCode' | 'body' | 'date' | 'status' | 'minutes' | 'publishedAt' | 'synthetic'
      >
    >(r.record);
    return {
      ...record,
      meetingId: r.meeting_id,
      ccgCode: r.ccg_code,
      body: r.body as Meeting['body'],
      date: r.date,
      status: r.status,
      minutes: r.minutes ? parse<Minutes>(r.minutes) : null,
      publishedAt: r.published_at,
      synthetic: r.synthetic,
    };
  }

  async meetings(ccgCode: string, options: { publishedOnly: boolean }): Promise<Meeting[]> {
    let q = this.db.selectFrom('gov_meeting').selectAll().where('ccg_code', '=', ccgCode);
    if (options.publishedOnly) q = q.where('status', '=', 'published');
    return (await q.orderBy('date').orderBy('meeting_id').execute()).map((r) => this.toMeeting(r));
  }

  async meeting(meetingId: string): Promise<Meeting | undefined> {
    const r = await this.db
      .selectFrom('gov_meeting')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    return r && this.toMeeting(r);
  }

  async meetingOwner(meetingId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('gov_meeting')
      .select('ccg_code')
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    return r?.ccg_code ?? null;
  }

  async addMeeting(m: Meeting): Promise<void> {
    const { meetingId, ccgCode, body, date, status, minutes, publishedAt, synthetic, ...record } = m;
    await this.db
      .insertInto('gov_meeting')
      .values({
        meeting_id: meetingId,
        ccg_code: ccgCode,
        body,
        date,
        status,
        record: json(record),
        minutes: minutes ? json(minutes) : null,
        published_at: publishedAt,
        synthetic,
      })
      .execute();
  }

  /**
   * Records what happened at a draft meeting, and the declarations made at it, in one transaction;
   * false when the meeting was not a draft any more.
   */
  async recordOutcome(
    meetingId: string,
    ccgCode: string,
    minutes: Minutes,
    decisions: Omit<ProcurementDecision, 'id'>[],
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('gov_meeting')
        .set({ status: 'held', minutes: json(minutes) })
        .where('meeting_id', '=', meetingId)
        .where('status', '=', 'draft')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) return false;
      for (const d of minutes.declarationsAtMeeting) {
        await trx
          .insertInto('gov_declaration')
          .values({
            declaration_id: d.declarationId,
            ccg_code: ccgCode,
            person_id: d.declarant.personId,
            record: json(d),
            synthetic: false,
          })
          .execute();
      }
      for (const d of decisions) await new GovernanceRepository(trx).addProcurementDecision(d);
      return true;
    });
  }

  async publishMeeting(meetingId: string, publishedAt: string): Promise<boolean> {
    const r = await this.db
      .updateTable('gov_meeting')
      .set({ status: 'published', published_at: publishedAt })
      .where('meeting_id', '=', meetingId)
      .where('status', '=', 'held')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  // ---- register of procurement decisions --------------------------------------------------------

  async addProcurementDecision(d: Omit<ProcurementDecision, 'id'>): Promise<void> {
    const { ccgCode, decidedOn, meetingId, itemId, source, synthetic, ...record } = d;
    await this.db
      .insertInto('gov_procurement_decision')
      .values({
        ccg_code: ccgCode,
        decided_on: decidedOn,
        meeting_id: meetingId,
        item_id: itemId,
        record: json(record),
        source,
        synthetic,
      })
      .execute();
  }

  async procurementDecisions(ccgCode: string): Promise<ProcurementDecision[]> {
    const rows = await this.db
      .selectFrom('gov_procurement_decision')
      .selectAll()
      .where('ccg_code', '=', ccgCode)
      .orderBy('decided_on')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      ...parse<Pick<ProcurementDecision, 'description' | 'concernedEntities' | 'participants' | 'conflicts'>>(
        r.record,
      ),
      id: r.id,
      ccgCode: r.ccg_code,
      decidedOn: r.decided_on,
      meetingId: r.meeting_id,
      itemId: r.item_id,
      source: r.source,
      synthetic: r.synthetic,
    }));
  }

  // ---- national view and demo data ----------------------------------------------------------------

  /** Everything the compliance checks read, for one CCG or (null) all, in a handful of queries. */
  async complianceRecords(ccgCode: string | null) {
    const only = <T extends { where: (c: 'ccg_code', op: '=', v: string) => T }>(q: T) =>
      ccgCode ? q.where('ccg_code', '=', ccgCode) : q;
    const [people, population, declarations, nilReturns, gifts, constitutions, context] = await Promise.all([
      only(this.db.selectFrom('gov_person').selectAll()).execute(),
      sql<{
        ccg_code: string;
        person_id: string;
        name: string;
        capacity: string;
        start_date: string;
        end_date: string | null;
      }>`
        select m.ccg_code, m.person_id, p.name, m.capacity, m.start_date, m.end_date
        from gov_register_member m join gov_person p on p.ccg_code = m.ccg_code and p.person_id = m.person_id
        where ${ccgCode}::text is null or m.ccg_code = ${ccgCode}`.execute(this.db),
      only(this.db.selectFrom('gov_declaration').selectAll()).execute(),
      only(this.db.selectFrom('gov_nil_return').selectAll()).execute(),
      only(this.db.selectFrom('gov_gift_hospitality').selectAll()).execute(),
      only(this.db.selectFrom('gov_constitution').select(['ccg_code', 'version'])).execute(),
      only(this.db.selectFrom('gov_ccg_context').selectAll()).execute(),
    ]);
    const group = <R extends { ccg_code: string }, T>(rows: readonly R[], map: (r: R) => T) => {
      const out = new Map<string, T[]>();
      for (const r of rows) out.set(r.ccg_code, [...(out.get(r.ccg_code) ?? []), map(r)]);
      return out;
    };
    return {
      people: group(people, (r) => ({
        record: parse<GoverningBodyPerson>(r.record),
        synthetic: r.synthetic,
      })),
      population: group(population.rows, (r) => ({
        personId: r.person_id,
        name: r.name,
        capacity: r.capacity as RegisterPopulationMember['capacity'],
        startDate: r.start_date,
        endDate: r.end_date,
      })),
      declarations: group(declarations, (r) => parse<InterestDeclaration>(r.record)),
      nilReturns: group(
        nilReturns,
        (r): NilReturn => ({
          personId: r.person_id,
          capacity: r.capacity as NilReturn['capacity'],
          returnedOn: r.returned_on,
        }),
      ),
      gifts: group(gifts, (r) => parse<GiftHospitalityEntry>(r.record)),
      constitutionCcgs: new Set(constitutions.map((c) => c.ccg_code)),
      commissioned: new Map(context.map((c) => [c.ccg_code, c.commissioned_provider_codes])),
    };
  }

  async ccgsWithGovernance(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('gov_person')
      .select('ccg_code')
      .distinct()
      .orderBy('ccg_code')
      .execute();
    return rows.map((r) => r.ccg_code);
  }

  async hasGovernanceData(): Promise<boolean> {
    return Boolean(await this.db.selectFrom('gov_person').select('ccg_code').limit(1).executeTakeFirst());
  }

  /** Writes one CCG's seed (people, register, context) in the caller's transaction. */
  async addPeople(
    ccgCode: string,
    people: readonly GoverningBodyPerson[],
    population: readonly RegisterPopulationMember[],
    synthetic: boolean,
  ): Promise<void> {
    if (people.length) {
      await this.db
        .insertInto('gov_person')
        .values(
          people.map((p) => ({
            ccg_code: ccgCode,
            person_id: p.personId,
            name: p.name,
            record: json(p),
            synthetic,
          })),
        )
        .execute();
    }
    if (population.length) {
      await this.db
        .insertInto('gov_register_member')
        .values(
          population.map((m) => ({
            ccg_code: ccgCode,
            person_id: m.personId,
            capacity: m.capacity,
            start_date: m.startDate,
            end_date: m.endDate,
            synthetic,
          })),
        )
        .execute();
    }
  }

  /** Replaces a person's record (appointments and declared employments live inside it). */
  async updatePerson(ccgCode: string, person: GoverningBodyPerson): Promise<void> {
    await this.db
      .updateTable('gov_person')
      .set({ name: person.name, record: json(person) })
      .where('ccg_code', '=', ccgCode)
      .where('person_id', '=', person.personId)
      .execute();
  }

  async setCommissionedProviders(
    ccgCode: string,
    codes: readonly string[],
    synthetic: boolean,
  ): Promise<void> {
    await this.db
      .insertInto('gov_ccg_context')
      .values({ ccg_code: ccgCode, commissioned_provider_codes: [...codes], synthetic })
      .onConflict((oc) =>
        oc.column('ccg_code').doUpdateSet({ commissioned_provider_codes: [...codes], synthetic }),
      )
      .execute();
  }

  transaction<T>(run: (repo: GovernanceRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => run(new GovernanceRepository(trx)));
  }
}
