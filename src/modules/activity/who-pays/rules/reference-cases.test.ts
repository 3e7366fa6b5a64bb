import { describe, expect, it } from 'vitest';
import { loadWhoPaysDefinitions } from '../definitions.ts';
import { decideWhoPays } from './decide.ts';
import { resolveSwitches } from './definitions.ts';
import { FIXTURE_WORLD, referenceCases, worldLookups } from './test-fixtures.ts';

const definitions = loadWhoPaysDefinitions();
const lookups = worldLookups(FIXTURE_WORLD);
const cases = referenceCases(FIXTURE_WORLD);

describe('REFERENCE.md §5.2: the suggested test cases', () => {
  it('covers all 17 cases', () => {
    expect(new Set(cases.map((c) => Number.parseInt(c.n, 10)))).toEqual(
      new Set(Array.from({ length: 17 }, (_, i) => i + 1)),
    );
  });

  it.each(cases)('case $n: $scenario', ({ case: whoPaysCase, switches, expected }) => {
    const decision = decideWhoPays(whoPaysCase, lookups, resolveSwitches(definitions, switches), definitions);
    expect({ responsible: decision.responsible, payer: decision.payer, ruleId: decision.ruleId }).toEqual(
      expected,
    );
    expect(decision.reason).not.toBe('');
  });
});
