import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../reference/csv.ts';
import type { CcgAuthorisationState, CcgAuthorisationSummary } from '../model.ts';
import { boardStatus, monthWindow, summariseCcg } from './board-summary.ts';
import { criteriaVersion, GUIDE_CRITERIA_VERSION } from './criteria.ts';
import { demoLifecycles } from './demo-lifecycle.ts';
import { assignDemoWaves } from './demo-waves.ts';
import { emergingCcg, transition } from './lifecycle.ts';
import { CCG_NAMES_URL, loadDefinitions } from './test-fixtures.ts';

const defs = loadDefinitions((url) => JSON.parse(readFileSync(url, 'utf8')));
const ccgs = readCsv(fileURLToPath(CCG_NAMES_URL), { encoding: 'windows-1252', header: true }).records.map(
  (r) => ({ code: r.fields[1]!.trim(), name: r.fields[2]!.trim() }),
);
const facts = {
  waves: defs.waves,
  supportLevels: defs.supportLevels.levels,
  criteria: criteriaVersion(defs.criteria, GUIDE_CRITERIA_VERSION).criteria,
};
const lifecycles = demoLifecycles(assignDemoWaves(ccgs, 'england', defs.facts), facts, 'england');
const review = monthWindow('2013-07');

/** Every demo event replayed through the real state machine, as the seed stores them. */
const states = new Map<string, CcgAuthorisationState>(
  lifecycles.map((l) => [
    l.ccgCode,
    l.events.reduce<CcgAuthorisationState>((state, e) => {
      const r = transition(state, e.event, defs.context);
      if (!r.ok)
        throw new Error(`${l.ccgCode} ${e.event.kind}: ${r.problems.map((p) => p.message).join('; ')}`);
      return r.next;
    }, emergingCcg(l.ccgCode)),
  ]),
);
const summaries = lifecycles.map(
  (l) =>
    summariseCcg(
      { ccgCode: l.ccgCode, ccgName: l.ccgName, state: states.get(l.ccgCode)!, provenance: l.provenance },
      { establishmentDate: '2013-04-01', review },
    )!,
);
const byCode = new Map(summaries.map((s) => [s.code, s]));
const count = (pick: (s: CcgAuthorisationSummary) => boolean) => summaries.filter(pick).length;

describe('the demo as lifecycle events, replayed through transition()', () => {
  it('every one of the 211 CCGs reaches an established state with its decision', () => {
    expect(lifecycles).toHaveLength(211);
    expect(summaries.every((s) => s !== null)).toBe(true);
  });

  it('reads back the real totals: 34/67/62/48, 43 + 168, 15 under directions, 46 lifted in July 2013', () => {
    const status = boardStatus(summaries);
    expect(status.byWave.map((w) => w.ccgs)).toEqual([34, 67, 62, 48]);
    expect(status.totals).toMatchObject({
      ccgs: 211,
      authorised: 43,
      withConditions: 168,
      notAuthorised: 0,
      underDirectionsAtGoLive: 15,
      conditionsLiftedInJuly2013Review: 46,
    });
  });

  it('leaves 59 CCGs with conditions and 8 under directions after the July 2013 review (HSJ 5061704)', () => {
    expect(count((s) => s.status === 'established_with_conditions')).toBe(59);
    expect(count((s) => s.directionsAfterJuly2013)).toBe(8);
    expect(boardStatus(summaries).totals.underDirectionsAfterJuly2013).toBe(8);
  });

  it('records Liverpool applying in wave 1 and deferring to wave 4', () => {
    const liverpool = states.get('99A')!;
    expect(
      liverpool.status !== 'emerging' && 'application' in liverpool && liverpool.application,
    ).toMatchObject({
      wave: 4,
      deferredFrom: [1],
    });
    expect(lifecycles.find((l) => l.ccgCode === '99A')!.applications.map((a) => [a.wave, a.status])).toEqual([
      [1, 'deferred'],
      [4, 'decided'],
    ]);
  });

  it('gives Barnet directions after go-live, not at it', () => {
    const barnet = byCode.get('07M')!;
    expect([barnet.directionsAtGoLive, barnet.directionsAfterJuly2013]).toEqual([false, true]);
  });

  it('keeps the real named directions with their sources (Nene: Kettering to Corby)', () => {
    const nene = byCode.get('04G')!;
    expect(nene.directionsAtGoLive).toBe(true);
    const kettering = nene.directions.find((d) => d.exercisedBy.kind === 'ccg');
    expect(kettering).toMatchObject({ exercisedBy: { ccgCode: '03V' }, provenance: { basis: 'real' } });
    expect(kettering!.liftedOn).toBe('2013-07-31');
  });

  it('labels each field: the 8 wave 1 CCGs authorised without conditions are real, most others synthetic', () => {
    const bassetlaw = byCode.get('02Q')!;
    expect(bassetlaw.provenance.wave.basis).toBe('real');
    expect(bassetlaw.provenance.outcome.basis).toBe('real');
    expect(count((s) => s.synthetic)).toBeGreaterThan(150);
    for (const l of lifecycles) {
      for (const e of l.events)
        expect(e.provenance.source.length, `${l.ccgCode} ${e.event.kind}`).toBeGreaterThan(10);
    }
  });

  it('is deterministic from its seed', () => {
    const again = demoLifecycles(assignDemoWaves(ccgs, 'england', defs.facts), facts, 'england');
    expect(JSON.stringify(again)).toBe(JSON.stringify(lifecycles));
  });
});
