import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  AgendaItem,
  EntityRef,
  InterestDeclaration,
  InterestType,
  MeetingAttendee,
} from '../../model.ts';
import { loadGovernanceRuleBook, ruleDefinition } from '../rule-book.ts';
import { bookWith, declaration, RULE_BOOK_URL } from '../test-fixtures.ts';
import { findItemConflicts, managementFor, stricter } from './item-conflicts.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const rule = ruleDefinition(book, 'MTG-CONFLICT');
const DATE = '2013-09-12';

const item = (concernedEntities: EntityRef[], decision = true): AgendaItem => ({
  itemId: 'I1',
  title: 'Award of the community services contract',
  privateReason: null,
  decision,
  concernedEntities,
});
const attendee = (...declarations: InterestDeclaration[]): MeetingAttendee => ({
  personId: 'gp1',
  name: 'Dr One',
  voting: true,
  categories: ['gp', 'clinician'],
  declarations,
});
const interest = (entity: InterestDeclaration['entity'], overrides: Partial<InterestDeclaration> = {}) =>
  declaration({ declarant: { personId: 'gp1', capacity: 'gb_member' }, entity, ...overrides });

const RA1: EntityRef = { kind: 'organisation', code: 'RA1' };
const company = (companyNumber: string): EntityRef => ({ kind: 'company', companyNumber });

describe('matching declared interests to the entities an item concerns', () => {
  it.each<[string, EntityRef[], InterestDeclaration[], string[]]>([
    ['no declarations', [RA1], [], []],
    [
      'the same ODS code',
      [RA1],
      [interest({ kind: 'organisation', code: 'RA1' })],
      ['D1:financial:leave_room'],
    ],
    [
      'the ODS code in another case and spacing',
      [RA1],
      [interest({ kind: 'organisation', code: ' ra1 ' })],
      ['D1:financial:leave_room'],
    ],
    ['a different ODS code', [RA1], [interest({ kind: 'organisation', code: 'RA2' })], []],
    [
      'a company number without its leading zero',
      [company('01234567')],
      [interest({ kind: 'company', companyNumber: '1234567' })],
      ['D1:financial:leave_room'],
    ],
    [
      'a code and a company number never match',
      [{ kind: 'organisation', code: '01234567' }],
      [interest({ kind: 'company', companyNumber: '01234567' })],
      [],
    ],
    // Names never match: a declaration without an entity is left for the chair (unresolvedDeclarations).
    [
      'an interest described by name only',
      [{ kind: 'service', name: 'Community services' }],
      [interest(null, { description: 'Director, Community services Ltd' })],
      [],
    ],
    [
      'an interest that ended before the meeting',
      [RA1],
      [interest({ kind: 'organisation', code: 'RA1' }, { endDate: '2013-09-11' })],
      [],
    ],
    [
      'an interest that starts after the meeting',
      [RA1],
      [interest({ kind: 'organisation', code: 'RA1' }, { startDate: '2013-10-01' })],
      [],
    ],
    [
      'two interests in two entities of the item',
      [RA1, company('SC012345')],
      [
        interest({ kind: 'organisation', code: 'RA1' }, { declarationId: 'D1', interestType: 'indirect' }),
        interest(
          { kind: 'company', companyNumber: 'sc12345' },
          { declarationId: 'D2', interestType: 'non_financial_professional' },
        ),
      ],
      ['D1:indirect:no_vote', 'D2:non_financial_professional:no_vote'],
    ],
  ])('%s', (_case, entities, declarations, expected) => {
    const conflicts = findItemConflicts(item(entities), [attendee(...declarations)], DATE, rule);
    expect(conflicts.map((c) => `${c.declarationId}:${c.interestType}:${c.management}`)).toEqual(expected);
  });

  it('records the entity as the item wrote it and the severity of the interest type', () => {
    const [conflict] = findItemConflicts(
      item([RA1]),
      [attendee(interest({ kind: 'organisation', code: 'ra1' }))],
      DATE,
      rule,
    );
    expect(conflict).toEqual({
      personId: 'gp1',
      declarationId: 'D1',
      interestType: 'financial',
      matchedEntity: RA1,
      severity: 'high',
      management: 'leave_room',
    });
  });
});

describe('proposed management by interest type (MTG-CONFLICT parameters)', () => {
  it.each<[InterestType, boolean, string]>([
    ['financial', true, 'leave_room'],
    ['financial', false, 'no_vote'],
    ['non_financial_professional', true, 'no_vote'],
    ['non_financial_professional', false, 'declare_only'],
    ['non_financial_personal', true, 'no_vote'],
    ['non_financial_personal', false, 'declare_only'],
    ['indirect', true, 'no_vote'],
    ['indirect', false, 'declare_only'],
  ])('%s interest, decision %s → %s', (type, decision, expected) => {
    expect(managementFor(rule, type, decision)).toBe(expected);
  });

  it('follows the rule book when a CCG policy is stricter', () => {
    const strict = ruleDefinition(
      bookWith(book, 'MTG-CONFLICT', { parameters: { ...rule.parameters, indirectDecision: 'leave_room' } }),
      'MTG-CONFLICT',
    );
    expect(managementFor(strict, 'indirect', true)).toBe('leave_room');
  });

  it.each([
    ['declare_only', 'no_vote', 'no_vote'],
    ['leave_room', 'no_vote', 'leave_room'],
    ['declare_only', 'declare_only', 'declare_only'],
  ] as const)('stricter(%s, %s) is %s', (a, b, expected) => {
    expect(stricter(a, b)).toBe(expected);
    expect(stricter(b, a)).toBe(expected);
  });
});
