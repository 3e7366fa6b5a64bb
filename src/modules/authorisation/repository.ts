import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { StructuralEvent } from '../organisations/model.ts';
import type {
  Application,
  ApplicationStatus,
  DesktopScore,
  EvidenceDocument,
  Moderation,
  Recorder,
  SelfCertification,
  SiteVisit,
  SurveyResponse,
} from './assessment-model.ts';
import type {
  AuthorisationEvent,
  CcgAuthorisationState,
  FactProvenance,
  LifecycleHistoryEntry,
  LifecycleStatus,
  StateSnapshot,
  StoredProvenance,
  WaveNumber,
} from './model.ts';

/** The SQL of the authorisation lifecycle and assessment (migration 005). Records are JSON in the model's shapes. */

const json = (v: unknown) => JSON.stringify(v);
const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

/** A history entry as stored: the pure entry plus who recorded it, why, on what evidence. */
export interface StoredHistoryEntry extends LifecycleHistoryEntry {
  readonly seq: number;
  readonly actor: Recorder;
  readonly evidenceRefs: readonly string[];
  readonly reason: string;
  readonly provenance: FactProvenance | null;
  readonly synthetic: boolean;
  readonly recordedAt: string;
}

export interface HistoryMeta {
  readonly actor: Recorder;
  readonly evidenceRefs: readonly string[];
  readonly reason: string;
  readonly provenance: FactProvenance | null;
  readonly synthetic: boolean;
}

export interface StoredState {
  readonly ccgCode: string;
  readonly ccgName: string;
  /** The snapshot, without its history (read `history()` for that). */
  readonly state: StateSnapshot;
  readonly events: number;
  readonly provenance: StoredProvenance | null;
  readonly synthetic: boolean;
}

type AppRow = {
  application_id: string;
  ccg_code: string;
  wave: number;
  criteria_version: string;
  status: ApplicationStatus;
  created_at: string;
  created_by: unknown;
  submitted_on: string | null;
  submitted_by: unknown;
  synthetic: boolean;
};

const toApplication = (r: AppRow): Application => ({
  applicationId: r.application_id,
  ccgCode: r.ccg_code,
  wave: r.wave as WaveNumber,
  criteriaVersion: r.criteria_version,
  status: r.status,
  createdAt: r.created_at,
  createdBy: parse<Recorder>(r.created_by),
  submittedOn: r.submitted_on,
  submittedBy: r.submitted_by ? parse<Recorder>(r.submitted_by) : null,
  synthetic: r.synthetic,
});

export class AuthorisationRepository {
  constructor(private readonly db: Database) {}

  transaction<T>(run: (repo: AuthorisationRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => run(new AuthorisationRepository(trx)));
  }

  // ---- lifecycle ---------------------------------------------------------------------------------

  async hasLifecycleData(): Promise<boolean> {
    return Boolean(await this.db.selectFrom('auth_ccg').select('ccg_code').limit(1).executeTakeFirst());
  }

  /** The CCG's snapshot, locked for update within the caller's transaction (undefined: still emerging). */
  async lockState(ccgCode: string): Promise<{ state: StateSnapshot; events: number } | undefined> {
    const r = await this.db
      .selectFrom('auth_ccg')
      .select(['state', 'events'])
      .where('ccg_code', '=', ccgCode)
      .forUpdate()
      .executeTakeFirst();
    return r && { state: parse(r.state), events: r.events };
  }

  async states(ccgCode?: string): Promise<StoredState[]> {
    let q = this.db
      .selectFrom('auth_ccg as a')
      .innerJoin('organisation as o', 'o.code', 'a.ccg_code')
      .select(['a.ccg_code', 'o.name', 'a.state', 'a.events', 'a.provenance', 'a.synthetic'])
      .orderBy('a.ccg_code');
    if (ccgCode) q = q.where('a.ccg_code', '=', ccgCode);
    return (await q.execute()).map((r) => ({
      ccgCode: r.ccg_code,
      ccgName: r.name,
      state: parse(r.state),
      events: r.events,
      provenance: r.provenance ? parse<StoredProvenance>(r.provenance) : null,
      synthetic: r.synthetic,
    }));
  }

  async history(ccgCode: string): Promise<StoredHistoryEntry[]> {
    const rows = await this.db
      .selectFrom('auth_history')
      .selectAll()
      .where('ccg_code', '=', ccgCode)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      seq: r.seq,
      date: r.event_date,
      from: r.from_status as LifecycleStatus,
      to: r.to_status as LifecycleStatus,
      event: parse<AuthorisationEvent>(r.event),
      actor: parse<Recorder>(r.actor),
      evidenceRefs: r.evidence_refs,
      reason: r.reason,
      provenance: r.provenance ? parse<FactProvenance>(r.provenance) : null,
      synthetic: r.synthetic,
      recordedAt: r.recorded_at,
    }));
  }

  /**
   * Appends history entries after `previousEvents` and saves the snapshot they lead to. Call inside a
   * transaction holding the CCG's row (lockState); the unique (ccg, seq) refuses a concurrent writer.
   */
  async appendHistory(
    ccgCode: string,
    previousEvents: number,
    entries: readonly { entry: LifecycleHistoryEntry; meta: HistoryMeta }[],
    next: CcgAuthorisationState,
    options: { provenance?: StoredProvenance | null; synthetic: boolean; now: string },
  ): Promise<void> {
    const { history: _history, ...snapshot } = next;
    const events = previousEvents + entries.length;
    if (previousEvents === 0) {
      await this.db
        .insertInto('auth_ccg')
        .values({
          ccg_code: ccgCode,
          status: next.status,
          state: json(snapshot),
          events,
          provenance: options.provenance ? json(options.provenance) : null,
          synthetic: options.synthetic,
          updated_at: options.now,
        })
        .execute();
    } else {
      await this.db
        .updateTable('auth_ccg')
        .set({ status: next.status, state: json(snapshot), events, updated_at: options.now })
        .where('ccg_code', '=', ccgCode)
        .where('events', '=', previousEvents)
        .execute();
    }
    if (!entries.length) return;
    await this.db
      .insertInto('auth_history')
      .values(
        entries.map(({ entry, meta }, i) => ({
          ccg_code: ccgCode,
          seq: previousEvents + i + 1,
          event_kind: entry.event.kind,
          event_date: entry.date,
          from_status: entry.from,
          to_status: entry.to,
          event: json(entry.event),
          actor: json(meta.actor),
          evidence_refs: [...meta.evidenceRefs],
          reason: meta.reason,
          provenance: meta.provenance ? json(meta.provenance) : null,
          synthetic: meta.synthetic,
          recorded_at: options.now,
        })),
      )
      .execute();
  }

  // ---- applications ------------------------------------------------------------------------------

  async applications(ccgCode: string): Promise<Application[]> {
    const rows = await this.db
      .selectFrom('auth_application')
      .selectAll()
      .where('ccg_code', '=', ccgCode)
      .orderBy('created_at')
      .orderBy('application_id')
      .execute();
    return rows.map(toApplication);
  }

  async addApplication(a: Application): Promise<void> {
    await this.db
      .insertInto('auth_application')
      .values({
        application_id: a.applicationId,
        ccg_code: a.ccgCode,
        wave: a.wave,
        criteria_version: a.criteriaVersion,
        status: a.status,
        created_at: a.createdAt,
        created_by: json(a.createdBy),
        submitted_on: a.submittedOn,
        submitted_by: a.submittedBy ? json(a.submittedBy) : null,
        synthetic: a.synthetic,
      })
      .execute();
  }

  /** Moves an application on from `from`; false when it was not in that status any more. */
  async setApplicationStatus(
    applicationId: string,
    from: ApplicationStatus,
    to: ApplicationStatus,
    submitted?: { on: string; by: Recorder },
  ): Promise<boolean> {
    const r = await this.db
      .updateTable('auth_application')
      .set({
        status: to,
        ...(submitted ? { submitted_on: submitted.on, submitted_by: json(submitted.by) } : {}),
      })
      .where('application_id', '=', applicationId)
      .where('status', '=', from)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async selfCertifications(applicationId: string): Promise<SelfCertification[]> {
    const rows = await this.db
      .selectFrom('auth_self_certification')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('criterion_id')
      .execute();
    return rows.map((r) => ({
      criterionId: r.criterion_id,
      status: r.status,
      statement: r.statement,
      certifiedBy: parse<Recorder>(r.certified_by),
      certifiedAt: r.certified_at,
    }));
  }

  /** The CCG's self-certification of one criterion: a later one replaces it while the application is a draft. */
  async putSelfCertification(applicationId: string, s: SelfCertification): Promise<void> {
    const values = {
      status: s.status,
      statement: s.statement,
      certified_by: json(s.certifiedBy),
      certified_at: s.certifiedAt,
    };
    await this.db
      .insertInto('auth_self_certification')
      .values({ application_id: applicationId, criterion_id: s.criterionId, ...values })
      .onConflict((oc) => oc.columns(['application_id', 'criterion_id']).doUpdateSet(values))
      .execute();
  }

  async documents(applicationId: string): Promise<EvidenceDocument[]> {
    const rows = await this.db
      .selectFrom('auth_evidence_document')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('added_at')
      .orderBy('document_id')
      .execute();
    return rows.map((r) => ({
      ...parse<Omit<EvidenceDocument, 'documentId' | 'addedBy' | 'addedAt' | 'synthetic'>>(r.record),
      documentId: r.document_id,
      addedBy: parse<Recorder>(r.added_by),
      addedAt: r.added_at,
      synthetic: r.synthetic,
    }));
  }

  async addDocument(applicationId: string, d: EvidenceDocument): Promise<void> {
    const { documentId, addedBy, addedAt, synthetic, ...record } = d;
    await this.db
      .insertInto('auth_evidence_document')
      .values({
        document_id: documentId,
        application_id: applicationId,
        record: json(record),
        added_by: json(addedBy),
        added_at: addedAt,
        synthetic,
      })
      .execute();
  }

  // ---- assessment --------------------------------------------------------------------------------

  async scores(applicationId: string): Promise<DesktopScore[]> {
    const rows = await this.db
      .selectFrom('auth_desktop_score')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('scored_at')
      .orderBy('score_id')
      .execute();
    return rows.map((r) => ({
      scoreId: r.score_id,
      criterionId: r.criterion_id,
      score: r.score,
      rationale: r.rationale,
      assessor: parse<Recorder>(r.assessor),
      scoredAt: r.scored_at,
      synthetic: r.synthetic,
    }));
  }

  async addScore(applicationId: string, s: Omit<DesktopScore, 'scoreId'>): Promise<number> {
    const r = await this.db
      .insertInto('auth_desktop_score')
      .values({
        application_id: applicationId,
        criterion_id: s.criterionId,
        score: s.score,
        rationale: s.rationale,
        assessor: json(s.assessor),
        scored_at: s.scoredAt,
        synthetic: s.synthetic,
      })
      .returning('score_id')
      .executeTakeFirstOrThrow();
    return r.score_id;
  }

  async survey(applicationId: string): Promise<SurveyResponse[]> {
    const rows = await this.db
      .selectFrom('auth_survey_response')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('received_on')
      .orderBy('response_id')
      .execute();
    return rows.map((r) => ({
      ...parse<Pick<SurveyResponse, 'respondentOrgCode' | 'respondentName' | 'answers' | 'comment'>>(
        r.record,
      ),
      responseId: r.response_id,
      respondentType: r.respondent_type,
      receivedOn: r.received_on,
      recordedBy: parse<Recorder>(r.recorded_by),
      synthetic: r.synthetic,
    }));
  }

  async addSurveyResponse(applicationId: string, s: SurveyResponse): Promise<void> {
    const { responseId, respondentType, receivedOn, recordedBy, synthetic, ...record } = s;
    await this.db
      .insertInto('auth_survey_response')
      .values({
        response_id: responseId,
        application_id: applicationId,
        respondent_type: respondentType,
        received_on: receivedOn,
        record: json(record),
        recorded_by: json(recordedBy),
        synthetic,
      })
      .execute();
  }

  async siteVisits(applicationId: string): Promise<SiteVisit[]> {
    const rows = await this.db
      .selectFrom('auth_site_visit')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('visited_on')
      .orderBy('visit_id')
      .execute();
    return rows.map((r) => ({
      ...parse<Pick<SiteVisit, 'panel' | 'notes' | 'flags'>>(r.record),
      visitId: r.visit_id,
      visitedOn: r.visited_on,
      recordedBy: parse<Recorder>(r.recorded_by),
      synthetic: r.synthetic,
    }));
  }

  async addSiteVisit(applicationId: string, v: SiteVisit): Promise<void> {
    const { visitId, visitedOn, recordedBy, synthetic, ...record } = v;
    await this.db
      .insertInto('auth_site_visit')
      .values({
        visit_id: visitId,
        application_id: applicationId,
        visited_on: visitedOn,
        record: json(record),
        recorded_by: json(recordedBy),
        synthetic,
      })
      .execute();
  }

  async moderation(applicationId: string): Promise<Moderation[]> {
    const rows = await this.db
      .selectFrom('auth_moderation')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('moderated_at')
      .orderBy('moderation_id')
      .execute();
    return rows.map((r) => ({
      moderationId: r.moderation_id,
      criterionId: r.criterion_id,
      domain: r.domain as Moderation['domain'],
      outcome: r.outcome,
      rationale: r.rationale,
      moderatedBy: parse<Recorder>(r.moderated_by),
      moderatedAt: r.moderated_at,
    }));
  }

  async addModeration(applicationId: string, m: Omit<Moderation, 'moderationId'>): Promise<void> {
    await this.db
      .insertInto('auth_moderation')
      .values({
        application_id: applicationId,
        criterion_id: m.criterionId,
        domain: m.domain,
        outcome: m.outcome,
        rationale: m.rationale,
        moderated_by: json(m.moderatedBy),
        moderated_at: m.moderatedAt,
      })
      .execute();
  }

  // ---- looked up for the access policy and the evidence ----------------------------------------

  /** The area team the CCG is in now (its latest in_area_team relationship), if any. */
  async areaTeamOf(ccgCode: string): Promise<string | null> {
    const r = await sql<{ to_code: string }>`
      select to_code from relationship
      where kind = 'in_area_team' and from_code = ${ccgCode}
      order by end_date desc nulls first, start_date desc limit 1`.execute(this.db);
    return r.rows[0]?.to_code ?? null;
  }

  /** A structural event recorded in the registry (organisations module), as it was recorded. */
  async structuralEvent(id: number): Promise<StructuralEvent | undefined> {
    const r = await this.db
      .selectFrom('structural_event')
      .select('detail')
      .where('id', '=', id)
      .executeTakeFirst();
    return r && parse<StructuralEvent>(r.detail);
  }

  /** A person's display name, for naming assessors and other recorders. */
  async displayName(username: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('person')
      .select('display_name')
      .where('username', '=', username)
      .executeTakeFirst();
    return r?.display_name ?? null;
  }
}
