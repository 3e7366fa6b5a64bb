import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { parseSyntheticDefinitions, type RawDefinitions, readRawDefinitions } from './definitions.ts';

const raw = readRawDefinitions();
// biome-ignore lint/suspicious/noExplicitAny: these tests break arbitrary JSON on purpose
type Json = Record<string, any>;

/** A deep copy of the shipped definitions with one change. */
function broken(change: (d: Record<keyof RawDefinitions, Json>) => void): RawDefinitions {
  const copy = structuredClone(raw) as Record<keyof RawDefinitions, Json>;
  change(copy);
  return copy;
}

function problemsOf(d: RawDefinitions): string[] {
  try {
    parseSyntheticDefinitions(d);
  } catch (error) {
    if (error instanceof AppError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('the shipped synthetic England definitions', () => {
  it('are valid and labelled illustrative, each with a basis', () => {
    const d = parseSyntheticDefinitions(raw);
    for (const file of [d.population, d.cohorts, d.rates, d.caseMix, d.providers]) {
      expect(file.provenance).toBe('illustrative');
      expect(file.basis.length).toBeGreaterThan(40);
    }
  });

  it('add up to about 120 million activity rows at scale 1.0', () => {
    const { basis: _, ...targets } = parseSyntheticDefinitions(raw).rates.targetsAtScale1;
    const total = Object.values(targets).reduce((t, n) => t + n, 0);
    expect(total).toBeGreaterThanOrEqual(115_000_000);
    expect(total).toBeLessThanOrEqual(125_000_000);
  });
});

describe('broken definitions are reported with their file and path', () => {
  it.each([
    {
      what: 'a rate outside 0..1',
      change: (d: Json) => {
        d.cohorts.notRegistered.unregistered.rates.male['0-4'] = 1.5;
      },
      expect: /synthetic-cohorts\.json:notRegistered\.unregistered\.rates\.male\.0-4/,
    },
    {
      what: 'an age band missing from a shape',
      change: (d: Json) => {
        delete d.rates.ageSexShape.female.NEL['75+'];
      },
      expect: /synthetic-activity-rates\.json:ageSexShape\.female\.NEL\.75\+/,
    },
    {
      what: 'an unknown service category',
      change: (d: Json) => {
        d.caseMix.admitted.EL[0].service = 'ccg_everything';
      },
      expect: /admitted\.EL\.0\.service: unknown service category ccg_everything/,
    },
    {
      what: 'a BPT area an HRG does not belong to',
      change: (d: Json) => {
        d.caseMix.admitted.EL[0].bpt = 'stroke';
      },
      expect: /BZ02C is not listed under bestPracticeTariffAreas\.stroke/,
    },
    {
      what: 'an unknown condition group',
      change: (d: Json) => {
        d.cohorts.onList.s117Aftercare.condition = 'XYZ';
      },
      expect: /s117Aftercare\.condition: unknown condition group XYZ/,
    },
    {
      what: 'admission methods that do not add up to 1',
      change: (d: Json) => {
        d.rates.spells.admissionMethods.EL['11'] = 0.9;
      },
      expect: /spells\.admissionMethods\.EL: shares add up to/,
    },
    {
      what: 'a cross-border range upside down',
      change: (d: Json) => {
        d.population.residence.crossBorder.minShare = 0.5;
      },
      expect: /residence\.crossBorder: minShare exceeds maxShare/,
    },
    {
      what: 'a figure not labelled illustrative',
      change: (d: Json) => {
        d.caseMix.provenance = 'real';
      },
      expect: /synthetic-case-mix\.json:provenance/,
    },
    {
      what: 'an unknown provider kind',
      change: (d: Json) => {
        d.caseMix.mentalHealth.entries[0].providerKind = 'hospice';
      },
      expect: /providerKind: unknown provider kind hospice/,
    },
  ])('$what', ({ change, expect: pattern }) => {
    const problems = problemsOf(broken(change as (d: Record<keyof RawDefinitions, Json>) => void));
    expect(
      problems.some((p) => pattern.test(p)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(
      broken((d) => {
        d.caseMix.admitted.EL[0].service = 'nope';
        d.caseMix.admitted.DC[0].service = 'nope';
        d.cohorts.onList.s117Aftercare.condition = 'XYZ';
      }),
    );
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });
});
