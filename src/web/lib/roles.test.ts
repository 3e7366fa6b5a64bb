import { describe, expect, it } from 'vitest';
import type { RoleBookEntry, RoleView } from './api-types.ts';
import {
  canDecideForBoard,
  canReadAuditLog,
  canReadCcgInternal,
  canReadNationalGovernance,
  canWriteCcgInternal,
  heldTokenPermissions,
  TOKEN_PERMISSIONS,
  tokenOrganisations,
} from './roles.ts';

const book: RoleBookEntry[] = [
  {
    id: 'ccg_finance',
    title: 'CCG finance',
    orgTypes: ['ccg'],
    grants: [
      'read:organisation_internal:own',
      'write:organisation_internal:own',
      'read:commercial_in_confidence:own',
      'write:commercial_in_confidence:own',
    ],
    description: '',
    legalRef: '',
    confidence: 'confirmed',
  },
  {
    id: 'area_team_assurance',
    title: 'Area team assurance',
    orgTypes: ['area_team'],
    grants: ['read:organisation_internal:own', 'read:commercial_in_confidence:board'],
    description: '',
    legalRef: '',
    confidence: 'confirmed',
  },
  {
    id: 'system_administrator',
    title: 'System administrator',
    orgTypes: [],
    grants: ['read:organisation_internal:platform', 'write:organisation_internal:platform'],
    description: '',
    legalRef: '',
    confidence: 'confirmed',
  },
];

function role(r: Partial<RoleView> & Pick<RoleView, 'role' | 'orgCode'>): RoleView {
  return {
    assignmentId: 1,
    title: r.role,
    orgName: r.orgCode ? `Org ${r.orgCode}` : null,
    orgType: null,
    startDate: '2013-04-01',
    endDate: null,
    current: true,
    ...r,
  };
}

describe('what roles allow in the UI', () => {
  it('shows the audit log to a platform administrator in force only', () => {
    expect(canReadAuditLog([role({ role: 'system_administrator', orgCode: null })], book)).toBe(true);
    expect(
      canReadAuditLog([role({ role: 'system_administrator', orgCode: null, current: false })], book),
    ).toBe(false);
    expect(canReadAuditLog([role({ role: 'ccg_finance', orgCode: '00C' })], book)).toBe(false);
    // Without the role book: any platform role.
    expect(canReadAuditLog([role({ role: 'system_administrator', orgCode: null })], null)).toBe(true);
  });

  it('offers tokens only at organisations where a role is in force', () => {
    const roles = [
      role({ role: 'ccg_finance', orgCode: '00C' }),
      role({ role: 'ccg_finance', orgCode: '00D', current: false }),
      role({ role: 'system_administrator', orgCode: null }),
    ];
    expect(tokenOrganisations(roles, book)).toEqual([{ orgCode: '00C', orgName: 'Org 00C' }]);
  });

  it('offers only the token permissions held at that organisation, never board-wide ones', () => {
    const roles = [
      role({ role: 'ccg_finance', orgCode: '00C' }),
      role({ role: 'area_team_assurance', orgCode: 'Q45' }),
    ];
    expect(heldTokenPermissions(roles, book, '00c')).toEqual([
      'read:organisation_internal',
      'write:organisation_internal',
      'read:commercial_in_confidence',
      'write:commercial_in_confidence',
    ]);
    expect(heldTokenPermissions(roles, book, 'Q45')).toEqual(['read:organisation_internal']);
    expect(heldTokenPermissions(roles, book, 'RTR')).toEqual([]);
    expect(heldTokenPermissions(roles, null, '00C')).toEqual([...TOKEN_PERMISSIONS]);
  });
});

describe('governance access in the UI', () => {
  const govBook: RoleBookEntry[] = [
    ...book,
    {
      id: 'board_oversight',
      title: 'Board oversight',
      orgTypes: ['commissioning_board'],
      grants: [
        'read:organisation_internal:own',
        'write:organisation_internal:own',
        'read:organisation_internal:board',
      ],
      description: '',
      legalRef: '',
      confidence: 'confirmed',
    },
    {
      id: 'area_team_reader',
      title: 'Area team reader',
      orgTypes: ['area_team'],
      grants: ['read:organisation_internal:board'],
      description: '',
      legalRef: '',
      confidence: 'confirmed',
    },
  ];
  const board = role({ role: 'board_oversight', orgCode: 'NHSCB', orgType: 'commissioning_board' });
  const areaTeam = role({ role: 'area_team_reader', orgCode: 'Q45', orgType: 'area_team' });
  const ccg = role({ role: 'ccg_finance', orgCode: '00C', orgType: 'ccg' });

  it('shows the national view to Board and area team roles that read across CCGs', () => {
    expect(canReadNationalGovernance([board], govBook)).toBe(true);
    expect(canReadNationalGovernance([areaTeam], govBook)).toBe(true);
    expect(canReadNationalGovernance([ccg], govBook)).toBe(false);
    expect(canReadNationalGovernance([{ ...board, current: false }], govBook)).toBe(false);
    // The book's area team role here reads only its own records, not the Board's.
    expect(
      canReadNationalGovernance(
        [role({ role: 'area_team_assurance', orgCode: 'Q45', orgType: 'area_team' })],
        govBook,
      ),
    ).toBe(false);
    expect(canReadNationalGovernance([areaTeam], null)).toBe(true);
  });

  it('reads a CCG’s internal records at the CCG itself or through the Board', () => {
    expect(canReadCcgInternal([ccg], govBook, '00c')).toBe(true);
    expect(canReadCcgInternal([ccg], govBook, '00D')).toBe(false);
    expect(canReadCcgInternal([board], govBook, '00D')).toBe(true);
    expect(canWriteCcgInternal([ccg], govBook, '00C')).toBe(true);
    expect(canWriteCcgInternal([board], govBook, '00C')).toBe(false);
  });

  it('lets only a Board role that writes the Board’s records decide variations', () => {
    expect(canDecideForBoard([board], govBook)).toBe(true);
    expect(canDecideForBoard([areaTeam, ccg], govBook)).toBe(false);
  });
});
