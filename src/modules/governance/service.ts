import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import type { OrganisationRepository } from '../organisations/repository.ts';
import type { ConstitutionContent, ConstitutionVersion } from './constitution-model.ts';
import type {
  ConflictManagement,
  DeclarantCapacity,
  DeclaredEntity,
  GiftHospitalityEntry,
  GiftHospitalityTable,
  GovernanceRuleBook,
  GovernanceViolation,
  GoverningBodyPerson,
  GoverningBodyRole,
  InterestDeclaration,
  InterestType,
  MeetingConflictPlan,
} from './model.ts';
import type {
  Breach,
  ItemOutcome,
  Meeting,
  MeetingAttendance,
  Minutes,
  ProcurementDecision,
} from './records.ts';
import type { GovernanceRepository } from './repository.ts';
import {
  checkConstitution,
  checkDeclarations,
  checkGiftsAndHospitality,
  checkGoverningBody,
  checkRegisterReview,
  isPubliclyVisible,
  loadGiftsHospitalityTable,
  loadGovernanceRuleBook,
  planMeetingConflicts,
  retentionUntil,
} from './rules/index.ts';

const DEFINITIONS = path.join(REPO_ROOT, 'definitions', 'governance');

/** Reads and validates the governance definitions (every problem reported at once). */
export function loadGovernanceDefinitions(): { book: GovernanceRuleBook; gifts: GiftHospitalityTable } {
  const read = (f: string) => JSON.parse(readFileSync(path.join(DEFINITIONS, f), 'utf8'));
  return {
    book: loadGovernanceRuleBook(read('governance-rules.json')),
    gifts: loadGiftsHospitalityTable(read('gifts-hospitality-thresholds.json')),
  };
}

const inForce = (asAt: string, start: string, end: string | null) =>
  start <= asAt && (end === null || asAt <= end);
const count = (vs: readonly GovernanceViolation[]) => ({
  error: vs.filter((v) => v.severity === 'error').length,
  warning: vs.filter((v) => v.severity === 'warning').length,
});

export interface NewDeclaration {
  readonly personId: string;
  readonly capacity: DeclarantCapacity;
  readonly interestType: InterestType;
  readonly description: string;
  readonly entity: DeclaredEntity | null;
  readonly aroseOn: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

export interface MeetingOutcomeInput {
  readonly presentPersonIds: readonly string[];
  readonly declarationsAtMeeting: readonly Omit<NewDeclaration, 'aroseOn' | 'startDate' | 'endDate'>[];
  readonly items: readonly ItemOutcome[];
}

/**
 * CCG governance use cases: the governing body and its compliance, registers of interests, gifts and
 * hospitality, breaches, the constitution and its variations, and meetings from agenda to published
 * minutes with conflicts managed at every item. The rules are pure; this loads, checks and stores.
 */
export class GovernanceService {
  constructor(
    private readonly repo: GovernanceRepository,
    private readonly orgs: OrganisationRepository,
    private readonly definitions: { book: GovernanceRuleBook; gifts: GiftHospitalityTable },
    private readonly clock: () => Date,
    private readonly newId: () => string,
  ) {}

  private today(): string {
    return this.clock().toISOString().slice(0, 10);
  }

  private async requireCcg(code: string) {
    const ccg = await this.orgs.get(code);
    if (ccg?.orgType !== 'ccg') throw AppError.notFound(`CCG ${code}`, 'params.code');
    return ccg;
  }

  private async names(ccgCode: string): Promise<Map<string, string>> {
    return new Map((await this.repo.people(ccgCode)).map((p) => [p.record.personId, p.record.name]));
  }

  // ---- governing body ----------------------------------------------------------------------------

  async governingBody(code: string, asAt: string) {
    const ccg = await this.requireCcg(code);
    const people = await this.repo.people(ccg.code);
    const members = people.flatMap(({ record: p, synthetic }) =>
      p.appointments
        .filter((a) => inForce(asAt, a.startDate, a.endDate))
        .map((a) => ({
          personId: p.personId,
          name: p.name,
          roles: [...a.roles],
          startDate: a.startDate,
          termEndDate: a.termEndDate,
          synthetic,
        })),
    );
    return {
      asAt,
      ccgCode: ccg.code,
      ccgName: ccg.name,
      synthetic: people.some((p) => p.synthetic),
      members,
    };
  }

  /** Everyone the CCG holds governance records on, with their appointments and declared offices. */
  async people(code: string) {
    const ccg = await this.requireCcg(code);
    return {
      ccgCode: ccg.code,
      items: (await this.repo.people(ccg.code)).map((p) => ({ ...p.record, synthetic: p.synthetic })),
    };
  }

  /**
   * Adds a person to the CCG's governance records, with their register capacity from `startDate`.
   * Appointments to the governing body are made separately (appointPerson), so each is dated.
   */
  async addPerson(
    code: string,
    input: Omit<GoverningBodyPerson, 'personId' | 'appointments'> & {
      capacity: DeclarantCapacity;
      startDate: string;
    },
  ) {
    const ccg = await this.requireCcg(code);
    const { capacity, startDate, ...rest } = input;
    const person: GoverningBodyPerson = {
      ...rest,
      personId: `${ccg.code}-P-${this.newId()}`,
      appointments: [],
    };
    await this.repo.addPeople(
      ccg.code,
      [person],
      [{ personId: person.personId, name: person.name, capacity, startDate, endDate: null }],
      false,
    );
    return person;
  }

  /** Appoints a person to the governing body; returns the composition findings on the start date. */
  async appointPerson(
    code: string,
    personId: string,
    input: { roles: GoverningBodyRole[]; startDate: string; termEndDate: string | null },
  ) {
    const ccg = await this.requireCcg(code);
    const { record } = await this.requirePerson(ccg.code, personId, 'params.personId');
    if (input.termEndDate !== null && input.termEndDate < input.startDate) {
      throw AppError.validation([
        { path: 'body.termEndDate', message: 'must not be before startDate', code: 'invalid_period' },
      ]);
    }
    const appointment = {
      appointmentId: `${personId}-A-${this.newId()}`,
      roles: input.roles,
      startDate: input.startDate,
      termEndDate: input.termEndDate,
      endDate: null,
    };
    await this.repo.updatePerson(ccg.code, {
      ...record,
      appointments: [...record.appointments, appointment],
    });
    return { appointment, compliance: await this.compliance(ccg.code, input.startDate) };
  }

  /** Ends an appointment on a date (the last day served); history is kept. */
  async endAppointment(code: string, personId: string, appointmentId: string, endDate: string) {
    const ccg = await this.requireCcg(code);
    const { record } = await this.requirePerson(ccg.code, personId, 'params.personId');
    const a = record.appointments.find((x) => x.appointmentId === appointmentId);
    if (!a) throw AppError.notFound(`Appointment ${appointmentId}`, 'params.appointmentId');
    if (a.endDate !== null) {
      throw new AppError('conflict', 'Appointment already ended', [
        { path: 'params.appointmentId', message: `ended on ${a.endDate}`, code: 'already_ended' },
      ]);
    }
    if (endDate < a.startDate)
      throw AppError.validation([
        {
          path: 'body.endDate',
          message: `must not be before the start (${a.startDate})`,
          code: 'invalid_period',
        },
      ]);
    const updated = record.appointments.map((x) =>
      x.appointmentId === appointmentId ? { ...x, endDate } : x,
    );
    await this.repo.updatePerson(ccg.code, { ...record, appointments: updated });
    return { appointmentId, endDate, compliance: await this.compliance(ccg.code, endDate) };
  }

  /** Every governance finding for a CCG on a date: the compliance panel. */
  async compliance(code: string, asAt: string) {
    const ccg = await this.requireCcg(code);
    const [records, constitutions] = await Promise.all([
      this.repo.complianceRecords(ccg.code),
      this.repo.constitutions(ccg.code),
    ]);
    const members = new MembersOn(this.orgs);
    return this.assess(ccg, asAt, records, constitutions, members);
  }

  /** The Board's national view: findings per CCG, and how often each rule is broken. */
  async nationalCompliance(asAt: string) {
    const [records, ccgs] = await Promise.all([
      this.repo.complianceRecords(null),
      this.orgs.openOrganisations('ccg', asAt),
    ]);
    const members = new MembersOn(this.orgs);
    const items = [];
    const byRule = new Map<string, { ruleId: string; severity: string; ccgs: number; legalRef: string }>();
    for (const ccg of ccgs.filter((c) => records.people.has(c.code))) {
      const c = await this.assess(ccg, asAt, records, await this.repo.constitutions(ccg.code), members);
      const all = [
        ...c.governingBody,
        ...c.register,
        ...c.gifts.flatMap((g) => g.violations),
        ...c.constitution,
      ];
      const rules = [...new Set(all.map((v) => v.ruleId))].sort();
      for (const v of all)
        if (!byRule.has(v.ruleId))
          byRule.set(v.ruleId, { ruleId: v.ruleId, severity: v.severity, ccgs: 0, legalRef: v.legalRef });
      for (const r of rules) byRule.get(r)!.ccgs += 1;
      items.push({
        ccgCode: c.ccgCode,
        ccgName: c.ccgName,
        synthetic: c.synthetic,
        error: c.counts.error,
        warning: c.counts.warning,
        governingBodyErrors: c.governingBody.filter((v) => v.severity === 'error').length,
        ruleIds: rules,
      });
    }
    return {
      asAt,
      ccgs: items.length,
      ccgsWithErrors: items.filter((i) => i.error > 0).length,
      items,
      byRule: [...byRule.values()].sort((a, b) => b.ccgs - a.ccgs || a.ruleId.localeCompare(b.ruleId)),
    };
  }

  private async assess(
    ccg: { code: string; name: string },
    asAt: string,
    records: Awaited<ReturnType<GovernanceRepository['complianceRecords']>>,
    constitutions: readonly ConstitutionVersion[],
    members: MembersOn,
  ) {
    const { book, gifts: table } = this.definitions;
    const people = records.people.get(ccg.code) ?? [];
    const declarations = records.declarations.get(ccg.code) ?? [];
    const governingBody = people.length
      ? checkGoverningBody(
          {
            ccgCode: ccg.code,
            people: people.map((p) => p.record),
            context: {
              commissionedProviderCodes: records.commissioned.get(ccg.code) ?? [],
              memberPracticeCodes: await members.of(ccg.code, asAt),
            },
          },
          asAt,
          book,
        )
      : [];
    const register = [
      ...checkDeclarations(declarations, asAt, book),
      ...checkRegisterReview(
        {
          population: records.population.get(ccg.code) ?? [],
          declarations,
          nilReturns: records.nilReturns.get(ccg.code) ?? [],
        },
        asAt,
        book,
      ),
    ];
    const gifts = checkGiftsAndHospitality(
      (records.gifts.get(ccg.code) ?? []).filter((g) => g.offeredOn <= asAt),
      table,
      asAt,
    );
    const current = currentConstitution(constitutions, asAt);
    const constitution = current
      ? checkConstitution(
          {
            ccgCode: ccg.code,
            effectiveFrom: current.effectiveFrom,
            content: current.content,
            registryMembers: await members.of(ccg.code, current.effectiveFrom),
          },
          book,
        )
      : [];
    const all = [...governingBody, ...register, ...gifts.flatMap((a) => a.violations), ...constitution];
    return {
      asAt,
      ccgCode: ccg.code,
      ccgName: ccg.name,
      synthetic: people.some((p) => p.synthetic),
      hasGoverningBody: people.length > 0,
      /** The constitution version checked: the one in force on the date, or null when none is. */
      constitutionVersion: current?.version ?? null,
      counts: count(all),
      governingBody,
      register,
      gifts,
      constitution,
    };
  }

  // ---- register of interests --------------------------------------------------------------------

  /** The public register: current interests and those ended within the publication window. */
  async publicRegister(code: string, asAt: string) {
    const ccg = await this.requireCcg(code);
    const [declarations, names] = await Promise.all([this.repo.declarations(ccg.code), this.names(ccg.code)]);
    const entries = declarations
      .filter((d) => d.record.startDate <= asAt && isPubliclyVisible(d.record, asAt, this.definitions.book))
      .map(({ record: d, synthetic }) => ({
        declarationId: d.declarationId,
        name: names.get(d.declarant.personId) ?? d.declarant.personId,
        capacity: d.declarant.capacity,
        interestType: d.interestType,
        description: d.description,
        entity: d.entity,
        startDate: d.startDate,
        endDate: d.endDate,
        synthetic,
      }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.startDate.localeCompare(b.startDate));
    return {
      asAt,
      ccgCode: ccg.code,
      ccgName: ccg.name,
      synthetic: entries.some((e) => e.synthetic),
      entries,
    };
  }

  /** The full register for the CCG: everything, with the review findings. */
  async internalRegister(code: string, asAt: string) {
    const ccg = await this.requireCcg(code);
    const [population, declarations, nilReturns, names] = await Promise.all([
      this.repo.population(ccg.code),
      this.repo.declarations(ccg.code),
      this.repo.nilReturns(ccg.code),
      this.names(ccg.code),
    ]);
    // The register as it stood on the date: people in post by then, entries declared by then.
    const known = declarations.filter((d) => d.record.declaredOn <= asAt);
    const decl = known.map((d) => d.record);
    const inPost = population.filter((m) => m.startDate <= asAt);
    const returns = nilReturns.filter((n) => n.returnedOn <= asAt);
    return {
      asAt,
      ccgCode: ccg.code,
      population: inPost,
      declarations: known.map(({ record, synthetic }) => ({
        ...record,
        name: names.get(record.declarant.personId) ?? null,
        synthetic,
        publiclyVisible: isPubliclyVisible(record, asAt, this.definitions.book),
        // Until when the entry must be kept after it ends (null while current).
        retainUntil: retentionUntil(record, this.definitions.book),
      })),
      nilReturns: returns,
      violations: [
        ...checkDeclarations(decl, asAt, this.definitions.book),
        ...checkRegisterReview(
          { population: inPost, declarations: decl, nilReturns: returns },
          asAt,
          this.definitions.book,
        ),
      ],
    };
  }

  private async requirePerson(ccgCode: string, personId: string, path: string) {
    const person = await this.repo.person(ccgCode, personId);
    if (!person)
      throw AppError.validation([
        { path, message: `no person ${personId} at ${ccgCode}`, code: 'unknown_person' },
      ]);
    return person;
  }

  async addDeclaration(
    code: string,
    input: NewDeclaration,
  ): Promise<{ declaration: InterestDeclaration; violations: GovernanceViolation[] }> {
    const ccg = await this.requireCcg(code);
    await this.requirePerson(ccg.code, input.personId, 'body.personId');
    const declaration: InterestDeclaration = {
      declarationId: `${ccg.code}-D-${this.newId()}`,
      declarant: { personId: input.personId, capacity: input.capacity },
      interestType: input.interestType,
      description: input.description,
      entity: input.entity,
      aroseOn: input.aroseOn,
      declaredOn: this.today(),
      startDate: input.startDate,
      endDate: input.endDate,
      confirmedOn: this.today(),
    };
    const violations = checkDeclarations([declaration], this.today(), this.definitions.book);
    const invalid = violations.filter((v) => v.ruleId === 'ROI-DATES');
    if (invalid.length)
      throw AppError.validation(invalid.map((v) => ({ path: 'body', message: v.message, code: v.ruleId })));
    await this.repo.addDeclaration(ccg.code, declaration, false);
    return { declaration, violations };
  }

  async addNilReturn(code: string, input: { personId: string; capacity: DeclarantCapacity }) {
    const ccg = await this.requireCcg(code);
    await this.requirePerson(ccg.code, input.personId, 'body.personId');
    const nil = { personId: input.personId, capacity: input.capacity, returnedOn: this.today() };
    await this.repo.addNilReturn(ccg.code, nil, false);
    return nil;
  }

  // ---- gifts and hospitality, breaches ------------------------------------------------------------

  async giftsAndHospitality(code: string, asAt: string) {
    const ccg = await this.requireCcg(code);
    const [gifts, names] = await Promise.all([this.repo.gifts(ccg.code), this.names(ccg.code)]);
    const entries = gifts.map((g) => g.record).filter((g) => g.offeredOn <= asAt);
    const assessments = new Map(
      checkGiftsAndHospitality(entries, this.definitions.gifts, asAt).map((a) => [a.entryId, a]),
    );
    return {
      asAt,
      ccgCode: ccg.code,
      entries: gifts
        .filter((g) => g.record.offeredOn <= asAt)
        .map(({ record, synthetic }) => ({
          ...record,
          name: names.get(record.personId) ?? null,
          synthetic,
          assessment: assessments.get(record.entryId)!,
        })),
    };
  }

  async addGiftOrHospitality(code: string, input: Omit<GiftHospitalityEntry, 'entryId'>) {
    const ccg = await this.requireCcg(code);
    await this.requirePerson(ccg.code, input.personId, 'body.personId');
    const entry: GiftHospitalityEntry = { ...input, entryId: `${ccg.code}-G-${this.newId()}` };
    await this.repo.addGift(ccg.code, entry, false);
    const [assessment] = checkGiftsAndHospitality([entry], this.definitions.gifts, this.today());
    return { entry, assessment: assessment! };
  }

  async breaches(code: string) {
    const ccg = await this.requireCcg(code);
    return { ccgCode: ccg.code, items: await this.repo.breaches(ccg.code) };
  }

  async addBreach(
    code: string,
    input: Pick<Breach, 'reportedOn' | 'personId' | 'description' | 'actionTaken'>,
  ): Promise<Breach> {
    const ccg = await this.requireCcg(code);
    if (input.personId) await this.requirePerson(ccg.code, input.personId, 'body.personId');
    const breach: Breach = {
      ...input,
      breachId: `${ccg.code}-B-${this.newId()}`,
      ccgCode: ccg.code,
      synthetic: false,
    };
    await this.repo.addBreach(breach);
    return breach;
  }

  // ---- constitution --------------------------------------------------------------------------------

  /** The constitution in force: the latest approved version effective on the date. */
  async constitution(code: string, asAt: string) {
    const ccg = await this.requireCcg(code);
    const current = currentConstitution(await this.repo.constitutions(ccg.code), asAt);
    if (!current)
      throw AppError.notFound(`An approved constitution of ${ccg.code} in force on ${asAt}`, 'params.code');
    const names = await this.namesOfOrganisations(current.content.members);
    return { asAt, ccgName: ccg.name, constitution: current, memberNames: Object.fromEntries(names) };
  }

  private async namesOfOrganisations(codes: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const c of codes) {
      const o = await this.orgs.get(c);
      if (o) out.set(c, o.name);
    }
    return out;
  }

  async constitutionVersions(code: string) {
    const ccg = await this.requireCcg(code);
    return { ccgCode: ccg.code, versions: await this.repo.constitutions(ccg.code) };
  }

  /**
   * Submits a variation for the Board's approval (s14E). It is refused while the completeness check
   * finds anything missing, and takes effect only once approved.
   */
  async proposeVariation(code: string, input: { effectiveFrom: string; content: ConstitutionContent }) {
    const ccg = await this.requireCcg(code);
    const members = (
      await this.orgs.members(ccg.code, input.effectiveFrom, await this.orgs.quarterFor(input.effectiveFrom))
    ).map((m) => m.code);
    const findings = checkConstitution(
      {
        ccgCode: ccg.code,
        effectiveFrom: input.effectiveFrom,
        content: input.content,
        registryMembers: members,
      },
      this.definitions.book,
    );
    const errors = findings.filter((v) => v.severity === 'error');
    if (errors.length) {
      throw AppError.validation(
        errors.map((v) => ({
          path: `body.content (${v.ruleId})`,
          message: `${v.message} [${v.legalRef}]`,
          code: v.ruleId,
        })),
        'The constitution is incomplete',
      );
    }
    const versions = await this.repo.constitutions(ccg.code);
    if (versions.some((v) => v.status === 'submitted')) {
      throw new AppError('conflict', 'A variation is already awaiting the Board', [
        {
          path: 'params.code',
          message: `${ccg.code} already has a submitted variation; the Board must decide it first`,
          code: 'pending_variation',
        },
      ]);
    }
    const version: ConstitutionVersion = {
      ccgCode: ccg.code,
      version: Math.max(0, ...versions.map((v) => v.version)) + 1,
      effectiveFrom: input.effectiveFrom,
      status: 'submitted',
      content: input.content,
      submittedAt: this.clock().toISOString(),
      decidedAt: null,
      decidedBy: null,
      decisionNote: null,
      synthetic: false,
    };
    await this.repo.addConstitution(version);
    return { version, warnings: findings.filter((v) => v.severity === 'warning') };
  }

  async decideVariation(
    code: string,
    version: number,
    decision: { approve: boolean; note: string },
    decidedBy: string,
  ) {
    const ccg = await this.requireCcg(code);
    const ok = await this.repo.decideConstitution(ccg.code, version, {
      status: decision.approve ? 'approved' : 'rejected',
      decidedAt: this.clock().toISOString(),
      decidedBy,
      note: decision.note,
    });
    if (!ok) throw AppError.notFound(`A submitted variation ${version} of ${ccg.code}`, 'params.version');
    return (await this.repo.constitutions(ccg.code)).find((v) => v.version === version)!;
  }

  // ---- meetings ----------------------------------------------------------------------------------

  /** The CCG owning a meeting, for the access policy; null when there is no such meeting. */
  meetingOwner(meetingId: string): Promise<string | null> {
    return this.repo.meetingOwner(meetingId);
  }

  async meetings(code: string, options: { publishedOnly: boolean }) {
    const ccg = await this.requireCcg(code);
    const meetings = await this.repo.meetings(ccg.code, options);
    return {
      ccgCode: ccg.code,
      items: meetings.map((m) => ({
        meetingId: m.meetingId,
        body: m.body,
        date: m.date,
        status: m.status,
        items: m.agendaItems.length,
        publishedAt: m.publishedAt,
        synthetic: m.synthetic,
      })),
    };
  }

  async meeting(meetingId: string): Promise<Meeting & { names: Record<string, string> }> {
    const m = await this.repo.meeting(meetingId);
    if (!m) throw AppError.notFound(`Meeting ${meetingId}`, 'params.meetingId');
    return { ...m, names: Object.fromEntries(await this.names(m.ccgCode)) };
  }

  async createMeeting(
    code: string,
    input: Pick<
      Meeting,
      | 'body'
      | 'date'
      | 'part'
      | 'chairPersonId'
      | 'deputyChairPersonId'
      | 'quorum'
      | 'agendaItems'
      | 'attendees'
    >,
  ): Promise<Meeting> {
    const ccg = await this.requireCcg(code);
    const people = new Set((await this.repo.people(ccg.code)).map((p) => p.record.personId));
    const unknown = [
      ...input.attendees.map((a, i) => [a.personId, `body.attendees.${i}.personId`] as const),
      [input.chairPersonId, 'body.chairPersonId'] as const,
      ...(input.deputyChairPersonId
        ? [[input.deputyChairPersonId, 'body.deputyChairPersonId'] as const]
        : []),
    ].filter(([id]) => !people.has(id));
    const itemIds = input.agendaItems.map((i) => i.itemId);
    const duplicates = itemIds.filter((id, i) => itemIds.indexOf(id) !== i);
    if (unknown.length || duplicates.length) {
      throw AppError.validation([
        ...unknown.map(([id, path]) => ({
          path,
          message: `no person ${id} at ${ccg.code}`,
          code: 'unknown_person',
        })),
        ...duplicates.map((id) => ({
          path: 'body.agendaItems',
          message: `item id ${id} is used twice`,
          code: 'duplicate_item',
        })),
      ]);
    }
    const meeting: Meeting = {
      ...input,
      meetingId: `${ccg.code}-M-${this.newId()}`,
      ccgCode: ccg.code,
      status: 'draft',
      minutes: null,
      publishedAt: null,
      synthetic: false,
    };
    await this.repo.addMeeting(meeting);
    return meeting;
  }

  /** The pre-meeting check: every attendee's interests against every item, recusals, chairs, quorum. */
  async conflictPlan(meetingId: string): Promise<MeetingConflictPlan & { names: Record<string, string> }> {
    const m = await this.meeting(meetingId);
    const declarations = (await this.repo.declarations(m.ccgCode)).map((d) => d.record);
    const plan = planMeetingConflicts(
      {
        meeting: {
          meetingId: m.meetingId,
          date: m.date,
          part: m.part,
          chairPersonId: m.chairPersonId,
          deputyChairPersonId: m.deputyChairPersonId,
        },
        agendaItems: m.agendaItems,
        attendees: m.attendees.map((a: MeetingAttendance) => ({
          ...a,
          name: m.names[a.personId] ?? a.personId,
          declarations: declarations.filter((d) => d.declarant.personId === a.personId),
        })),
        quorum: m.quorum,
      },
      this.definitions.book,
    );
    return { ...plan, names: m.names };
  }

  /**
   * Records what happened at a draft meeting. Every conflict the plan found must be recorded as
   * handled, so no decision goes into the minutes without its conflicts managed. Decisions about
   * procurement enter the register of procurement decisions.
   */
  async recordOutcome(meetingId: string, input: MeetingOutcomeInput): Promise<Minutes> {
    const m = await this.meeting(meetingId);
    if (m.status !== 'draft') {
      throw new AppError('conflict', 'Meeting already recorded', [
        { path: 'params.meetingId', message: `meeting is ${m.status}`, code: 'not_draft' },
      ]);
    }
    const plan = await this.conflictPlan(meetingId);
    const problems: { path: string; message: string; code: string }[] = [];
    const attendees = new Set(m.attendees.map((a) => a.personId));
    input.presentPersonIds.forEach((id, i) => {
      if (!attendees.has(id))
        problems.push({
          path: `body.presentPersonIds.${i}`,
          message: `${id} is not on the attendance list`,
          code: 'unknown_attendee',
        });
    });
    const outcomes = new Map(input.items.map((o) => [o.itemId, o]));
    for (const [i, o] of input.items.entries()) {
      if (!m.agendaItems.some((a) => a.itemId === o.itemId))
        problems.push({
          path: `body.items.${i}.itemId`,
          message: `no agenda item ${o.itemId}`,
          code: 'unknown_item',
        });
    }
    for (const item of plan.items) {
      const o = outcomes.get(item.itemId);
      if (!o) {
        problems.push({
          path: 'body.items',
          message: `no outcome recorded for item ${item.itemId} (${item.title})`,
          code: 'missing_item',
        });
        continue;
      }
      for (const r of item.recusals) {
        if (!input.presentPersonIds.includes(r.personId)) continue;
        if (!o.conflictsHandled.some((h) => h.personId === r.personId)) {
          problems.push({
            path: `body.items.${item.itemId}.conflictsHandled`,
            message: `the conflict of ${m.names[r.personId] ?? r.personId} (proposed: ${r.management}) is not recorded as handled`,
            code: 'conflict_not_recorded',
          });
        }
      }
    }
    if (problems.length) throw AppError.validation(problems, 'The meeting record is incomplete');

    const declarationsAtMeeting: InterestDeclaration[] = input.declarationsAtMeeting.map((d) => ({
      declarationId: `${m.ccgCode}-D-${this.newId()}`,
      declarant: { personId: d.personId, capacity: d.capacity },
      interestType: d.interestType,
      description: d.description,
      entity: d.entity,
      aroseOn: m.date,
      declaredOn: m.date,
      startDate: m.date,
      endDate: null,
      confirmedOn: m.date,
    }));
    const minutes: Minutes = {
      presentPersonIds: [...input.presentPersonIds],
      declarationsAtMeeting,
      items: m.agendaItems.map((a) => outcomes.get(a.itemId)!).filter(Boolean),
      recordedAt: this.clock().toISOString(),
    };
    const decisions: Omit<ProcurementDecision, 'id'>[] = minutes.items
      .filter((o) => o.procurement && o.decision)
      .map((o) => {
        const left = new Set(
          o.conflictsHandled.filter((h) => h.management === 'leave_room').map((h) => h.personId),
        );
        const item = m.agendaItems.find((a) => a.itemId === o.itemId)!;
        return {
          ccgCode: m.ccgCode,
          decidedOn: m.date,
          meetingId: m.meetingId,
          itemId: o.itemId,
          description: `${item.title}: ${o.decision}`,
          concernedEntities: item.concernedEntities,
          participants: m.attendees
            .filter((a) => input.presentPersonIds.includes(a.personId) && !left.has(a.personId))
            .map((a) => ({
              personId: a.personId,
              name: m.names[a.personId] ?? a.personId,
              voting: a.voting,
            })),
          conflicts: o.conflictsHandled.map((h) => ({
            personId: h.personId,
            name: m.names[h.personId] ?? h.personId,
            management: h.management as ConflictManagement,
            note: h.note,
          })),
          source: `meeting ${m.meetingId}`,
          synthetic: m.synthetic,
        };
      });
    if (!(await this.repo.recordOutcome(m.meetingId, m.ccgCode, minutes, decisions))) {
      throw new AppError('conflict', 'Meeting already recorded', [
        { path: 'params.meetingId', message: 'the meeting was recorded meanwhile', code: 'not_draft' },
      ]);
    }
    return minutes;
  }

  async publish(meetingId: string) {
    const m = await this.meeting(meetingId);
    if (!(await this.repo.publishMeeting(m.meetingId, this.clock().toISOString()))) {
      throw new AppError('conflict', 'Only a held meeting can be published', [
        { path: 'params.meetingId', message: `meeting is ${m.status}`, code: 'not_held' },
      ]);
    }
    return this.publishedMinutes(meetingId);
  }

  /**
   * The public minutes: items taken in private show only their title and the reason for privacy;
   * declarations and how each conflict was handled are shown for every item.
   */
  async publishedMinutes(meetingId: string) {
    const m = await this.meeting(meetingId);
    if (m.status !== 'published' || !m.minutes)
      throw AppError.notFound(`Published minutes of meeting ${meetingId}`, 'params.meetingId');
    const name = (id: string) => m.names[id] ?? id;
    return {
      meetingId: m.meetingId,
      ccgCode: m.ccgCode,
      body: m.body,
      date: m.date,
      publishedAt: m.publishedAt,
      synthetic: m.synthetic,
      present: m.minutes.presentPersonIds.map(name),
      chair: name(m.chairPersonId),
      declarationsAtMeeting: m.minutes.declarationsAtMeeting.map((d) => ({
        name: name(d.declarant.personId),
        interestType: d.interestType,
        description: d.description,
        entity: d.entity,
      })),
      items: m.agendaItems.map((a) => {
        const o = m.minutes!.items.find((x) => x.itemId === a.itemId);
        const isPrivate = (a.part ?? m.part) === 'private';
        return {
          itemId: a.itemId,
          title: a.title,
          part: a.part ?? m.part,
          privateReason: isPrivate ? a.privateReason : null,
          chairedBy: o?.chairedBy ? name(o.chairedBy) : null,
          quorate: o?.quorate ?? null,
          conflicts: (o?.conflictsHandled ?? []).map((h) => ({
            name: name(h.personId),
            management: h.management,
            note: h.note,
          })),
          discussion: isPrivate ? null : (o?.discussion ?? null),
          decision: isPrivate ? null : (o?.decision ?? null),
          votes: isPrivate ? null : (o?.votes ?? null),
        };
      }),
    };
  }

  async procurementDecisions(code: string) {
    const ccg = await this.requireCcg(code);
    return { ccgCode: ccg.code, items: await this.repo.procurementDecisions(ccg.code) };
  }

  /** The entry point the procurement module will call for decisions taken outside a meeting. */
  async recordProcurementDecision(
    code: string,
    input: Omit<ProcurementDecision, 'id' | 'ccgCode' | 'synthetic'>,
  ) {
    const ccg = await this.requireCcg(code);
    await this.repo.addProcurementDecision({ ...input, ccgCode: ccg.code, synthetic: false });
  }
}

/** Member practices per CCG on a date, loaded once per date for every CCG. */
class MembersOn {
  private readonly byDate = new Map<string, Promise<Map<string, string[]>>>();
  constructor(private readonly orgs: OrganisationRepository) {}

  async of(ccgCode: string, date: string): Promise<string[]> {
    let all = this.byDate.get(date);
    if (!all) {
      all = this.orgs.membershipsOn(date).then((rows) => {
        const m = new Map<string, string[]>();
        for (const r of rows) m.set(r.ccgCode, [...(m.get(r.ccgCode) ?? []), r.practiceCode]);
        return m;
      });
      this.byDate.set(date, all);
    }
    return (await all).get(ccgCode) ?? [];
  }
}

/** The latest approved version effective on `asAt`. */
export function currentConstitution(
  versions: readonly ConstitutionVersion[],
  asAt: string,
): ConstitutionVersion | undefined {
  return versions
    .filter((v) => v.status === 'approved' && v.effectiveFrom <= asAt)
    .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
}
