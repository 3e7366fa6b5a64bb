/**
 * Validates a dated structural event (join, leave, move, merger, dissolution) against a snapshot of the
 * registry and plans its effect as end dates to set and rows to add. History is never rewritten: only
 * in-force rows get an end date, nothing is deleted. The event date is the first day of the new state.
 */
import type { OrgType, RelationshipKind, StructuralEvent, Violation } from '../model.ts';
import { checkCcgName } from './ccg-name.ts';
import { isIsoDate } from './definitions.ts';

const MEMBERSHIP_REF =
  'NHS Act 2006 s14A(1) (each provider of primary medical services is a member of a CCG) and Sch 1A para 2 (the constitution names the members); a change of members is a variation of the constitution under s14E (on application, granted by the Board) or s14F';

/** The legal reference of each rule id this module emits (checked against the rule book in tests). */
export const STRUCTURAL_EVENT_RULES = {
  'EVT-DATE': 'Data integrity (no statutory basis): an event needs a real calendar date written YYYY-MM-DD',
  'EVT-UNKNOWN-ORG':
    'Data integrity (no statutory basis): an event must name registered organisations of the right type',
  'EVT-CCG-NOT-OPEN':
    'NHS Act 2006 s14D (a CCG exists once established) and ss14G–14H (until dissolved), inserted by HSCA 2012 s25',
  'EVT-ALREADY-MEMBER': MEMBERSHIP_REF,
  'EVT-NOT-MEMBER': MEMBERSHIP_REF,
  'EVT-MERGER-PREDECESSORS':
    'NHS Act 2006 s14G (two or more CCGs dissolved and another established), inserted by HSCA 2012 s25; CCG Regs 2012 reg 7',
  'EVT-DISSOLUTION-TRANSFERS':
    'NHS Act 2006 s14H (dissolution) and s14A(1) (each provider of primary medical services remains a member of a CCG), inserted by HSCA 2012 s25',
} as const;
type EventRuleId = keyof typeof STRUCTURAL_EVENT_RULES;

export interface RegistryOrganisation {
  readonly code: string;
  readonly orgType: OrgType;
  readonly name: string;
  readonly openDate: string | null;
  readonly closeDate: string | null;
}

export interface RegistryMembership {
  readonly practiceCode: string;
  readonly ccgCode: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

export interface RegistryState {
  readonly organisations: ReadonlyMap<string, RegistryOrganisation>;
  readonly memberships: readonly RegistryMembership[];
}

/** Sets the end date of the in-force member_of row identified by (fromCode, toCode, startDate). */
export interface MembershipClosure {
  readonly kind: 'member_of';
  readonly fromCode: string;
  readonly toCode: string;
  readonly startDate: string;
  readonly newEndDate: string;
}

export interface RelationshipOpening {
  readonly kind: RelationshipKind;
  readonly fromCode: string;
  readonly toCode: string;
  readonly startDate: string;
  readonly endDate: null;
}

export interface EventPlan {
  readonly violations: Violation[];
  readonly close: MembershipClosure[];
  readonly open: RelationshipOpening[];
  readonly closeOrganisations: { readonly code: string; readonly closeDate: string }[];
  readonly createOrganisations: {
    readonly code: string;
    readonly name: string;
    readonly orgType: 'ccg';
    readonly openDate: string;
  }[];
}

/** The day before an ISO date (pure calendar arithmetic, no clock). */
export function dayBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

const inForceOn = (m: RegistryMembership, date: string): boolean =>
  m.startDate <= date && (m.endDate === null || m.endDate >= date);
/** In force on `date` or starting later: a row an open-ended period from `date` would overlap. */
const inForceFrom = (m: RegistryMembership, date: string): boolean => m.endDate === null || m.endDate >= date;
const isOpenOn = (org: RegistryOrganisation, date: string): boolean =>
  (org.openDate === null || org.openDate <= date) && (org.closeDate === null || org.closeDate >= date);
/** Open on `date` and opened before it, so that closing it the day before leaves a valid period. */
const canCloseBefore = (org: RegistryOrganisation, date: string): boolean =>
  isOpenOn(org, date) && (org.openDate === null || org.openDate < date);

class PlanBuilder {
  readonly violations: Violation[] = [];
  readonly close: MembershipClosure[] = [];
  readonly open: RelationshipOpening[] = [];
  readonly closeOrganisations: { code: string; closeDate: string }[] = [];
  readonly createOrganisations: { code: string; name: string; orgType: 'ccg'; openDate: string }[] = [];
  readonly dateValid: boolean;

  constructor(
    readonly date: string,
    readonly state: RegistryState,
  ) {
    this.dateValid = isIsoDate(date);
  }

  report(
    ruleId: EventRuleId,
    subjectType: OrgType,
    subjectCode: string,
    message: string,
    detail: Record<string, unknown>,
  ): void {
    const legalRef = STRUCTURAL_EVENT_RULES[ruleId];
    this.violations.push({ ruleId, legalRef, severity: 'error', subjectType, subjectCode, message, detail });
  }

  /** The organisation, or null after reporting EVT-UNKNOWN-ORG when it is missing or of another type. */
  requireOrg(code: string, orgType: 'gp_practice' | 'ccg'): RegistryOrganisation | null {
    const org = this.state.organisations.get(code);
    const label = orgType === 'ccg' ? 'CCG' : 'practice';
    if (!org) {
      this.report('EVT-UNKNOWN-ORG', orgType, code, `Unknown ${label} code ${code}`, {
        reason: 'unknown',
        expectedType: orgType,
      });
      return null;
    }
    if (org.orgType !== orgType) {
      this.report(
        'EVT-UNKNOWN-ORG',
        orgType,
        code,
        `${code} (${org.name}) is a ${org.orgType}, not a ${label}`,
        {
          reason: 'wrong_type',
          expectedType: orgType,
          actualType: org.orgType,
        },
      );
      return null;
    }
    return org;
  }

  /** Reports EVT-CCG-NOT-OPEN unless the CCG is open on the event date (and the day before, if closing). */
  requireOpen(ccg: RegistryOrganisation, role: string, closing = false): void {
    if (closing ? canCloseBefore(ccg, this.date) : isOpenOn(ccg, this.date)) return;
    this.report(
      'EVT-CCG-NOT-OPEN',
      'ccg',
      ccg.code,
      `${role} CCG ${ccg.code} is not open on ${this.date}${closing ? ' and the day before' : ''} (open ${ccg.openDate ?? 'unknown'} to ${ccg.closeDate ?? 'now'})`,
      { role, openDate: ccg.openDate, closeDate: ccg.closeDate },
    );
  }

  /** The practice's membership of the CCG in force on the date, or null after reporting EVT-NOT-MEMBER. */
  requireMember(practiceCode: string, ccgCode: string): RegistryMembership | null {
    const m = this.state.memberships.find(
      (row) => row.practiceCode === practiceCode && row.ccgCode === ccgCode && inForceOn(row, this.date),
    );
    if (!m) {
      this.report(
        'EVT-NOT-MEMBER',
        'gp_practice',
        practiceCode,
        `Practice ${practiceCode} is not a member of ${ccgCode} on ${this.date}`,
        { reason: 'not_member', ccgCode },
      );
      return null;
    }
    if (m.startDate === this.date) {
      // Ending it the day before would leave an empty period; the join itself is what needs correcting.
      this.report(
        'EVT-NOT-MEMBER',
        'gp_practice',
        practiceCode,
        `Practice ${practiceCode}'s membership of ${ccgCode} starts on ${this.date}, so it cannot end the day before; correct the recorded join instead`,
        { reason: 'starts_on_date', ccgCode },
      );
      return null;
    }
    return m;
  }

  /** Reports EVT-ALREADY-MEMBER for each membership (other than `except`) an open-ended join would overlap. */
  requireNoOtherMembership(practiceCode: string, except: RegistryMembership | null): void {
    for (const m of this.state.memberships) {
      if (m === except || m.practiceCode !== practiceCode || !inForceFrom(m, this.date)) continue;
      const current = inForceOn(m, this.date);
      this.report(
        'EVT-ALREADY-MEMBER',
        'gp_practice',
        practiceCode,
        current
          ? `Practice ${practiceCode} is already a member of ${m.ccgCode} on ${this.date}; a practice is a member of exactly one CCG`
          : `Practice ${practiceCode} is recorded as joining ${m.ccgCode} on ${m.startDate}, which an open-ended membership from ${this.date} would overlap`,
        {
          reason: current ? 'member_on_date' : 'later_membership',
          ccgCode: m.ccgCode,
          startDate: m.startDate,
        },
      );
    }
  }

  closeMembership(m: RegistryMembership): void {
    this.close.push({
      kind: 'member_of',
      fromCode: m.practiceCode,
      toCode: m.ccgCode,
      startDate: m.startDate,
      newEndDate: dayBefore(this.date),
    });
  }

  openRelationship(kind: RelationshipKind, fromCode: string, toCode: string): void {
    this.open.push({ kind, fromCode, toCode, startDate: this.date, endDate: null });
  }

  /** The plan; with any error nothing is applied, so changes are dropped. */
  finish(): EventPlan {
    if (this.violations.some((v) => v.severity === 'error')) {
      return {
        violations: this.violations,
        close: [],
        open: [],
        closeOrganisations: [],
        createOrganisations: [],
      };
    }
    const { violations, close, open, closeOrganisations, createOrganisations } = this;
    return { violations, close, open, closeOrganisations, createOrganisations };
  }
}

type EventOf<K extends StructuralEvent['kind']> = Extract<StructuralEvent, { kind: K }>;

function planJoin(plan: PlanBuilder, event: EventOf<'join'>): void {
  plan.requireOrg(event.practiceCode, 'gp_practice');
  const ccg = plan.requireOrg(event.ccgCode, 'ccg');
  if (!plan.dateValid) return;
  if (ccg) plan.requireOpen(ccg, 'Joining');
  plan.requireNoOtherMembership(event.practiceCode, null);
  plan.openRelationship('member_of', event.practiceCode, event.ccgCode);
}

function planLeave(plan: PlanBuilder, event: EventOf<'leave'>): void {
  plan.requireOrg(event.practiceCode, 'gp_practice');
  plan.requireOrg(event.ccgCode, 'ccg');
  if (!plan.dateValid) return;
  const membership = plan.requireMember(event.practiceCode, event.ccgCode);
  if (membership) plan.closeMembership(membership);
}

function planMove(plan: PlanBuilder, event: EventOf<'move'>): void {
  plan.requireOrg(event.practiceCode, 'gp_practice');
  plan.requireOrg(event.fromCcgCode, 'ccg');
  const to = plan.requireOrg(event.toCcgCode, 'ccg');
  if (!plan.dateValid) return;
  if (event.fromCcgCode === event.toCcgCode) {
    plan.report(
      'EVT-ALREADY-MEMBER',
      'gp_practice',
      event.practiceCode,
      `Practice ${event.practiceCode} cannot move from ${event.fromCcgCode} to the same CCG`,
      { reason: 'same_ccg', ccgCode: event.toCcgCode },
    );
    return;
  }
  if (to) plan.requireOpen(to, 'Receiving');
  const membership = plan.requireMember(event.practiceCode, event.fromCcgCode);
  plan.requireNoOtherMembership(event.practiceCode, membership);
  if (membership) plan.closeMembership(membership);
  plan.openRelationship('member_of', event.practiceCode, event.toCcgCode);
}

/**
 * A continuing successor (one of the predecessors) is accepted as well as a new CCG: in law that is
 * strictly a variation of the continuing CCG's area and members (s14E) with the others dissolved (s14H),
 * but the registry records both the same way.
 */
function planMerger(plan: PlanBuilder, event: EventOf<'merger'>): void {
  const successor = event.successorCode;
  const predecessors = [...new Set(event.predecessorCodes)];
  const mergerError = (subject: string, message: string, detail: Record<string, unknown>) =>
    plan.report('EVT-MERGER-PREDECESSORS', 'ccg', subject, message, detail);

  if (predecessors.length !== event.predecessorCodes.length) {
    mergerError(successor, `A predecessor is listed more than once (${event.predecessorCodes.join(', ')})`, {
      reason: 'duplicate_predecessor',
      predecessorCodes: event.predecessorCodes,
    });
  }
  if (predecessors.length < 2) {
    mergerError(
      successor,
      `A merger needs at least two distinct predecessor CCGs, got ${predecessors.length}`,
      {
        reason: 'too_few_predecessors',
        predecessorCodes: predecessors,
      },
    );
  }
  const known: RegistryOrganisation[] = [];
  for (const code of predecessors) {
    const ccg = plan.requireOrg(code, 'ccg');
    if (ccg) known.push(ccg);
  }

  const continuing = predecessors.includes(successor);
  const successorName = event.successorName?.trim() ?? '';
  if (!continuing) {
    if (plan.state.organisations.has(successor)) {
      mergerError(successor, `Successor code ${successor} is already used by another organisation`, {
        reason: 'successor_code_in_use',
      });
    }
    if (!successorName) {
      mergerError(successor, `A new successor CCG ${successor} needs a name`, {
        reason: 'successor_name_missing',
      });
    } else {
      // Only errors: the area's place names are not known yet, so the geography match cannot be tested.
      const nameErrors = checkCcgName({ code: successor, name: successorName }, []);
      plan.violations.push(...nameErrors.filter((v) => v.severity === 'error'));
    }
  }
  if (!plan.dateValid) return;

  for (const ccg of known) {
    if (canCloseBefore(ccg, plan.date)) continue;
    mergerError(ccg.code, `Predecessor CCG ${ccg.code} is not open on ${plan.date} and the day before`, {
      reason: 'predecessor_not_open',
      openDate: ccg.openDate,
      closeDate: ccg.closeDate,
    });
  }

  const closing = predecessors.filter((code) => code !== successor);
  const movedTo = new Set(
    plan.state.memberships
      .filter((m) => m.ccgCode === successor && inForceOn(m, plan.date))
      .map((m) => m.practiceCode),
  );
  for (const m of plan.state.memberships) {
    if (!closing.includes(m.ccgCode) || !inForceFrom(m, plan.date)) continue;
    if (m.startDate >= plan.date) {
      mergerError(m.ccgCode, `Practice ${m.practiceCode} joins closing CCG ${m.ccgCode} on ${m.startDate}`, {
        reason: 'membership_starts_on_or_after_date',
        practiceCode: m.practiceCode,
        startDate: m.startDate,
      });
      continue;
    }
    plan.closeMembership(m);
    if (!movedTo.has(m.practiceCode)) plan.openRelationship('member_of', m.practiceCode, successor);
    movedTo.add(m.practiceCode);
  }

  const closeDate = dayBefore(plan.date);
  for (const code of closing) plan.closeOrganisations.push({ code, closeDate });
  if (!continuing) {
    plan.createOrganisations.push({
      code: successor,
      name: successorName,
      orgType: 'ccg',
      openDate: plan.date,
    });
  }
  for (const code of closing) plan.openRelationship('successor_of', successor, code);
}

function planDissolution(plan: PlanBuilder, event: EventOf<'dissolution'>): void {
  const ccg = plan.requireOrg(event.ccgCode, 'ccg');
  if (!plan.dateValid) return;
  if (ccg) plan.requireOpen(ccg, 'Dissolving', true);
  const transferError = (practiceCode: string, message: string, detail: Record<string, unknown>) =>
    plan.report('EVT-DISSOLUTION-TRANSFERS', 'gp_practice', practiceCode, message, detail);

  const members = new Set<string>();
  for (const m of plan.state.memberships) {
    if (m.ccgCode !== event.ccgCode || !inForceFrom(m, plan.date)) continue;
    members.add(m.practiceCode);
    if (m.startDate >= plan.date) {
      transferError(
        m.practiceCode,
        `Practice ${m.practiceCode} joins dissolving CCG ${m.ccgCode} on ${m.startDate}`,
        {
          reason: 'membership_starts_on_or_after_date',
          startDate: m.startDate,
        },
      );
      continue;
    }
    const target = Object.hasOwn(event.transfers, m.practiceCode)
      ? event.transfers[m.practiceCode]
      : undefined;
    if (target === undefined) {
      transferError(m.practiceCode, `Member practice ${m.practiceCode} of ${event.ccgCode} has no transfer`, {
        reason: 'missing_transfer',
      });
      continue;
    }
    if (target === event.ccgCode) {
      transferError(
        m.practiceCode,
        `Practice ${m.practiceCode} is transferred to the dissolving CCG itself`,
        {
          reason: 'transfer_to_dissolving_ccg',
          toCcgCode: target,
        },
      );
      continue;
    }
    const receiving = plan.requireOrg(target, 'ccg');
    if (receiving) plan.requireOpen(receiving, 'Receiving');
    plan.closeMembership(m);
    plan.openRelationship('member_of', m.practiceCode, target);
  }
  for (const [practiceCode, target] of Object.entries(event.transfers)) {
    if (members.has(practiceCode)) continue;
    transferError(
      practiceCode,
      `Practice ${practiceCode} is not a member of ${event.ccgCode} on ${plan.date}`,
      {
        reason: 'not_a_member',
        toCcgCode: target,
      },
    );
  }
  plan.closeOrganisations.push({ code: event.ccgCode, closeDate: dayBefore(plan.date) });
}

/** The code the event is mainly about, for violations not tied to one organisation (EVT-DATE). */
function subjectOf(event: StructuralEvent): { subjectType: OrgType; subjectCode: string } {
  switch (event.kind) {
    case 'join':
    case 'leave':
    case 'move':
      return { subjectType: 'gp_practice', subjectCode: event.practiceCode };
    case 'merger':
      return { subjectType: 'ccg', subjectCode: event.successorCode };
    case 'dissolution':
      return { subjectType: 'ccg', subjectCode: event.ccgCode };
  }
}

/**
 * Validates a structural event against the registry and plans its changes. If any violation is an
 * error, the plan changes nothing (no half-applied event).
 */
export function planStructuralEvent(event: StructuralEvent, state: RegistryState): EventPlan {
  const plan = new PlanBuilder(event.date, state);
  if (!plan.dateValid) {
    const { subjectType, subjectCode } = subjectOf(event);
    plan.report(
      'EVT-DATE',
      subjectType,
      subjectCode,
      `Event date "${event.date}" is not a valid YYYY-MM-DD date`,
      {
        date: event.date,
      },
    );
  }
  switch (event.kind) {
    case 'join':
      planJoin(plan, event);
      break;
    case 'leave':
      planLeave(plan, event);
      break;
    case 'move':
      planMove(plan, event);
      break;
    case 'merger':
      planMerger(plan, event);
      break;
    case 'dissolution':
      planDissolution(plan, event);
      break;
  }
  return plan.finish();
}
