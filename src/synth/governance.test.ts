import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays, addYears, inPeriod } from '../modules/governance/rules/dates.ts';
import { loadGiftsHospitalityTable, loadGovernanceRuleBook } from '../modules/governance/rules/index.ts';
import { RULE_BOOK_URL, THRESHOLDS_URL } from '../modules/governance/rules/test-fixtures.ts';
import { checkCcg, testCcgs } from './governance/test-support.ts';
import { FAULT_KINDS, FAULT_RULE_IDS, type GovernanceSeed, generateGovernance } from './governance.ts';
import { isSyntheticPersonName } from './names.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const thresholds = loadGiftsHospitalityTable(JSON.parse(readFileSync(THRESHOLDS_URL, 'utf8')));

const ccgs = testCcgs();
const AS_AT = '2013-06-30';
const generate = (seed = 'test-seed', asAt = AS_AT) => generateGovernance({ seed, ccgs, asAt });
const GB_RULES = new Set(Object.values(FAULT_RULE_IDS).filter((id) => id.startsWith('GB-')));

describe('generateGovernance: determinism and shape', () => {
  it('gives deep-equal output for the same seed and input, and different output for another seed', () => {
    const first = generate();
    expect(generate()).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
    const other = generate('another-seed');
    expect(other).not.toEqual(first);
    expect(other.ccgs.map((c) => c.people.map((p) => p.name))).not.toEqual(
      first.ccgs.map((c) => c.people.map((p) => p.name)),
    );
  });

  it('gives one entry per input CCG, in input order, labelled synthetic', () => {
    const seed = generate();
    expect(seed.synthetic).toBe(true);
    expect(seed.asAt).toBe(AS_AT);
    expect(seed.ccgs.map((c) => c.ccgCode)).toEqual(ccgs.map((c) => c.code));
    expect(generateGovernance({ seed: 's', ccgs: [], asAt: AS_AT }).ccgs).toEqual([]);
  });

  it('rejects a date before the CCGs existed and duplicate CCG codes', () => {
    expect(() => generateGovernance({ seed: 's', ccgs, asAt: '2013-03-31' })).toThrow(RangeError);
    expect(() => generateGovernance({ seed: 's', ccgs, asAt: '2013-02-30' })).toThrow(RangeError);
    expect(() => generateGovernance({ seed: 's', ccgs: [ccgs[0]!, ccgs[0]!], asAt: AS_AT })).toThrow(
      /more than once/,
    );
  });

  it('uses unique, deterministic ids that every reference resolves to', () => {
    const seed = generate();
    const all = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);
    all(seed.ccgs.flatMap((c) => c.people.map((p) => p.personId)));
    all(seed.ccgs.flatMap((c) => c.people.flatMap((p) => p.appointments.map((a) => a.appointmentId))));
    all(seed.ccgs.flatMap((c) => c.declarations.map((d) => d.declarationId)));
    all(seed.ccgs.flatMap((c) => c.gifts.map((g) => g.entryId)));
    all(seed.ccgs.flatMap((c) => c.meetings.map((m) => m.meetingId)));
    all(seed.ccgs.flatMap((c) => c.meetings.flatMap((m) => m.agendaItems.map((i) => i.itemId))));
    for (const c of seed.ccgs) {
      const ids = new Set(c.people.map((p) => p.personId));
      expect(c.people.every((p) => p.personId.startsWith(`${c.ccgCode}-P`))).toBe(true);
      expect(c.population.map((p) => p.personId)).toEqual(c.people.map((p) => p.personId));
      for (const d of c.declarations) expect(ids.has(d.declarant.personId)).toBe(true);
      for (const n of c.nilReturns) expect(ids.has(n.personId)).toBe(true);
      for (const g of c.gifts) expect(ids.has(g.personId)).toBe(true);
      for (const m of c.meetings) {
        const attending = new Set(m.attendees.map((a) => a.personId));
        for (const a of attending) expect(ids.has(a)).toBe(true);
        expect(attending.has(m.chairPersonId)).toBe(true);
        if (m.deputyChairPersonId) expect(attending.has(m.deputyChairPersonId)).toBe(true);
      }
      // A person's declared capacity is the one they hold on the register.
      const capacity = new Map(c.population.map((p) => [p.personId, p.capacity]));
      for (const d of c.declarations) expect(d.declarant.capacity).toBe(capacity.get(d.declarant.personId));
    }
  });

  it('names every person from the synthetic lists and uses unissued "99" company numbers', () => {
    const seed = generate();
    for (const c of seed.ccgs) {
      for (const p of c.people) expect(isSyntheticPersonName(p.name), p.name).toBe(true);
      expect(new Set(c.people.map((p) => p.name)).size).toBe(c.people.length);
      const numbers = [
        ...c.declarations.flatMap((d) => (d.entity?.kind === 'company' ? [d.entity.companyNumber] : [])),
        ...c.people.flatMap((p) => p.employments.flatMap((e) => (e.companyNumber ? [e.companyNumber] : []))),
      ];
      for (const n of numbers) expect(n).toMatch(/^99\d{6}$/);
    }
  });

  it('seats a governing body of 8 to 14 with the statutory places, appointed October 2012 to April 2013', () => {
    const seed = generate();
    for (const c of seed.ccgs) {
      const seated = c.people.filter((p) =>
        p.appointments.some((a) => inPeriod(AS_AT, a.startDate, a.endDate)),
      );
      expect(seated.length).toBeGreaterThanOrEqual(8);
      expect(seated.length).toBeLessThanOrEqual(14);
      const roles = seated.flatMap((p) => p.appointments.flatMap((a) => a.roles));
      for (const role of [
        'chair',
        'deputy_chair',
        'accountable_officer',
        'chief_finance_officer',
        'lay_member_audit',
        'lay_member_ppi',
      ]) {
        expect(
          roles.filter((r) => r === role),
          `${c.ccgCode} ${role}`,
        ).toHaveLength(1);
      }
      expect(roles.filter((r) => r === 'gp_member').length).toBeGreaterThanOrEqual(2);
      for (const p of seated) {
        const first = p.appointments[0]!;
        expect(first.startDate >= '2012-10-01' && first.startDate <= '2013-04-01').toBe(true);
        if (!first.roles.includes('accountable_officer')) {
          const terms = [2, 3, 4].map((years) => addDays(addYears(first.startDate, years), -1));
          expect(terms).toContain(first.termEndDate);
        }
      }
      // GPs are partners at real member practices of this CCG.
      const ccg = ccgs.find((x) => x.code === c.ccgCode)!;
      const partnerships = c.people.flatMap((p) => p.employments.filter((e) => e.role === 'partner'));
      expect(partnerships.length).toBeGreaterThan(0);
      for (const e of partnerships) {
        expect(e.organisationKind).toBe('member_practice');
        expect(ccg.memberPracticeCodes).toContain(e.organisationCode);
      }
    }
  });

  it('schedules the meetings after the as-at date, each with an agenda, under the constitution quorum', () => {
    const seed = generate();
    for (const c of seed.ccgs) {
      expect(c.meetings.length).toBeGreaterThanOrEqual(2);
      expect(c.meetings[0]!.quorum).toEqual(c.constitution.decisionMaking.governingBodyQuorum);
      for (const m of c.meetings) {
        expect(m.date > AS_AT).toBe(true);
        expect(m.agendaItems.length).toBeGreaterThan(0);
        for (const i of m.agendaItems) if (i.part === 'private') expect(i.privateReason).toBeTruthy();
      }
      const ccg = ccgs.find((x) => x.code === c.ccgCode)!;
      expect(c.constitution.members).toEqual(ccg.memberPracticeCodes);
      expect(c.constitution.name).toMatch(/^NHS .+ Clinical Commissioning Group$/);
      expect(c.constitution.name).not.toMatch(/CCG Clinical|Group Clinical/);
    }
  });
});

describe('generateGovernance: planted faults are exactly what the checks find', () => {
  for (const asAt of ['2013-04-01', AS_AT, '2014-05-15', '2016-11-30']) {
    it(`as at ${asAt}: each CCG's findings are its planted faults, nothing more or less`, () => {
      const seed: GovernanceSeed = generate('test-seed', asAt);
      for (const [i, c] of seed.ccgs.entries()) {
        const findings = checkCcg(ccgs[i]!, c, asAt, book, thresholds);
        expect(findings.ruleIds, `${c.ccgCode}: ${JSON.stringify(c.faults)}`).toEqual(
          c.faults.map((f) => f.ruleId).sort(),
        );
        for (const f of c.faults) expect(f.ccgCode).toBe(c.ccgCode);
      }
    });
  }

  it('plants every kind of fault somewhere, governing body faults in distinct CCGs', () => {
    const seed = generate();
    const planted = seed.ccgs.flatMap((c) => c.faults);
    expect(new Set(planted.map((f) => f.ruleId))).toEqual(new Set(FAULT_KINDS.map((k) => FAULT_RULE_IDS[k])));
    const gbFaultCcgs = seed.ccgs.filter((c) => c.faults.some((f) => GB_RULES.has(f.ruleId)));
    for (const c of gbFaultCcgs) expect(c.faults.filter((f) => GB_RULES.has(f.ruleId))).toHaveLength(1);
    expect(gbFaultCcgs.length).toBeLessThan(seed.ccgs.length);
  });

  it('gives the wave 1 CCGs in the input no registered nurse', () => {
    const seed = generate();
    const noNurse = seed.ccgs
      .filter((c) => c.faults.some((f) => f.ruleId === 'GB-NURSE'))
      .map((c) => c.ccgCode);
    for (const name of ['NHS Wokingham', 'NHS North & West Reading', 'NHS Wandsworth']) {
      expect(noNurse).toContain(ccgs.find((c) => c.name === name)!.code);
    }
  });

  it('leaves CCGs without a planted governing body fault with no governing body findings at all', () => {
    const seed = generate();
    let clean = 0;
    for (const [i, c] of seed.ccgs.entries()) {
      if (c.faults.some((f) => GB_RULES.has(f.ruleId))) continue;
      clean++;
      expect(checkCcg(ccgs[i]!, c, AS_AT, book, thresholds).governingBody).toEqual([]);
    }
    expect(clean).toBeGreaterThan(5);
  });

  it('produces real meeting conflicts, with recusals and the deputy chairing some items', () => {
    const seed = generate();
    const plans = seed.ccgs.flatMap((c, i) => checkCcg(ccgs[i]!, c, AS_AT, book, thresholds).meetingPlans);
    const items = plans.flatMap((p) => p.items);
    const conflicted = items.filter((i) => i.conflicts.length > 0);
    expect(conflicted.length).toBeGreaterThan(10);
    expect(
      new Set(plans.filter((p) => p.items.some((i) => i.conflicts.length)).map((p) => p.meetingId)).size,
    ).toBeGreaterThan(10);
    expect(items.some((i) => i.recusals.some((r) => r.management === 'leave_room'))).toBe(true);
    expect(items.some((i) => i.itemChair.basis === 'deputy_chair')).toBe(true);
    expect(conflicted.some((i) => i.conflicts.some((c) => c.matchedEntity.kind === 'organisation'))).toBe(
      true,
    );
    expect(conflicted.some((i) => i.conflicts.some((c) => c.matchedEntity.kind === 'company'))).toBe(true);
  });

  it('shares some nurses or consultants between neighbouring CCGs', () => {
    const seed = generate();
    const sharedOffices = seed.ccgs.flatMap((c) =>
      c.people.flatMap((p) =>
        p.employments.filter((e) => e.organisationKind === 'ccg' && e.role === 'member').map(() => p.name),
      ),
    );
    expect(sharedOffices.length).toBeGreaterThan(0);
  });
});
