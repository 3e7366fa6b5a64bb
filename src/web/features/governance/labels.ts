/** Words for the governance codes the API sends (roles, interest types, how a conflict is managed…). */
import type {
  AttendeeCategory,
  ConflictManagement,
  DeclarantCapacity,
  EntityRef,
  GoverningBodyRole,
  InterestType,
  MeetingBody,
  MeetingStatus,
  QuorumFallback,
  QuorumRule,
} from './types.ts';

export const ROLE_LABELS: Record<GoverningBodyRole, string> = {
  chair: 'Chair',
  deputy_chair: 'Deputy chair',
  accountable_officer: 'Accountable officer',
  chief_finance_officer: 'Chief finance officer',
  registered_nurse: 'Registered nurse',
  secondary_care_doctor: 'Secondary care doctor',
  lay_member_audit: 'Lay member (audit and governance)',
  lay_member_ppi: 'Lay member (patient and public involvement)',
  gp_member: 'GP member',
  other: 'Other member',
};

export const INTEREST_TYPE_LABELS: Record<InterestType, string> = {
  financial: 'Financial',
  non_financial_professional: 'Non-financial professional',
  non_financial_personal: 'Non-financial personal',
  indirect: 'Indirect',
};

export const CAPACITY_LABELS: Record<DeclarantCapacity, string> = {
  member: 'Member (practice)',
  gb_member: 'Governing body member',
  committee_member: 'Committee member',
  employee: 'Employee',
};

export const MANAGEMENT_LABELS: Record<ConflictManagement, string> = {
  leave_room: 'Leaves the room',
  no_vote: 'Takes part without voting',
  declare_only: 'Declares and takes part',
};

export const BODY_LABELS: Record<MeetingBody, string> = {
  governing_body: 'Governing body',
  audit_committee: 'Audit committee',
  remuneration_committee: 'Remuneration committee',
  other_committee: 'Other committee',
};

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  draft: 'Draft',
  held: 'Held, not yet published',
  published: 'Minutes published',
};

export const CATEGORY_LABELS: Record<AttendeeCategory, string> = {
  lay: 'Lay',
  clinician: 'Clinician',
  gp: 'GP',
  registered_nurse: 'Registered nurse',
  secondary_care_doctor: 'Secondary care doctor',
  executive: 'Executive',
};

export const FALLBACK_LABELS: Record<QuorumFallback, string> = {
  defer: 'Defer the item to a quorate meeting',
  refer_to_committee: 'Refer the decision to a committee',
  co_opt: 'Co-opt members to make the meeting quorate',
};

export const CHAIR_BASIS_LABELS: Record<string, string> = {
  chair: 'the meeting’s chair',
  deputy_chair: 'the deputy chair, as the chair is conflicted',
  lay_member: 'a lay member, as the chair and deputy are conflicted',
  none: 'nobody unconflicted is available to chair',
};

export const COMPLIANCE_GROUPS = {
  governingBody: 'Governing body',
  register: 'Register of interests',
  gifts: 'Gifts and hospitality',
  constitution: 'Constitution',
} as const;
export type ComplianceGroup = keyof typeof COMPLIANCE_GROUPS;

function label<K extends string>(labels: Record<K, string>, key: string): string {
  return (labels as Record<string, string>)[key] ?? key.replace(/_/g, ' ');
}

export const roleLabel = (r: string) => label(ROLE_LABELS, r);
export const interestTypeLabel = (t: string) => label(INTEREST_TYPE_LABELS, t);
export const capacityLabel = (c: string) => label(CAPACITY_LABELS, c);
export const managementLabel = (m: string) => label(MANAGEMENT_LABELS, m);
export const bodyLabel = (b: string) => label(BODY_LABELS, b);
export const statusLabel = (s: string) => label(STATUS_LABELS, s);
export const categoryLabel = (c: string) => label(CATEGORY_LABELS, c);
export const fallbackLabel = (f: string) => label(FALLBACK_LABELS, f);

/** An entity as plain text: "organisation RXP", "company 01234567", "service: Wheelchair services". */
export function entityText(e: EntityRef | null): string {
  if (e === null) return '';
  if (e.kind === 'organisation') return `Organisation ${e.code.toUpperCase()}`;
  if (e.kind === 'company') return `Company ${e.companyNumber}`;
  return `Service: ${e.name}`;
}

/** `camelCase` detail keys as words: `lastReturn` → "last return". */
function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

function detailValue(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (Array.isArray(value)) return value.length ? value.map(detailValue).join(', ') : 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/_/g, ' ');
}

/**
 * A finding's machine-readable detail as a short "why": "reason: missing · holders: none". Ids and
 * nested records are left out (the message names them); the CSV keeps the whole detail.
 */
export function detailSummary(detail: Readonly<Record<string, unknown>> | undefined): string {
  if (!detail) return '';
  return Object.entries(detail)
    .filter(([k, v]) => !/id$/i.test(k) && !(typeof v === 'object' && v !== null && !Array.isArray(v)))
    .map(([k, v]) => `${words(k)}: ${detailValue(v)}`)
    .join(' · ');
}

const CATEGORY_NOUNS: Record<AttendeeCategory, readonly [string, string]> = {
  lay: ['lay member', 'lay members'],
  clinician: ['clinician', 'clinicians'],
  gp: ['GP', 'GPs'],
  registered_nurse: ['registered nurse', 'registered nurses'],
  secondary_care_doctor: ['secondary care doctor', 'secondary care doctors'],
  executive: ['executive', 'executives'],
};

/** "2 GPs", "1 lay member". */
export function categoryCount(n: number, category: string): string {
  const nouns = (CATEGORY_NOUNS as Record<string, readonly [string, string]>)[category];
  const noun = nouns ? nouns[n === 1 ? 0 : 1] : category.replace(/_/g, ' ');
  return `${n} ${noun}`;
}

/** "a, b and c". */
export function listText(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** A quorum rule in words: "6 voting members, including at least 2 GPs, 1 lay member and 1 executive". */
export function quorumWords(q: QuorumRule): string {
  const roles = q.requiredRoles.map((r) => categoryCount(r.minimum, r.category));
  return `${q.minimumMembers} voting members${roles.length ? `, including at least ${listText(roles)}` : ''}`;
}

/** The categories a governing body role usually brings to a quorum (the builder's defaults). */
export function categoriesForRoles(roles: readonly GoverningBodyRole[]): AttendeeCategory[] {
  const out = new Set<AttendeeCategory>();
  for (const r of roles) {
    if (r === 'lay_member_audit' || r === 'lay_member_ppi') out.add('lay');
    if (r === 'gp_member') {
      out.add('gp');
      out.add('clinician');
    }
    if (r === 'registered_nurse') {
      out.add('registered_nurse');
      out.add('clinician');
    }
    if (r === 'secondary_care_doctor') {
      out.add('secondary_care_doctor');
      out.add('clinician');
    }
    if (r === 'accountable_officer' || r === 'chief_finance_officer') out.add('executive');
  }
  return [...out];
}

/** Pence as pounds: 2500 → "£25.00". */
export function formatPence(pence: number): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(pence / 100);
}
