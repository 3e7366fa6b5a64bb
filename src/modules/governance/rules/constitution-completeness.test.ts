import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConstitutionContent } from '../constitution-model.ts';
import { checkConstitution } from './constitution-completeness.ts';
import { loadGovernanceRuleBook } from './rule-book.ts';

const book = loadGovernanceRuleBook(
  JSON.parse(
    readFileSync(
      new URL('../../../../definitions/governance/governance-rules.json', import.meta.url),
      'utf8',
    ),
  ),
);
const quorum = {
  minimumMembers: 4,
  requiredRoles: [{ category: 'lay' as const, minimum: 1 }],
  fallback: 'defer' as const,
};
const complete: ConstitutionContent = {
  name: 'NHS Darlington Clinical Commissioning Group',
  area: 'The area of Darlington Borough Council',
  members: ['A83005', 'A83010'],
  decisionMaking: {
    schemeOfReservationAndDelegation: ['Approval of the commissioning plan is reserved to the members'],
    committees: [{ name: 'Audit Committee', quorum }],
    governingBodyQuorum: quorum,
  },
  conflictsOfInterest: 'Members declare interests within 28 days; conflicted members withdraw.',
  transparency: 'Governing body meetings are held in public and minutes are published.',
  publicInvolvement: 'A patient reference group and public engagement events.',
};
const check = (content: Partial<ConstitutionContent>, registryMembers = ['A83005', 'A83010']) =>
  checkConstitution(
    { ccgCode: '00C', effectiveFrom: '2013-04-01', content: { ...complete, ...content }, registryMembers },
    book,
  ).map((v) => v.ruleId);

describe('checkConstitution (NHS Act 2006 Sch 1A)', () => {
  it.each<[string, Partial<ConstitutionContent>, string[], string[]?]>([
    ['a complete constitution', {}, []],
    ['no name', { name: ' ' }, ['CON-NAME']],
    ['an abbreviated name', { name: 'NHS Darlington CCG' }, ['CON-NAME']],
    ['a name without NHS', { name: 'Darlington Clinical Commissioning Group' }, ['CON-NAME']],
    ['no members', { members: [] }, ['CON-MEMBERS']],
    ['a member missing', { members: ['A83005'] }, ['CON-MEMBERS']],
    ['a non-member named', { members: ['A83005', 'A83010', 'B81001'] }, ['CON-MEMBERS']],
    ['members in lower case are still matched', { members: ['a83005', 'a83010'] }, []],
    ['no area', { area: '' }, ['CON-AREA']],
    [
      'no scheme of delegation and no quorum',
      { decisionMaking: { schemeOfReservationAndDelegation: [], committees: [], governingBodyQuorum: null } },
      ['CON-DECISION-MAKING'],
    ],
    ['no conflicts provision', { conflictsOfInterest: '' }, ['CON-CONFLICTS']],
    ['no transparency', { transparency: '  ' }, ['CON-TRANSPARENCY']],
    ['no public involvement', { publicInvolvement: '' }, ['CON-PUBLIC-INVOLVEMENT']],
    [
      'everything missing at once',
      {
        name: '',
        area: '',
        members: [],
        decisionMaking: { schemeOfReservationAndDelegation: [], committees: [], governingBodyQuorum: null },
        conflictsOfInterest: '',
        transparency: '',
        publicInvolvement: '',
      },
      [
        'CON-NAME',
        'CON-MEMBERS',
        'CON-AREA',
        'CON-DECISION-MAKING',
        'CON-CONFLICTS',
        'CON-TRANSPARENCY',
        'CON-PUBLIC-INVOLVEMENT',
      ],
    ],
  ])('%s', (_, content, expected) => {
    expect(check(content)).toEqual(expected);
  });

  it('names the missing and extra practices', () => {
    const [v] = checkConstitution(
      {
        ccgCode: '00C',
        effectiveFrom: '2013-04-01',
        content: { ...complete, members: ['A83005', 'Z99999'] },
        registryMembers: ['A83005', 'A83010'],
      },
      book,
    );
    expect(v?.detail).toEqual({ missing: ['A83010'], extra: ['Z99999'] });
    expect(v?.legalRef).toContain('Sch 1A para 1(b)');
  });
});
