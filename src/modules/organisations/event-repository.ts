import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { OrgType, StructuralEvent } from './model.ts';
import type { EventPlan, RegistryState } from './rules/structural-events.ts';

export interface RecordedEvent {
  readonly id: number;
  readonly kind: string;
  readonly effectiveDate: string;
  readonly detail: Record<string, unknown>;
  readonly source: string;
  readonly recordedAt: string;
}

/** SQL for dated structural events: the state they are planned against, and applying a plan. */
export class StructuralEventRepository {
  constructor(private readonly db: Database) {}

  /** CCGs and practices with their open periods, and every membership ever recorded. */
  async registryState(): Promise<RegistryState> {
    const orgs = await this.db
      .selectFrom('organisation')
      .select(['code', 'org_type', 'name', 'open_date', 'close_date'])
      .where('org_type', 'in', ['ccg', 'gp_practice'])
      .execute();
    const members = await this.db
      .selectFrom('relationship')
      .select(['from_code', 'to_code', 'start_date', 'end_date'])
      .where('kind', '=', 'member_of')
      .execute();
    return {
      organisations: new Map(
        orgs.map((o) => [
          o.code,
          {
            code: o.code,
            orgType: o.org_type as OrgType,
            name: o.name,
            openDate: o.open_date,
            closeDate: o.close_date,
          },
        ]),
      ),
      memberships: members.map((m) => ({
        practiceCode: m.from_code,
        ccgCode: m.to_code,
        startDate: m.start_date,
        endDate: m.end_date,
      })),
    };
  }

  /**
   * Records the event and applies its plan in one transaction. Rows in force get an end date; new
   * rows are added; nothing is deleted or rewritten. Each closure must hit exactly one open row, or
   * the whole event is rolled back (someone changed the registry since the plan was made).
   */
  async apply(event: StructuralEvent, plan: EventPlan, source: string): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('structural_event')
        .values({ kind: event.kind, effective_date: event.date, detail: JSON.stringify(event), source })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const org of plan.createOrganisations) {
        await trx
          .insertInto('organisation')
          .values({
            code: org.code,
            org_type: org.orgType,
            name: org.name,
            open_date: org.openDate,
            provenance: 'sourced',
            source: `structural event ${id}`,
            attributes: JSON.stringify({ createdByEvent: id }),
          })
          .execute();
      }
      for (const c of plan.close) {
        const r = await trx
          .updateTable('relationship')
          .set({ end_date: c.newEndDate })
          .where('kind', '=', c.kind)
          .where('from_code', '=', c.fromCode)
          .where('to_code', '=', c.toCode)
          .where('start_date', '=', c.startDate)
          .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', c.newEndDate)]))
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) !== 1) {
          throw new Error(
            `membership ${c.fromCode} → ${c.toCode} from ${c.startDate} changed while the event was planned`,
          );
        }
      }
      for (const o of plan.open) {
        await trx
          .insertInto('relationship')
          .values({
            kind: o.kind,
            from_code: o.fromCode,
            to_code: o.toCode,
            start_date: o.startDate,
            end_date: o.endDate,
            provenance: 'sourced',
            source: `structural event ${id}`,
            event_id: id,
          })
          .execute();
      }
      for (const c of plan.closeOrganisations) {
        await trx
          .updateTable('organisation')
          .set({ close_date: c.closeDate })
          .where('code', '=', c.code)
          .execute();
      }
      return id;
    });
  }

  async list(): Promise<RecordedEvent[]> {
    const rows = await sql<{
      id: number;
      kind: string;
      effective_date: string;
      detail: Record<string, unknown> | string;
      source: string;
      recorded_at: string;
    }>`select id, kind, effective_date, detail, source, recorded_at from structural_event order by effective_date, id`.execute(
      this.db,
    );
    return rows.rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      effectiveDate: r.effective_date,
      detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail,
      source: r.source,
      recordedAt: r.recorded_at,
    }));
  }
}
