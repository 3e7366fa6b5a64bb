import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { INTERVENTION_POWER_IDS } from '../assurance-model.ts';
import { loadAssuranceDefinitions } from './assurance-definitions.ts';
import { ASSURANCE_URL } from './test-fixtures.ts';

const raw = JSON.parse(readFileSync(ASSURANCE_URL, 'utf8'));
const clone = () => structuredClone(raw);

function problemsOf(json: unknown): { path: string }[] {
  try {
    loadAssuranceDefinitions(json);
  } catch (err) {
    if (err instanceof AppError) return [...err.problems];
    throw err;
  }
  return [];
}

describe('definitions/authorisation/assurance.json', () => {
  it('holds the seven powers of s14Z21 (with (8) split into (a) and (b)) and their consultations', () => {
    const d = loadAssuranceDefinitions(raw);
    expect(d.intervention.powers.map((p) => p.id)).toEqual([...INTERVENTION_POWER_IDS]);
    const another = d.intervention.powers.find((p) => p.id === 'another_ccg_performs')!;
    expect(another).toMatchObject({ subsection: 's14Z21(8)(b)', requires: ['cease_functions'] });
    expect(another.consultation).toMatchObject({ subsection: 's14Z21(10)', who: 'directed_ccg' });
    expect(d.intervention.powers.find((p) => p.id === 'dissolve')!.consultation?.subsection).toBe('s14Z22');
    expect(d.annualAssessment.consultRelevantHwbs).toMatchObject({ enabled: true, confidence: 'confirmed' });
  });

  it.each<[string, (j: ReturnType<typeof clone>) => void, string[]]>([
    [
      'a power listed twice',
      (j) => j.intervention.powers.push(j.intervention.powers[0]),
      ['intervention.powers.8.id'],
    ],
    [
      'a missing power',
      (j) => {
        j.intervention.powers = j.intervention.powers.filter((p: { id: string }) => p.id !== 'dissolve');
      },
      ['intervention.powers'],
    ],
    [
      'a power requiring itself',
      (j) => {
        j.intervention.powers[1].requires = ['cease_functions'];
      },
      ['intervention.powers.1.requires'],
    ],
    [
      'a power citing another section',
      (j) => {
        j.intervention.powers[0].subsection = 's14Z16';
      },
      ['intervention.powers.0.subsection'],
    ],
    [
      'unconfirmed ratings that do not say so',
      (j) => {
        j.annualAssessment.ratingsSource = 'ours';
      },
      ['annualAssessment.ratingsSource'],
    ],
  ])('refuses %s, naming where', (_case, change, paths) => {
    const j = clone();
    change(j);
    expect(problemsOf(j).map((p) => p.path)).toEqual(paths);
  });
});
