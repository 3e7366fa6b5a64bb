import { describe, expect, it } from 'vitest';
import type { StructuralEvent } from '../model.ts';
import {
  dayBefore,
  planStructuralEvent,
  type RegistryMembership,
  type RegistryOrganisation,
  type RegistryState,
  STRUCTURAL_EVENT_RULES,
} from './structural-events.ts';

const org = (
  code: string,
  orgType: RegistryOrganisation['orgType'],
  name: string,
  openDate: string | null = '2013-04-01',
  closeDate: string | null = null,
): RegistryOrganisation => Object.freeze({ code, orgType, name, openDate, closeDate });

const membership = (
  practiceCode: string,
  ccgCode: string,
  startDate = '2013-04-01',
  endDate: string | null = null,
): RegistryMembership => Object.freeze({ practiceCode, ccgCode, startDate, endDate });

/** Gateshead and Newcastle before the 2015 merger into 13T, plus a few CCGs and practices for edge cases. */
const STATE: RegistryState = Object.freeze({
  organisations: new Map(
    [
      org('00F', 'ccg', 'NHS Gateshead CCG'),
      org('00G', 'ccg', 'NHS Newcastle North and East CCG'),
      org('00H', 'ccg', 'NHS Newcastle West CCG'),
      org('04D', 'ccg', 'NHS Lincolnshire West CCG'),
      org('CLS', 'ccg', 'NHS Closed CCG', '2013-04-01', '2014-03-31'),
      org('FUT', 'ccg', 'NHS Future CCG', '2016-04-01'),
      org('NEW', 'ccg', 'NHS New CCG', '2015-04-01'),
      org('Q49', 'area_team', 'Cumbria, Northumberland, Tyne and Wear Area Team'),
      org('A85001', 'gp_practice', 'Gateshead practice', null),
      org('A86001', 'gp_practice', 'Newcastle North practice', null),
      org('A86002', 'gp_practice', 'Newcastle West practice one', null),
      org('A86003', 'gp_practice', 'Newcastle West practice two', null),
      org('Y00001', 'gp_practice', 'Practice with no CCG', null),
      org('Y00002', 'gp_practice', 'Practice joining 04D in 2014', null),
      org('Y00003', 'gp_practice', 'Practice that left 00F', null),
    ].map((o) => [o.code, o]),
  ),
  memberships: Object.freeze([
    membership('A85001', '00F'),
    membership('A86001', '00G'),
    membership('A86002', '00H'),
    membership('A86003', '00H'),
    membership('Y00002', '04D', '2014-01-01'),
    membership('Y00003', '00F', '2013-04-01', '2013-12-31'),
  ]),
});

const NEWCASTLE_GATESHEAD = 'NHS Newcastle Gateshead Clinical Commissioning Group';
const join = (practiceCode: string, ccgCode: string, date: string): StructuralEvent => ({
  kind: 'join',
  date,
  practiceCode,
  ccgCode,
});
const leave = (practiceCode: string, ccgCode: string, date: string): StructuralEvent => ({
  kind: 'leave',
  date,
  practiceCode,
  ccgCode,
});
const move = (
  practiceCode: string,
  fromCcgCode: string,
  toCcgCode: string,
  date: string,
): StructuralEvent => ({
  kind: 'move',
  date,
  practiceCode,
  fromCcgCode,
  toCcgCode,
});
const merger = (
  predecessorCodes: string[],
  successorCode: string,
  successorName?: string,
): StructuralEvent => ({
  kind: 'merger',
  date: '2015-04-01',
  predecessorCodes,
  successorCode,
  ...(successorName === undefined ? {} : { successorName }),
});
const dissolution = (
  ccgCode: string,
  transfers: Record<string, string>,
  date = '2015-04-01',
): StructuralEvent => ({
  kind: 'dissolution',
  date,
  ccgCode,
  transfers,
});

describe('dayBefore', () => {
  it.each([
    ['2015-04-01', '2015-03-31'],
    ['2014-01-01', '2013-12-31'],
    ['2016-03-01', '2016-02-29'],
    ['2015-03-01', '2015-02-28'],
    ['2013-04-02', '2013-04-01'],
  ])('%s → %s', (date, expected) => {
    expect(dayBefore(date)).toBe(expected);
  });
});

describe('planStructuralEvent: rejected events', () => {
  it.each<[string, StructuralEvent, string[], Record<string, unknown>?]>([
    // EVT-DATE
    ['impossible date', join('Y00001', '04D', '2015-02-29'), ['EVT-DATE'], { date: '2015-02-29' }],
    ['date in another format', leave('A85001', '00F', '01/04/2015'), ['EVT-DATE']],
    ['bad date and an unknown practice', join('ZZZ999', '04D', '2015-4-1'), ['EVT-DATE', 'EVT-UNKNOWN-ORG']],
    ['bad merger date', { ...merger(['00G', '00H'], '00G'), date: '' }, ['EVT-DATE']],
    // EVT-UNKNOWN-ORG
    ['unknown practice', join('ZZZ999', '04D', '2015-04-01'), ['EVT-UNKNOWN-ORG'], { reason: 'unknown' }],
    ['unknown CCG', join('Y00001', '99X', '2015-04-01'), ['EVT-UNKNOWN-ORG'], { reason: 'unknown' }],
    [
      'an area team is not a CCG',
      join('Y00001', 'Q49', '2015-04-01'),
      ['EVT-UNKNOWN-ORG'],
      { reason: 'wrong_type', expectedType: 'ccg', actualType: 'area_team' },
    ],
    [
      'a CCG is not a practice',
      leave('00F', '00G', '2015-04-01'),
      ['EVT-UNKNOWN-ORG', 'EVT-NOT-MEMBER'],
      { reason: 'wrong_type', expectedType: 'gp_practice' },
    ],
    ['unknown predecessor', merger(['00G', '99X'], '00G'), ['EVT-UNKNOWN-ORG']],
    ['unknown dissolving CCG', dissolution('99X', {}), ['EVT-UNKNOWN-ORG']],
    ['transfer to an unknown CCG', dissolution('00G', { A86001: '99X' }), ['EVT-UNKNOWN-ORG']],
    // EVT-CCG-NOT-OPEN
    ['join a closed CCG', join('Y00001', 'CLS', '2014-04-01'), ['EVT-CCG-NOT-OPEN'], { role: 'Joining' }],
    ['join a CCG before it opens', join('Y00001', 'FUT', '2016-03-31'), ['EVT-CCG-NOT-OPEN']],
    [
      'move to a closed CCG',
      move('A85001', '00F', 'CLS', '2015-04-01'),
      ['EVT-CCG-NOT-OPEN'],
      { role: 'Receiving' },
    ],
    ['dissolve a closed CCG', dissolution('CLS', {}), ['EVT-CCG-NOT-OPEN'], { role: 'Dissolving' }],
    ['dissolve a CCG on its opening day', dissolution('NEW', {}), ['EVT-CCG-NOT-OPEN']],
    ['transfer to a CCG not yet open', dissolution('00G', { A86001: 'FUT' }), ['EVT-CCG-NOT-OPEN']],
    // EVT-ALREADY-MEMBER
    [
      'join while a member of another CCG',
      join('A85001', '04D', '2015-04-01'),
      ['EVT-ALREADY-MEMBER'],
      { reason: 'member_on_date', ccgCode: '00F' },
    ],
    ['join the CCG it is already in', join('A85001', '00F', '2015-04-01'), ['EVT-ALREADY-MEMBER']],
    [
      'join before a recorded later membership',
      join('Y00002', '00F', '2013-06-01'),
      ['EVT-ALREADY-MEMBER'],
      { reason: 'later_membership', ccgCode: '04D', startDate: '2014-01-01' },
    ],
    [
      'move to the same CCG',
      move('A85001', '00F', '00F', '2015-04-01'),
      ['EVT-ALREADY-MEMBER'],
      { reason: 'same_ccg' },
    ],
    // EVT-NOT-MEMBER
    [
      'leave a CCG it is not in',
      leave('A85001', '00G', '2015-04-01'),
      ['EVT-NOT-MEMBER'],
      { reason: 'not_member' },
    ],
    ['leave after the membership ended', leave('Y00003', '00F', '2014-06-01'), ['EVT-NOT-MEMBER']],
    ['leave before the membership starts', leave('Y00002', '04D', '2013-06-01'), ['EVT-NOT-MEMBER']],
    [
      'leave on the day the membership starts',
      leave('Y00002', '04D', '2014-01-01'),
      ['EVT-NOT-MEMBER'],
      { reason: 'starts_on_date' },
    ],
    [
      'move from a CCG it is not in',
      move('A86001', '00F', '04D', '2015-04-01'),
      ['EVT-NOT-MEMBER', 'EVT-ALREADY-MEMBER'],
    ],
    // EVT-MERGER-PREDECESSORS
    [
      'one predecessor',
      merger(['00F'], '13T', NEWCASTLE_GATESHEAD),
      ['EVT-MERGER-PREDECESSORS'],
      { reason: 'too_few_predecessors' },
    ],
    [
      'the same predecessor twice',
      merger(['00F', '00F'], '13T', NEWCASTLE_GATESHEAD),
      ['EVT-MERGER-PREDECESSORS', 'EVT-MERGER-PREDECESSORS'],
      { reason: 'duplicate_predecessor' },
    ],
    [
      'new successor code already used',
      merger(['00G', '00H'], '04D', NEWCASTLE_GATESHEAD),
      ['EVT-MERGER-PREDECESSORS'],
      { reason: 'successor_code_in_use' },
    ],
    [
      'new successor without a name',
      merger(['00G', '00H'], '13T'),
      ['EVT-MERGER-PREDECESSORS'],
      { reason: 'successor_name_missing' },
    ],
    ['new successor with a blank name', merger(['00G', '00H'], '13T', '  '), ['EVT-MERGER-PREDECESSORS']],
    [
      'new successor named with "CCG"',
      merger(['00G', '00H'], '13T', 'NHS Newcastle CCG'),
      ['ORG-CCG-NAME-SUFFIX'],
    ],
    [
      'new successor named without "NHS"',
      merger(['00G', '00H'], '13T', 'Newcastle Clinical Commissioning Group'),
      ['ORG-CCG-NAME-PREFIX'],
    ],
    [
      'closed predecessor',
      merger(['00G', 'CLS'], '00G'),
      ['EVT-MERGER-PREDECESSORS'],
      { reason: 'predecessor_not_open', closeDate: '2014-03-31' },
    ],
    ['predecessor opening on the merger date', merger(['00G', 'NEW'], '00G'), ['EVT-MERGER-PREDECESSORS']],
    // EVT-DISSOLUTION-TRANSFERS
    [
      'member practice without a transfer',
      dissolution('00H', { A86002: '00G' }),
      ['EVT-DISSOLUTION-TRANSFERS'],
      { reason: 'missing_transfer' },
    ],
    [
      'transfer to the dissolving CCG',
      dissolution('00G', { A86001: '00G' }),
      ['EVT-DISSOLUTION-TRANSFERS'],
      { reason: 'transfer_to_dissolving_ccg' },
    ],
    [
      'transfer of a practice that is not a member',
      dissolution('00G', { A86001: '00F', A85001: '00H' }),
      ['EVT-DISSOLUTION-TRANSFERS'],
      { reason: 'not_a_member', toCcgCode: '00H' },
    ],
    [
      'transfer of a former member',
      dissolution('00F', { A85001: '00G', Y00003: '00G' }),
      ['EVT-DISSOLUTION-TRANSFERS'],
      { reason: 'not_a_member' },
    ],
    [
      'member joining on the dissolution date',
      dissolution('04D', { Y00002: '00F' }, '2014-01-01'),
      ['EVT-DISSOLUTION-TRANSFERS'],
      { reason: 'membership_starts_on_or_after_date' },
    ],
  ])('%s', (_case, event, expectedRuleIds, detail) => {
    const plan = planStructuralEvent(event, STATE);
    expect(plan.violations.map((v) => v.ruleId)).toEqual(expectedRuleIds);
    expect(plan.violations.every((v) => v.severity === 'error')).toBe(true);
    if (detail) expect(plan.violations[0]?.detail).toMatchObject(detail);
    // Nothing is half-applied.
    expect([plan.close, plan.open, plan.closeOrganisations, plan.createOrganisations]).toEqual([
      [],
      [],
      [],
      [],
    ]);
  });

  it('reports every problem of a dissolution at once', () => {
    const plan = planStructuralEvent(dissolution('00H', { A86002: '00H', Y00001: '00F' }), STATE);
    expect(plan.violations.map((v) => [v.subjectCode, v.detail?.reason])).toEqual([
      ['A86002', 'transfer_to_dissolving_ccg'],
      ['A86003', 'missing_transfer'],
      ['Y00001', 'not_a_member'],
    ]);
  });

  it('rejects a merger when a practice joins a closing predecessor on or after the merger date', () => {
    const state: RegistryState = {
      ...STATE,
      memberships: [...STATE.memberships, membership('Y00001', '00H', '2015-04-01')],
    };
    const plan = planStructuralEvent(merger(['00G', '00H'], '00G'), state);
    expect(plan.violations.map((v) => [v.ruleId, v.detail?.reason, v.detail?.practiceCode])).toEqual([
      ['EVT-MERGER-PREDECESSORS', 'membership_starts_on_or_after_date', 'Y00001'],
    ]);
    expect([plan.close, plan.open, plan.closeOrganisations]).toEqual([[], [], []]);
  });

  it.each(Object.entries(STRUCTURAL_EVENT_RULES))('%s carries its legal reference', (ruleId, legalRef) => {
    const events: Record<string, StructuralEvent> = {
      'EVT-DATE': join('Y00001', '04D', 'x'),
      'EVT-UNKNOWN-ORG': join('ZZZ999', '04D', '2015-04-01'),
      'EVT-CCG-NOT-OPEN': join('Y00001', 'CLS', '2015-04-01'),
      'EVT-ALREADY-MEMBER': join('A85001', '04D', '2015-04-01'),
      'EVT-NOT-MEMBER': leave('A85001', '04D', '2015-04-01'),
      'EVT-MERGER-PREDECESSORS': merger(['00F'], '00F'),
      'EVT-DISSOLUTION-TRANSFERS': dissolution('00F', {}),
    };
    const violation = planStructuralEvent(events[ruleId]!, STATE).violations.find((v) => v.ruleId === ruleId);
    expect(violation?.legalRef).toBe(legalRef);
  });

  it.each([
    ['EVT-ALREADY-MEMBER', /s14A\(1\).*Sch 1A para 2.*s14E/],
    ['EVT-MERGER-PREDECESSORS', /NHS Act 2006 s14G/],
    ['EVT-DISSOLUTION-TRANSFERS', /NHS Act 2006 s14H/],
  ])('%s cites %s', (ruleId, pattern) => {
    expect(STRUCTURAL_EVENT_RULES[ruleId as keyof typeof STRUCTURAL_EVENT_RULES]).toMatch(pattern);
  });
});

describe('planStructuralEvent: applied events', () => {
  const member = (fromCode: string, toCode: string, startDate: string) => ({
    kind: 'member_of',
    fromCode,
    toCode,
    startDate,
    endDate: null,
  });
  const closed = (fromCode: string, toCode: string, newEndDate: string, startDate = '2013-04-01') => ({
    kind: 'member_of',
    fromCode,
    toCode,
    startDate,
    newEndDate,
  });

  it.each<[string, StructuralEvent, object]>([
    [
      'join',
      join('Y00001', '04D', '2014-01-01'),
      {
        close: [],
        open: [member('Y00001', '04D', '2014-01-01')],
        closeOrganisations: [],
        createOrganisations: [],
      },
    ],
    [
      'join after an earlier membership ended',
      join('Y00003', '04D', '2014-01-01'),
      { close: [], open: [member('Y00003', '04D', '2014-01-01')] },
    ],
    [
      'join on a CCG’s opening day',
      join('Y00001', 'NEW', '2015-04-01'),
      { open: [member('Y00001', 'NEW', '2015-04-01')] },
    ],
    [
      'leave: ends the membership the day before',
      leave('A85001', '00F', '2014-01-01'),
      { close: [closed('A85001', '00F', '2013-12-31')], open: [] },
    ],
    [
      'leave on the day after the membership starts',
      leave('A85001', '00F', '2013-04-02'),
      { close: [closed('A85001', '00F', '2013-04-01')] },
    ],
    [
      'move across a leap day',
      move('A85001', '00F', '04D', '2016-03-01'),
      { close: [closed('A85001', '00F', '2016-02-29')], open: [member('A85001', '04D', '2016-03-01')] },
    ],
    [
      'three CCGs merge into a new one (00F, 00G, 00H → 13T)',
      merger(['00F', '00G', '00H'], '13T', NEWCASTLE_GATESHEAD),
      {
        close: [
          closed('A85001', '00F', '2015-03-31'),
          closed('A86001', '00G', '2015-03-31'),
          closed('A86002', '00H', '2015-03-31'),
          closed('A86003', '00H', '2015-03-31'),
        ],
        open: [
          member('A85001', '13T', '2015-04-01'),
          member('A86001', '13T', '2015-04-01'),
          member('A86002', '13T', '2015-04-01'),
          member('A86003', '13T', '2015-04-01'),
          { kind: 'successor_of', fromCode: '13T', toCode: '00F', startDate: '2015-04-01', endDate: null },
          { kind: 'successor_of', fromCode: '13T', toCode: '00G', startDate: '2015-04-01', endDate: null },
          { kind: 'successor_of', fromCode: '13T', toCode: '00H', startDate: '2015-04-01', endDate: null },
        ],
        closeOrganisations: [
          { code: '00F', closeDate: '2015-03-31' },
          { code: '00G', closeDate: '2015-03-31' },
          { code: '00H', closeDate: '2015-03-31' },
        ],
        createOrganisations: [
          { code: '13T', name: NEWCASTLE_GATESHEAD, orgType: 'ccg', openDate: '2015-04-01' },
        ],
      },
    ],
    [
      'a continuing successor absorbs another CCG (00H into 00G)',
      merger(['00G', '00H'], '00G'),
      {
        close: [closed('A86002', '00H', '2015-03-31'), closed('A86003', '00H', '2015-03-31')],
        open: [
          member('A86002', '00G', '2015-04-01'),
          member('A86003', '00G', '2015-04-01'),
          { kind: 'successor_of', fromCode: '00G', toCode: '00H', startDate: '2015-04-01', endDate: null },
        ],
        closeOrganisations: [{ code: '00H', closeDate: '2015-03-31' }],
        createOrganisations: [],
      },
    ],
    [
      'dissolution moves each member as transferred and closes the CCG',
      dissolution('00H', { A86002: '00G', A86003: '00F' }),
      {
        close: [closed('A86002', '00H', '2015-03-31'), closed('A86003', '00H', '2015-03-31')],
        open: [member('A86002', '00G', '2015-04-01'), member('A86003', '00F', '2015-04-01')],
        closeOrganisations: [{ code: '00H', closeDate: '2015-03-31' }],
        createOrganisations: [],
      },
    ],
    [
      'dissolution of a CCG without members',
      dissolution('NEW', {}, '2016-04-01'),
      { close: [], open: [], closeOrganisations: [{ code: 'NEW', closeDate: '2016-03-31' }] },
    ],
  ])('%s', (_case, event, expected) => {
    const plan = planStructuralEvent(event, STATE);
    expect(plan.violations).toEqual([]);
    expect(plan).toMatchObject(expected);
  });

  it('never closes a membership that has already ended (history is not rewritten)', () => {
    const plan = planStructuralEvent(dissolution('00F', { A85001: '00G' }), STATE);
    expect(plan.close.map((c) => c.fromCode)).toEqual(['A85001']);
    expect(STATE.memberships.find((m) => m.practiceCode === 'Y00003')?.endDate).toBe('2013-12-31');
  });

  it('does not give a practice two memberships of the successor', () => {
    const state: RegistryState = {
      ...STATE,
      memberships: [...STATE.memberships, membership('A86001', '00H', '2014-04-01')],
    };
    const plan = planStructuralEvent(merger(['00G', '00H'], '00G'), state);
    expect(plan.close.map((c) => [c.fromCode, c.toCode])).toEqual([
      ['A86002', '00H'],
      ['A86003', '00H'],
      ['A86001', '00H'],
    ]);
    expect(plan.open.filter((o) => o.kind === 'member_of').map((o) => o.fromCode)).toEqual([
      'A86002',
      'A86003',
    ]);
  });
});
