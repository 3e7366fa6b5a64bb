import { describe, expect, it } from 'vitest';
import type { RoleBookEntry, RoleView } from './api-types.ts';
import { canReadAuditLog, heldTokenPermissions, TOKEN_PERMISSIONS, tokenOrganisations } from './roles.ts';

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
