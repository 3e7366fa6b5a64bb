import type { Database } from '../../platform/db/database.ts';
import type { AnnualAssessment, Intervention, ManualTriggerEvidence } from './assurance-model.ts';

/** The SQL of ongoing assurance: annual assessments, interventions and manual trigger evidence (migration 005). */

const json = (v: unknown) => JSON.stringify(v);
const parse = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

type AssessmentRecord = Omit<
  AnnualAssessment,
  'assessmentId' | 'ccgCode' | 'financialYear' | 'status' | 'publishedOn' | 'synthetic'
>;
type InterventionRecord = Omit<
  Intervention,
  'interventionId' | 'ccgCode' | 'status' | 'openedOn' | 'synthetic'
>;

export class AssuranceRepository {
  constructor(private readonly db: Database) {}

  transaction<T>(run: (repo: AssuranceRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => run(new AssuranceRepository(trx)));
  }

  // ---- annual assessments (s14Z16) ----------------------------------------------------------------

  async annualAssessments(ccgCode: string, options: { publishedOnly: boolean }): Promise<AnnualAssessment[]> {
    let q = this.db.selectFrom('auth_annual_assessment').selectAll().where('ccg_code', '=', ccgCode);
    if (options.publishedOnly) q = q.where('status', '=', 'published');
    return (await q.orderBy('financial_year').execute()).map(toAssessment);
  }

  /** The assessment, locked for update when inside a transaction that writes it. */
  async annualAssessment(assessmentId: string, lock = false): Promise<AnnualAssessment | undefined> {
    let q = this.db
      .selectFrom('auth_annual_assessment')
      .selectAll()
      .where('assessment_id', '=', assessmentId);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toAssessment(r);
  }

  async annualAssessmentCcg(assessmentId: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('auth_annual_assessment')
      .select('ccg_code')
      .where('assessment_id', '=', assessmentId)
      .executeTakeFirst();
    return r?.ccg_code ?? null;
  }

  async addAnnualAssessment(a: AnnualAssessment): Promise<void> {
    const { assessmentId, ccgCode, financialYear, status, publishedOn, synthetic, ...record } = a;
    await this.db
      .insertInto('auth_annual_assessment')
      .values({
        assessment_id: assessmentId,
        ccg_code: ccgCode,
        financial_year: financialYear,
        status,
        record: json(record satisfies AssessmentRecord),
        published_on: publishedOn,
        synthetic,
      })
      .execute();
  }

  async saveAnnualAssessment(a: AnnualAssessment): Promise<void> {
    const { assessmentId, ccgCode: _c, financialYear: _f, status, publishedOn, synthetic: _s, ...record } = a;
    await this.db
      .updateTable('auth_annual_assessment')
      .set({ status, record: json(record satisfies AssessmentRecord), published_on: publishedOn })
      .where('assessment_id', '=', assessmentId)
      .execute();
  }

  // ---- interventions (s14Z21) ---------------------------------------------------------------------

  async interventions(ccgCode: string, options: { publicOnly: boolean }): Promise<Intervention[]> {
    let q = this.db.selectFrom('auth_intervention').selectAll().where('ccg_code', '=', ccgCode);
    if (options.publicOnly) q = q.where('status', '<>', 'draft');
    return (await q.orderBy('opened_on').orderBy('intervention_id').execute()).map(toIntervention);
  }

  async intervention(interventionId: string, lock = false): Promise<Intervention | undefined> {
    let q = this.db.selectFrom('auth_intervention').selectAll().where('intervention_id', '=', interventionId);
    if (lock) q = q.forUpdate();
    const r = await q.executeTakeFirst();
    return r && toIntervention(r);
  }

  async addIntervention(i: Intervention): Promise<void> {
    const { interventionId, ccgCode, status, openedOn, synthetic, ...record } = i;
    await this.db
      .insertInto('auth_intervention')
      .values({
        intervention_id: interventionId,
        ccg_code: ccgCode,
        status,
        opened_on: openedOn,
        record: json(record satisfies InterventionRecord),
        synthetic,
      })
      .execute();
  }

  async saveIntervention(i: Intervention): Promise<void> {
    const { interventionId, ccgCode: _c, status, openedOn: _o, synthetic: _s, ...record } = i;
    await this.db
      .updateTable('auth_intervention')
      .set({ status, record: json(record satisfies InterventionRecord) })
      .where('intervention_id', '=', interventionId)
      .execute();
  }

  // ---- manual trigger evidence --------------------------------------------------------------------

  /** The latest manual evidence per source for the CCG. */
  async latestTriggerEvidence(ccgCode: string): Promise<ManualTriggerEvidence[]> {
    const rows = await this.db
      .selectFrom('auth_trigger_evidence')
      .selectAll()
      .where('ccg_code', '=', ccgCode)
      .orderBy('as_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const latest = new Map<string, (typeof rows)[number]>();
    for (const r of rows) if (!latest.has(r.source)) latest.set(r.source, r);
    return [...latest.values()].map((r) => ({
      ...parse<Pick<ManualTriggerEvidence, 'detail' | 'note' | 'recordedBy'>>(r.record),
      source: r.source,
      asAt: r.as_at,
      recordedAt: r.recorded_at,
    }));
  }

  async addTriggerEvidence(ccgCode: string, e: ManualTriggerEvidence): Promise<void> {
    const { source, asAt, recordedAt, ...record } = e;
    await this.db
      .insertInto('auth_trigger_evidence')
      .values({
        ccg_code: ccgCode,
        source,
        as_at: asAt,
        record: json(record satisfies Pick<ManualTriggerEvidence, 'detail' | 'note' | 'recordedBy'>),
        recorded_at: recordedAt,
      })
      .execute();
  }
}

function toAssessment(r: {
  assessment_id: string;
  ccg_code: string;
  financial_year: string;
  status: 'consulting' | 'published';
  record: unknown;
  published_on: string | null;
  synthetic: boolean;
}): AnnualAssessment {
  return {
    ...parse<AssessmentRecord>(r.record),
    assessmentId: r.assessment_id,
    ccgCode: r.ccg_code,
    financialYear: r.financial_year,
    status: r.status,
    publishedOn: r.published_on,
    synthetic: r.synthetic,
  };
}

function toIntervention(r: {
  intervention_id: string;
  ccg_code: string;
  status: 'draft' | 'in_force' | 'lifted';
  opened_on: string;
  record: unknown;
  synthetic: boolean;
}): Intervention {
  return {
    ...parse<InterventionRecord>(r.record),
    interventionId: r.intervention_id,
    ccgCode: r.ccg_code,
    status: r.status,
    openedOn: r.opened_on,
    synthetic: r.synthetic,
  };
}
