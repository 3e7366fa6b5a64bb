import { describe, expect, it } from 'vitest';
import type { Actor, OwnerFacts } from './model.ts';
import { loadRoleBook } from './role-book.ts';
import { checkTokenIssue } from './token-issue-rules.ts';

const roleBook = loadRoleBook();
const facts = (code: string, orgType: string): OwnerFacts => ({ code, orgType, overlappingHwbs: new Set() });
const ctx = (code: string, orgType: string) => ({
  asAt: '2013-06-01',
  roleBook,
  owner: facts(code, orgType),
});
const at = (role: string, orgCode: string, orgType: string): Actor => ({
  kind: 'person',
  personId: 1,
  username: 'p',
  roles: [{ assignmentId: 1, role, orgCode, orgType, startDate: '2013-04-01', endDate: null }],
});
const finance = at('ccg_finance', '00C', 'ccg');
const areaTeam = at('area_team_assurance', 'Q45', 'area_team');
const codes = (problems: { code?: string }[]) => problems.map((p) => p.code);

describe('checkTokenIssue', () => {
  it('lets a person issue permissions they hold at their own organisation', () => {
    expect(
      checkTokenIssue(
        finance,
        '00C',
        ['read:commercial_in_confidence', 'write:organisation_internal'],
        ctx('00C', 'ccg'),
      ),
    ).toEqual([]);
  });

  it('refuses permissions the issuer does not hold there', () => {
    expect(codes(checkTokenIssue(finance, '00C', ['read:pseudonymised_patient'], ctx('00C', 'ccg')))).toEqual(
      ['not_held'],
    );
  });

  it('refuses tokens for another organisation, even one the issuer oversees', () => {
    expect(
      codes(checkTokenIssue(areaTeam, '00C', ['read:organisation_internal'], ctx('00C', 'ccg'))),
    ).toEqual(['not_held']);
    expect(codes(checkTokenIssue(finance, '00D', ['read:organisation_internal'], ctx('00D', 'ccg')))).toEqual(
      ['not_held'],
    );
  });

  it('never issues identifiable or public permissions, nor unknown ones', () => {
    const practice = at('practice_staff', 'A83005', 'gp_practice');
    expect(
      codes(
        checkTokenIssue(
          practice,
          'A83005',
          ['read:identifiable_patient', 'read:public', 'delete:everything'],
          ctx('A83005', 'gp_practice'),
        ),
      ),
    ).toEqual(['invalid_permission', 'invalid_permission', 'invalid_permission']);
  });

  it('refuses an empty permission list', () => {
    expect(codes(checkTokenIssue(finance, '00C', [], ctx('00C', 'ccg')))).toEqual(['too_small']);
  });

  it('refuses tokens issued by tokens', () => {
    const token: Actor = {
      kind: 'api_token',
      tokenId: 1,
      name: 't',
      orgCode: '00C',
      orgType: 'ccg',
      permissions: ['write:organisation_internal'],
    };
    expect(codes(checkTokenIssue(token, '00C', ['read:organisation_internal'], ctx('00C', 'ccg')))).toEqual([
      'people_only',
    ]);
  });
});
