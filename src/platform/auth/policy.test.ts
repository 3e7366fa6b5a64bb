import { describe, expect, it } from 'vitest';
import type { AccessRequest, Actor, OwnerFacts, RoleHolding } from './model.ts';
import { decide } from './policy.ts';
import { loadRoleBook } from './role-book.ts';

const roleBook = loadRoleBook();
const AS_AT = '2013-06-01';

const ORG_TYPES: Record<string, string> = {
  '00C': 'ccg',
  '00D': 'ccg',
  '08H': 'ccg',
  A83005: 'gp_practice',
  A83001: 'gp_practice',
  Q45: 'area_team',
  Y54: 'region',
  NHSCB: 'commissioning_board',
  E06000005: 'hwb',
  'HW-E06000005': 'healthwatch',
  RTR: 'provider_foundation_trust',
};
const HWBS: Record<string, string[]> = { '00C': ['E06000005'], '00D': ['E06000047'], '08H': ['E09000019'] };

function owner(code: string | null): OwnerFacts | null {
  if (code === null || !ORG_TYPES[code]) return null;
  return { code, orgType: ORG_TYPES[code]!, overlappingHwbs: new Set(HWBS[code] ?? []) };
}

let nextId = 1;
function holding(
  role: string,
  orgCode: string | null,
  startDate = '2013-04-01',
  endDate: string | null = null,
): RoleHolding {
  return {
    assignmentId: nextId++,
    role,
    orgCode,
    orgType: orgCode ? ORG_TYPES[orgCode]! : null,
    startDate,
    endDate,
  };
}
const person = (...roles: RoleHolding[]): Actor => ({ kind: 'person', personId: 1, username: 'p', roles });
const token = (orgCode: string, permissions: string[]): Actor => ({
  kind: 'api_token',
  tokenId: 1,
  name: 't',
  orgCode,
  orgType: ORG_TYPES[orgCode]!,
  permissions,
});
const ANON: Actor = { kind: 'anonymous' };

const governing = person(holding('ccg_governing_body_member', '00C'));
const commissioning = person(holding('ccg_commissioning_manager', '00C'));
const practice = person(holding('practice_staff', 'A83005'));
const areaTeam = person(holding('area_team_assurance', 'Q45'));
const board = person(holding('board_oversight', 'NHSCB'));
const hwb = person(holding('hwb_member', 'E06000005'));
const admin = person(holding('system_administrator', null));

const req = (
  action: AccessRequest['action'],
  classification: AccessRequest['classification'],
  ownerOrg: string | null,
) => ({
  action,
  classification,
  ownerOrg,
});

type Row = [string, Actor, AccessRequest, boolean, string];

// Each row: what is asked, by whom, the expected answer and the rule that gives it.
const TABLE: Row[] = [
  ['anyone reads public data', ANON, req('read', 'public', '00C'), true, 'public-read'],
  ['anyone submits to a public endpoint', ANON, req('write', 'public', null), true, 'public-submission'],
  [
    'anonymous is refused internal data',
    ANON,
    req('read', 'organisation_internal', '00C'),
    false,
    'sign-in-required',
  ],
  [
    'a CCG reads its own internal records',
    governing,
    req('read', 'organisation_internal', '00C'),
    true,
    'grant',
  ],
  [
    "a CCG is refused another CCG's internal records",
    governing,
    req('read', 'organisation_internal', '00D'),
    false,
    'no-grant',
  ],
  [
    'a governing body member has no patient-level data',
    governing,
    req('read', 'pseudonymised_patient', '00C'),
    false,
    'no-grant',
  ],
  [
    'a commissioning manager reads its own population, pseudonymised',
    commissioning,
    req('read', 'pseudonymised_patient', '00C'),
    true,
    'grant',
  ],
  [
    "a commissioning manager is refused another CCG's population",
    commissioning,
    req('read', 'pseudonymised_patient', '00D'),
    false,
    'no-grant',
  ],
  [
    'a CCG never re-identifies, even its own patients',
    commissioning,
    req('read', 'identifiable_patient', 'A83005'),
    false,
    'identifiable-own-practice-only',
  ],
  [
    'a practice re-identifies its own patient',
    practice,
    req('read', 'identifiable_patient', 'A83005'),
    true,
    'own-practice-patient',
  ],
  [
    "a practice is refused another practice's patient",
    practice,
    req('read', 'identifiable_patient', 'A83001'),
    false,
    'identifiable-own-practice-only',
  ],
  [
    'a practice is refused its CCG internal records',
    practice,
    req('read', 'organisation_internal', '00C'),
    false,
    'no-grant',
  ],
  [
    "the Board reads any CCG's internal records",
    areaTeam,
    req('read', 'organisation_internal', '08H'),
    true,
    'grant',
  ],
  [
    "the Board reads any CCG's pseudonymised data",
    board,
    req('read', 'pseudonymised_patient', '00D'),
    true,
    'grant',
  ],
  [
    'the Board never sees identifiable data',
    board,
    req('read', 'identifiable_patient', 'A83005'),
    false,
    'identifiable-own-practice-only',
  ],
  [
    "the Board cannot write a CCG's records",
    areaTeam,
    req('write', 'organisation_internal', '00C'),
    false,
    'no-grant',
  ],
  [
    "the Board's oversight stops at CCGs, practices and itself",
    board,
    req('read', 'commercial_in_confidence', 'RTR'),
    false,
    'no-grant',
  ],
  [
    'an HWB reads what an overlapping CCG shares with it',
    hwb,
    req('read', 'organisation_internal', '00C'),
    true,
    'grant',
  ],
  [
    'an HWB is refused a CCG that does not overlap it',
    hwb,
    req('read', 'organisation_internal', '00D'),
    false,
    'no-grant',
  ],
  [
    "an HWB never sees a CCG's patient-level data",
    hwb,
    req('read', 'pseudonymised_patient', '00C'),
    false,
    'no-grant',
  ],
  [
    'the administrator reads the platform records',
    admin,
    req('read', 'organisation_internal', null),
    true,
    'grant',
  ],
  [
    "the administrator sees no organisation's records",
    admin,
    req('read', 'organisation_internal', '00C'),
    false,
    'no-grant',
  ],
  [
    'a CCG role is no use for the platform records',
    governing,
    req('read', 'organisation_internal', null),
    false,
    'no-grant',
  ],
  [
    'a token acts at its own organisation',
    token('00C', ['read:organisation_internal']),
    req('read', 'organisation_internal', '00C'),
    true,
    'grant',
  ],
  [
    'a token acts nowhere else',
    token('00C', ['read:organisation_internal']),
    req('read', 'organisation_internal', '00D'),
    false,
    'no-grant',
  ],
  [
    'a token holds only its permissions',
    token('00C', ['read:organisation_internal']),
    req('write', 'organisation_internal', '00C'),
    false,
    'no-grant',
  ],
  [
    'a token never re-identifies',
    token('A83005', ['read:identifiable_patient']),
    req('read', 'identifiable_patient', 'A83005'),
    false,
    'identifiable-own-practice-only',
  ],
  [
    'a token never reaches the platform records',
    token('00C', ['read:organisation_internal']),
    req('read', 'organisation_internal', null),
    false,
    'no-grant',
  ],
  [
    'a role not yet started grants nothing',
    person(holding('ccg_finance', '00C', '2013-07-01')),
    req('read', 'organisation_internal', '00C'),
    false,
    'no-grant',
  ],
  [
    'an ended role grants nothing',
    person(holding('ccg_finance', '00C', '2013-04-01', '2013-05-31')),
    req('read', 'organisation_internal', '00C'),
    false,
    'no-grant',
  ],
  [
    'an unknown role grants nothing',
    person(holding('chief_everything_officer', '00C')),
    req('read', 'organisation_internal', '00C'),
    false,
    'no-grant',
  ],
  [
    'a role held at the wrong kind of organisation grants nothing',
    person(holding('practice_staff', '00C')),
    req('read', 'organisation_internal', '00C'),
    false,
    'no-grant',
  ],
  [
    'an unknown classification is refused',
    admin,
    { action: 'read', classification: 'secret' as never, ownerOrg: null },
    false,
    'unknown-request',
  ],
];

describe('decide (the access policy)', () => {
  it.each(TABLE)('%s', (_, actor, request, allow, rule) => {
    const decision = decide(actor, request, { asAt: AS_AT, roleBook, owner: owner(request.ownerOrg) });
    expect({ allow: decision.allow, rule: decision.rule }).toEqual({ allow, rule });
  });

  it('names the role and organisation an allowed request went through', () => {
    const both = person(holding('ccg_finance', '00D'), holding('ccg_commissioning_manager', '00C'));
    const decision = decide(both, req('read', 'pseudonymised_patient', '00C'), {
      asAt: AS_AT,
      roleBook,
      owner: owner('00C'),
    });
    expect(decision.via).toEqual({ role: 'ccg_commissioning_manager', orgCode: '00C' });
  });

  it('refuses the Board when the owner is not in the registry', () => {
    const decision = decide(areaTeam, req('read', 'organisation_internal', 'ZZZ'), {
      asAt: AS_AT,
      roleBook,
      owner: null,
    });
    expect(decision.allow).toBe(false);
  });
});
