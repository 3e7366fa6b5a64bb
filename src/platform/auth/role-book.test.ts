import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { DEMO_IDENTITIES } from './demo-accounts.ts';
import { loadRoleBook, parseRoleBook } from './role-book.ts';

const role = (over: Record<string, unknown>) => ({
  id: 'x_role',
  title: 'X',
  orgTypes: ['ccg'],
  grants: ['read:organisation_internal:own'],
  description: 'd',
  legalRef: 'l',
  source: 's',
  confidence: 'confirmed',
  effectiveFrom: '2013-04-01',
  effectiveTo: null,
  reviewedOn: '2026-01-01',
  ...over,
});

describe('the role book', () => {
  it('loads definitions/access/roles.json, with every role the issue names and one demo person each', () => {
    const book = loadRoleBook();
    expect([...book.roles.keys()].sort()).toEqual(
      [
        'area_team_assurance',
        'board_oversight',
        'ccg_commissioning_manager',
        'ccg_finance',
        'ccg_governing_body_member',
        'healthwatch_representative',
        'hwb_member',
        'practice_staff',
        'provider_contract_manager',
        'region_assurance',
        'system_administrator',
      ].sort(),
    );
    expect(DEMO_IDENTITIES.map((d) => d.role).sort()).toEqual([...book.roles.keys()].sort());
  });

  it('reports every problem at once, each with its path', () => {
    let error: unknown;
    try {
      parseRoleBook({
        version: 1,
        roles: [
          role({ grants: ['read:organisation_internal:everywhere'] }),
          role({ id: 'x_role' }),
          role({ id: 'admin_like', orgTypes: [], grants: ['read:organisation_internal:own'] }),
          role({ id: 'y_role', grants: ['read:organisation_internal:platform'], effectiveTo: '2012-01-01' }),
        ],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).problems.map((p) => `${p.path} ${p.code}`)).toEqual([
      'roles.0.grants.0 invalid_role_definition',
      'roles.2.grants.0 invalid_scope',
      'roles.3.grants.0 invalid_scope',
      'roles.3.effectiveTo invalid_period',
    ]);
  });

  it('refuses a duplicate role id', () => {
    expect(() => parseRoleBook({ version: 1, roles: [role({}), role({})] })).toThrow(
      'duplicate role id "x_role"',
    );
  });
});
