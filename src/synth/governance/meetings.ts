/**
 * Upcoming meetings of one CCG: a governing body meeting, an audit committee and, for about half the
 * CCGs, a remuneration committee. Agenda items concern the CCG's real providers, member practices,
 * CSU and synthetic companies, so the pre-meeting check finds real conflicts.
 *
 * Each candidate item is checked here the way the meeting check will see it (the conflict handling
 * of the MTG-CONFLICT rule as defined in the rule book: a financial interest leaves the room on a
 * decision and does not vote otherwise; any other interest does not vote on a decision). An item that
 * would be inquorate, or left without anyone to chair it, is dropped, except the planted
 * MTG-INQUORATE item.
 */
import type {
  AgendaItem,
  EntityRef,
  InterestDeclaration,
  InterestType,
  QuorumRule,
} from '../../modules/governance/model.ts';
import { addDays, inPeriod } from '../../modules/governance/rules/dates.ts';
import { entityKey } from '../../modules/governance/rules/entities.ts';
import { COMMUNITY_SERVICES, DIAGNOSTIC_SERVICES } from '../names.ts';
import { type CcgContext, type PersonDraft, pad } from './context.ts';
import type { SynthMeeting, SynthMeetingAttendee, SynthMeetingBody } from './types.ts';

export const AUDIT_COMMITTEE_QUORUM: QuorumRule = {
  minimumMembers: 2,
  requiredRoles: [{ category: 'lay', minimum: 1 }],
  fallback: 'defer',
};
export const REMUNERATION_COMMITTEE_QUORUM: QuorumRule = {
  minimumMembers: 2,
  requiredRoles: [{ category: 'lay', minimum: 1 }],
  fallback: 'defer',
};
export const QUALITY_COMMITTEE_QUORUM: QuorumRule = {
  minimumMembers: 3,
  requiredRoles: [
    { category: 'clinician', minimum: 1 },
    { category: 'lay', minimum: 1 },
  ],
  fallback: 'refer_to_committee',
};

/** Half the voting members (at least 4), with two GPs, a lay member and an executive. */
export function governingBodyQuorum(ctx: CcgContext, people: readonly PersonDraft[]): QuorumRule {
  const voting = people.filter((p) => p.roles.length > 0 && p.votes).length;
  return {
    minimumMembers: Math.max(4, Math.ceil(voting / 2)),
    requiredRoles: [
      { category: 'gp', minimum: 2 },
      { category: 'lay', minimum: 1 },
      { category: 'executive', minimum: 1 },
    ],
    fallback: ctx.rng.pick(['co_opt', 'refer_to_committee'] as const),
  };
}

/** A meeting before its agenda is drawn up. */
export interface MeetingPlan {
  readonly meetingId: string;
  readonly body: SynthMeetingBody;
  readonly date: string;
  readonly chairPersonId: string;
  readonly deputyChairPersonId: string | null;
  readonly quorum: QuorumRule;
  readonly attendees: readonly SynthMeetingAttendee[];
}

const withRole = (people: readonly PersonDraft[], role: PersonDraft['roles'][number]) =>
  people.find((p) => p.roles.includes(role));

const attending = (p: PersonDraft, voting = p.votes): SynthMeetingAttendee => ({
  personId: p.personId,
  voting,
  categories: p.categories,
});

export function planMeetings(
  ctx: CcgContext,
  people: readonly PersonDraft[],
  gbQuorum: QuorumRule,
): MeetingPlan[] {
  const { rng, ccg, asAt } = ctx;
  const chair = withRole(people, 'chair')!;
  const deputy = withRole(people, 'deputy_chair')!;
  const auditLay = withRole(people, 'lay_member_audit')!;
  const ppiLay = withRole(people, 'lay_member_ppi')!;
  const ao = withRole(people, 'accountable_officer')!;
  const cfo = withRole(people, 'chief_finance_officer')!;
  const gpMembers = people.filter((p) => p.roles.length === 1 && p.roles[0] === 'gp_member');
  const governance = people.find((p) => p.post === 'Head of Corporate Governance');
  const coOptedAudit = people.find((p) => p.capacity === 'committee_member');
  const id = (n: number) => `${ccg.code}-M${pad(n, 2)}`;

  const absent = gpMembers.length > 2 && rng.chance(0.4) ? rng.pick(gpMembers) : null;
  const gbAttendees = people
    .filter((p) => p.roles.length > 0 && p !== absent)
    .map((p) => attending(p))
    .concat(governance ? [attending(governance, false)] : []);
  const plans: MeetingPlan[] = [
    {
      meetingId: id(1),
      body: 'governing_body',
      date: addDays(asAt, rng.int(7, 35)),
      chairPersonId: chair.personId,
      deputyChairPersonId: deputy.personId,
      quorum: gbQuorum,
      attendees: gbAttendees,
    },
  ];

  const auditGp = gpMembers.length ? rng.pick(gpMembers) : null;
  plans.push({
    meetingId: id(2),
    body: 'audit_committee',
    date: addDays(asAt, rng.int(14, 60)),
    chairPersonId: auditLay.personId,
    deputyChairPersonId: ppiLay.personId,
    quorum: AUDIT_COMMITTEE_QUORUM,
    attendees: [
      attending(auditLay, true),
      attending(ppiLay, true),
      ...(auditGp ? [attending(auditGp, true)] : []),
      ...(coOptedAudit ? [attending(coOptedAudit, true)] : []),
      attending(cfo, false),
      ...(governance ? [attending(governance, false)] : []),
    ],
  });

  if (rng.chance(0.5)) {
    const gp = chair.kind === 'gp' ? chair : deputy;
    plans.push({
      meetingId: id(3),
      body: 'remuneration_committee',
      date: addDays(asAt, rng.int(20, 80)),
      chairPersonId: ppiLay.personId,
      deputyChairPersonId: auditLay.personId,
      quorum: REMUNERATION_COMMITTEE_QUORUM,
      attendees: [
        attending(ppiLay, true),
        attending(auditLay, true),
        attending(gp, true),
        attending(ao, false),
      ],
    });
  }
  return plans;
}

/**
 * The planted MTG-INQUORATE fault: every GP voting at the governing body meeting but one holds
 * shares in the local GP federation, so its proposal leaves fewer than the two GPs the quorum needs.
 */
export function plantFederationShareholders(
  ctx: CcgContext,
  gbMeeting: MeetingPlan,
  people: readonly PersonDraft[],
): void {
  const gps = gbMeeting.attendees.filter((a) => a.voting && a.categories.includes('gp'));
  if (gps.length < 2) return;
  const keep = ctx.rng.pick(gps);
  const company = ctx.federation;
  for (const attendee of gps) {
    if (attendee === keep) continue;
    const p = people.find((x) => x.personId === attendee.personId)!;
    p.employments.push({
      organisationName: company.name,
      organisationCode: null,
      companyNumber: company.companyNumber,
      organisationKind: 'other',
      role: 'shareholder',
      startDate: company.incorporatedOn,
      endDate: null,
    });
    p.interests.push({
      interestType: 'financial',
      description: `Shareholder in ${company.name} (company ${company.companyNumber}), a GP federation that may bid for CCG contracts`,
      entity: { kind: 'company', companyNumber: company.companyNumber },
      startDate: company.incorporatedOn,
      endDate: null,
    });
  }
}

// ---- agendas -------------------------------------------------------------------------------------

type Management = 'leave_room' | 'no_vote' | 'declare_only';

/** The MTG-CONFLICT mapping of the rule book (definitions/governance/governance-rules.json). */
function management(type: InterestType, decision: boolean): Management {
  if (type === 'financial') return decision ? 'leave_room' : 'no_vote';
  return decision ? 'no_vote' : 'declare_only';
}

interface ItemCheck {
  readonly quorate: boolean;
  readonly chairAvailable: boolean;
}

function checkItem(
  item: AgendaItem,
  meeting: MeetingPlan,
  declarationsOf: ReadonlyMap<string, readonly InterestDeclaration[]>,
): ItemCheck {
  const keys = new Set(item.concernedEntities.map(entityKey).filter((k): k is string => k !== null));
  const managed = new Map<string, Management>();
  for (const a of meeting.attendees) {
    for (const d of declarationsOf.get(a.personId) ?? []) {
      if (!inPeriod(meeting.date, d.startDate, d.endDate) || !d.entity) continue;
      const key = entityKey(d.entity);
      if (key === null || !keys.has(key)) continue;
      const m = management(d.interestType, item.decision);
      const seen = managed.get(a.personId);
      if (!seen || m === 'leave_room' || (m === 'no_vote' && seen === 'declare_only'))
        managed.set(a.personId, m);
    }
  }
  const conflicted = (personId: string | null) => {
    const m = personId === null ? undefined : managed.get(personId);
    return m === 'leave_room' || m === 'no_vote';
  };
  const present = (personId: string | null) => meeting.attendees.some((a) => a.personId === personId);
  const eligible = meeting.attendees.filter((a) => {
    if (!a.voting) return false;
    const m = managed.get(a.personId);
    return m !== 'leave_room' && !(item.decision && m === 'no_vote');
  });
  const quorate =
    eligible.length >= meeting.quorum.minimumMembers &&
    meeting.quorum.requiredRoles.every(
      (r) => eligible.filter((a) => a.categories.includes(r.category)).length >= r.minimum,
    );
  const chairAvailable =
    (present(meeting.chairPersonId) && !conflicted(meeting.chairPersonId)) ||
    (present(meeting.deputyChairPersonId) && !conflicted(meeting.deputyChairPersonId)) ||
    meeting.attendees.some((a) => a.voting && a.categories.includes('lay') && !conflicted(a.personId));
  return { quorate, chairAvailable };
}

/** The financial year a date falls in, e.g. "2013/14". */
export function financialYear(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}/${pad((start + 1) % 100, 2)}`;
}

const org = (code: string): EntityRef => ({ kind: 'organisation', code });

interface Candidate {
  readonly title: string;
  readonly decision: boolean;
  readonly concernedEntities: readonly EntityRef[];
  readonly privateReason?: string;
  /** The planted MTG-INQUORATE item. */
  readonly plantedInquorate?: boolean;
}

function governingBodyItems(ctx: CcgContext, plan: MeetingPlan, people: readonly PersonDraft[]): Candidate[] {
  const { rng, ccg } = ctx;
  const name = (code: string) => ctx.orgName(code, `Provider ${code}`);
  const practiceName = (code: string) => ctx.orgName(code, `Member practice ${code}`);
  const fy = financialYear(plan.date);
  const [a, b, c] = rng.shuffle(ccg.commissionedProviderCodes);
  const items: Candidate[] = [
    {
      title: 'Apologies, declarations of interest and minutes of the previous meeting',
      decision: true,
      concernedEntities: [],
    },
  ];
  if (a) {
    items.push({
      title: `Acute services contract ${fy} with ${name(a)}: activity plan, CQUIN and quality schedule`,
      decision: true,
      concernedEntities: [org(a)],
    });
  }
  const reported = b ?? a;
  if (reported) {
    items.push({
      title: `Quality and performance report: ${name(reported)}`,
      decision: false,
      concernedEntities: [org(reported)],
    });
  }
  const awarded = c ?? a;
  if (awarded) {
    const service = rng.pick(COMMUNITY_SERVICES);
    items.push({
      title: `${service} procurement: recommendation to award the contract to ${name(awarded)}`,
      decision: true,
      concernedEntities: [org(awarded), { kind: 'service', name: service }],
    });
  }
  const planted = ctx.faults.has('inquorate_item');
  if (planted || rng.chance(0.5)) {
    items.push({
      title: `Extended access to general practice: proposal from ${ctx.federation.name}`,
      decision: true,
      concernedEntities: [
        { kind: 'company', companyNumber: ctx.federation.companyNumber },
        { kind: 'service', name: 'Extended access to general practice' },
      ],
      plantedInquorate: planted,
    });
  }
  const practices = ccg.memberPracticeCodes;
  if (practices.length >= 2 && rng.chance(0.6)) {
    const chair = people.find((p) => p.personId === plan.chairPersonId);
    const first = chair?.practiceCode && rng.chance(0.5) ? chair.practiceCode : rng.pick(practices);
    const second = rng.pick(practices.filter((p) => p !== first));
    items.push({
      title: `Proposed merger of ${practiceName(first)} and ${practiceName(second)}: the CCG's response to the NHS CB area team`,
      decision: true,
      concernedEntities: [org(first), org(second)],
    });
  }
  if (rng.chance(0.4)) {
    const service = rng.pick(DIAGNOSTIC_SERVICES);
    items.push({
      title: `Any Qualified Provider: accrediting ${ctx.diagnostics.name} for ${service}`,
      decision: true,
      concernedEntities: [
        { kind: 'company', companyNumber: ctx.diagnostics.companyNumber },
        { kind: 'service', name: service },
      ],
    });
  }
  if (ccg.csuCode) {
    items.push({
      title: `Commissioning support: service level agreement ${fy} with ${ctx.orgName(ccg.csuCode, `the CSU ${ccg.csuCode}`)}`,
      decision: true,
      concernedEntities: [org(ccg.csuCode)],
    });
  }
  if (a) {
    items.push({
      title: `QIPP schemes under negotiation with ${name(a)}`,
      decision: false,
      concernedEntities: [org(a)],
      privateReason: 'Commercially confidential: the contract negotiation is still in progress',
    });
  }
  return items;
}

function auditItems(ctx: CcgContext, plan: MeetingPlan): Candidate[] {
  const { rng, ccg } = ctx;
  const fy = financialYear(plan.date);
  const previous = financialYear(addDays(`${fy.slice(0, 4)}-04-01`, -1));
  const items: Candidate[] = [
    {
      title: `Annual report and accounts ${previous}: the external auditor's findings`,
      decision: false,
      concernedEntities: [],
    },
  ];
  if (ccg.csuCode) {
    items.push({
      title: `Internal audit progress report (${ctx.orgName(ccg.csuCode, `the CSU ${ccg.csuCode}`)})`,
      decision: false,
      concernedEntities: [org(ccg.csuCode)],
    });
  }
  items.push({
    title: 'Registers of interests, gifts and hospitality: six-monthly review',
    decision: false,
    concernedEntities: [],
  });
  if (ccg.commissionedProviderCodes.length) {
    const code = rng.pick(ccg.commissionedProviderCodes);
    const service = rng.pick(COMMUNITY_SERVICES);
    items.push({
      title: `Single tender waiver: ${service.toLowerCase()} from ${ctx.orgName(code, `Provider ${code}`)}`,
      decision: true,
      concernedEntities: [org(code), { kind: 'service', name: service }],
    });
  }
  items.push({ title: `Counter-fraud work plan ${fy}`, decision: true, concernedEntities: [] });
  return items;
}

function remunerationItems(plan: MeetingPlan, people: readonly PersonDraft[]): Candidate[] {
  const fy = financialYear(plan.date);
  const gpPractices = [
    ...new Set(
      people
        .filter((p) => p.roles.includes('gp_member') && p.practiceCode !== null)
        .map((p) => p.practiceCode!),
    ),
  ];
  return [
    {
      title: `Sessional rates ${fy} for GP members of the governing body (paid to their practices)`,
      decision: true,
      concernedEntities: gpPractices.map(org),
    },
    {
      title: 'Pay of very senior managers: the accountable officer and the chief finance officer',
      decision: true,
      concernedEntities: [],
      privateReason: 'Information about the pay of named individuals',
    },
  ];
}

/** The meetings with their agendas, checked against the register as it will be on each date. */
export function buildMeetings(
  ctx: CcgContext,
  plans: readonly MeetingPlan[],
  people: readonly PersonDraft[],
  declarations: readonly InterestDeclaration[],
): SynthMeeting[] {
  const declarationsOf = new Map<string, InterestDeclaration[]>();
  for (const d of declarations) {
    declarationsOf.set(d.declarant.personId, [...(declarationsOf.get(d.declarant.personId) ?? []), d]);
  }
  return plans.map((plan) => {
    const candidates =
      plan.body === 'governing_body'
        ? governingBodyItems(ctx, plan, people)
        : plan.body === 'audit_committee'
          ? auditItems(ctx, plan)
          : remunerationItems(plan, people);
    const agendaItems: AgendaItem[] = [];
    for (const candidate of candidates) {
      const itemId = `${plan.meetingId}-I${pad(agendaItems.length + 1, 2)}`;
      const item: AgendaItem = {
        itemId,
        title: candidate.title,
        ...(candidate.privateReason ? { part: 'private' as const } : {}),
        privateReason: candidate.privateReason ?? null,
        decision: candidate.decision,
        concernedEntities: candidate.concernedEntities,
      };
      const check = checkItem(item, plan, declarationsOf);
      if (!check.chairAvailable) continue;
      if (candidate.plantedInquorate) {
        if (check.quorate) continue;
        ctx.recordFault(
          'inquorate_item',
          `Item ${itemId} "${candidate.title}" at meeting ${plan.meetingId} on ${plan.date} is inquorate once the GP shareholders of ${ctx.federation.name} leave the room`,
        );
      } else if (!check.quorate) {
        continue;
      }
      agendaItems.push(item);
    }
    return {
      meetingId: plan.meetingId,
      body: plan.body,
      date: plan.date,
      part: 'public',
      chairPersonId: plan.chairPersonId,
      deputyChairPersonId: plan.deputyChairPersonId,
      quorum: plan.quorum,
      agendaItems,
      attendees: plan.attendees,
    };
  });
}
