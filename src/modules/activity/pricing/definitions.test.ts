import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { loadTariff, TARIFF_DIR, TARIFF_LABEL } from './definitions.ts';
import { priceKey } from './model.ts';

describe('loadTariff reads definitions/tariff/2013-14', () => {
  const tariff = loadTariff();

  it('holds national prices at every tariff POD, local prices, and an MFF for every trust', () => {
    const count = (pod: string) => [...tariff.prices.values()].filter((p) => p.pod === pod).length;
    expect(
      ['EL', 'DC', 'NEL', 'MAT', 'OPFA', 'OPFU', 'AE', 'COM', 'MH'].map((pod) => count(pod) > 0),
    ).toEqual(Array(9).fill(true));
    expect(count('AE')).toBe(44); // VB01Z–VB11Z × department types 01–04
    expect(tariff.mff.size).toBe(238);
    expect(tariff.label).toBe(TARIFF_LABEL);
  });

  it('carries real reference costs to the penny (HA11A non-elective: £13,408.179439 → 1,340,818p)', () => {
    expect(tariff.prices.get(priceKey('NEL', 'HA11A', '', ''))).toMatchObject({
      pricePence: 1_340_818,
      shortStayPricePence: 271_083,
      excessBedDayPricePence: 31_165,
      source: 'national_tariff_derived',
      label: TARIFF_LABEL,
      bptArea: 'fragility_hip_fracture',
    });
    expect(tariff.prices.get(priceKey('OPFA', 'WF01B', '110', ''))?.source).toBe('national_tariff_derived');
    expect(tariff.prices.get(priceKey('COM', 'N02AF', '', ''))).toMatchObject({
      source: 'local_price',
      label: 'illustrative local price',
    });
  });

  it('links every modelled BPT area to its prices', () => {
    for (const area of tariff.defaults.bptAreas) {
      for (const pod of area.pods) {
        for (const hrg of area.hrgCodes) {
          expect(tariff.prices.get(priceKey(pod, hrg, '', ''))?.bptArea, `${area.id} ${pod} ${hrg}`).toBe(
            area.id,
          );
        }
      }
    }
    expect(tariff.defaults.bptAreas.map((a) => a.id)).toEqual([
      'cataracts',
      'cholecystectomy',
      'fragility_hip_fracture',
      'acute_stroke',
      'primary_hip_knee_replacement',
      'transient_ischaemic_attack',
    ]);
  });
});

describe('loadTariff reports every problem with its place', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A copy of the real definitions with `edit` applied to one file. */
  function brokenCopy(edits: Record<string, (text: string) => string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'tariff-'));
    dirs.push(dir);
    cpSync(TARIFF_DIR, dir, { recursive: true });
    for (const [file, edit] of Object.entries(edits)) {
      const target = path.join(dir, file);
      writeFileSync(target, edit(readFileSync(target, 'utf8')));
    }
    return dir;
  }

  function problemsOf(tariffDir: string): string[] {
    try {
      loadTariff(tariffDir);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).problems.map((p) => `${p.path}: ${p.message}`);
    }
    throw new Error('expected loadTariff to fail');
  }

  it('prices.csv: bad values, a trim point without an excess bed day price, a wrong label, a duplicate', () => {
    const problems = problemsOf(
      brokenCopy({
        'prices.csv': (text) => {
          const lines = text.split('\n');
          lines[1] = (lines[1] as string).replace(/^EL,/, 'XL,');
          lines[2] = (lines[2] as string).replace(',6656.17,', ',6656.1,');
          lines[3] = (lines[3] as string).replace(',319.86,', ',,');
          lines[4] = (lines[4] as string).replace('derived from 2013-14 reference costs', 'the real tariff');
          lines.splice(6, 0, lines[5] as string);
          return lines.join('\n');
        },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'prices.csv:2: point_of_delivery: "XL" is not one of EL, DC, NEL, MAT, OPFA, OPFU, AE',
        'prices.csv:3: price_gbp: "6656.1" is not pounds with two decimals',
        'prices.csv:4: trim_point_days: a trim point and an excess bed day price go together',
        `prices.csv:5: label: must be "${TARIFF_LABEL}"`,
        'prices.csv:7: (row): duplicate price for EL AA03C',
      ]),
    );
  });

  it('mff.csv: a factor that is not a number, and a value not labelled illustrative', () => {
    const problems = problemsOf(
      brokenCopy({
        'mff.csv': (text) =>
          text
            .replace(
              'R1A,Worcestershire Health and Care NHS Trust,0.9798',
              'R1A,Worcestershire Health and Care NHS Trust,high',
            )
            .replace(/^(R1C,.*),illustrative$/m, '$1,official'),
      }),
    );
    expect(problems).toEqual([
      'mff.csv:2: mff: "high" is not a factor with 4 decimals',
      'mff.csv:3: label: the MFF is illustrative and must say so',
    ]);
  });

  it('best-practice.json: an HRG without a price at its POD', () => {
    const problems = problemsOf(
      brokenCopy({ 'best-practice.json': (text) => text.replace('"BZ02A"', '"BZ99Z"') }),
    );
    expect(problems).toEqual([
      'best-practice.json: areas.0.hrgCodes: BZ99Z has no national price at DC',
      'best-practice.json: areas.0.hrgCodes: BZ99Z has no national price at EL',
    ]);
  });

  it('rules.json: a rate out of range, a malformed condition, and (alone) a duplicate exclusion id', () => {
    const problems = problemsOf(
      brokenCopy({
        'rules.json': (text) => {
          const json = JSON.parse(text);
          json.marginalRate.ratePaidAboveBaselineBp.value = 30_000;
          json.readmissions.exclusions[3].anyOf = [{ field: 'hrg_code', lessThan: 4 }];
          return JSON.stringify(json);
        },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rules\.json: marginalRate\.ratePaidAboveBaselineBp\.value: /),
        expect.stringMatching(/^rules\.json: readmissions\.exclusions\.3\.anyOf\.0: /),
      ]),
    );
    const duplicate = problemsOf(
      brokenCopy({
        'rules.json': (text) => {
          const json = JSON.parse(text);
          json.readmissions.exclusions[4].id = 'maternity';
          return JSON.stringify(json);
        },
      }),
    );
    expect(duplicate).toEqual(['rules.json: readmissions.exclusions.4.id: duplicate exclusion "maternity"']);
  });

  it('a file that is not JSON', () => {
    const problems = problemsOf(brokenCopy({ 'local-prices.json': (text) => text.slice(0, 100) }));
    expect(problems).toEqual([expect.stringMatching(/^local-prices\.json: /)]);
  });
});
