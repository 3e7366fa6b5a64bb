import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GovernanceFindings, RegistryEvidence } from '../model.ts';
import { criteriaVersion, GUIDE_CRITERIA_VERSION, loadCriteria } from './criteria.ts';
import { linkedEvidenceStatus } from './linked-evidence.ts';
import { CRITERIA_URL } from './test-fixtures.ts';

const guide = criteriaVersion(
  loadCriteria(JSON.parse(readFileSync(CRITERIA_URL, 'utf8'))),
  GUIDE_CRITERIA_VERSION,
);
const criterion = (id: string) => guide.criteria.find((c) => c.id === id)!;
const findings = (errorRuleIds: string[]): GovernanceFindings => ({
  asAt: '2013-06-30',
  errorCount: errorRuleIds.length,
  warningCount: 0,
  errorRuleIds,
});
const registry = (overrides: Partial<RegistryEvidence> = {}): RegistryEvidence => ({
  asAt: '2013-06-30',
  supportingCsuCodes: ['0CE'],
  overlappingHwbCodes: ['E10000021'],
  areaTeamCode: 'Q58',
  ...overrides,
});
const none = { governance: null, registry: null };

describe('linkedEvidenceStatus', () => {
  it('1.3B changes status when the governance data changes', () => {
    const nurseMissing = linkedEvidenceStatus(criterion('1.3B'), {
      ...none,
      governance: findings(['GB-NURSE', 'ROI-28-DAY']),
    });
    expect(nurseMissing.status).toBe('gap');
    expect(nurseMissing.links[0]).toMatchObject({ module: 'governance', failingRuleIds: ['GB-NURSE'] });
    const nurseAppointed = linkedEvidenceStatus(criterion('1.3B'), {
      ...none,
      governance: findings(['ROI-28-DAY']),
    });
    expect(nurseAppointed.status).toBe('met');
    expect(linkedEvidenceStatus(criterion('1.3B'), none).status).toBe('no_data');
  });

  it.each<[string, Parameters<typeof linkedEvidenceStatus>[1], string]>([
    ['4.1A', { ...none, governance: findings([]) }, 'met'],
    ['4.1A', { ...none, governance: findings(['CON-AREA']) }, 'gap'],
    ['3.1.1E', none, 'manual'],
    ['5.4A', { ...none, registry: registry() }, 'met'],
    ['5.4A', { ...none, registry: registry({ supportingCsuCodes: [] }) }, 'gap'],
    ['5.1A', { ...none, registry: registry({ overlappingHwbCodes: [] }) }, 'gap'],
    ['5.1A', { ...none, registry: registry() }, 'met'],
    ['1.1A', none, 'none'],
    // 2.1A has a manual link (involvement) and a governance one: the worse status wins.
    ['2.1A', { ...none, governance: findings(['CON-PUBLIC-INVOLVEMENT']) }, 'gap'],
    ['2.1A', { ...none, governance: findings([]) }, 'manual'],
  ])('%s with %j is %s', (id, sources, expected) => {
    expect(linkedEvidenceStatus(criterion(id), sources).status).toBe(expected);
  });

  it('names the module still to be built', () => {
    const [link] = linkedEvidenceStatus(criterion('3.1.1E'), none).links;
    expect(link).toMatchObject({ module: 'planning', check: 'plans_vs_jhws', status: 'manual' });
    expect(link?.message).toBe('Manual evidence until the planning module is built');
  });
});
