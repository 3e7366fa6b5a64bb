import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../../../../../test/support/paths.ts';
import { loadActivityReference } from '../../reference-tables.ts';
import { TARIFF_DIR } from '../definitions.ts';
import { buildTariffFiles } from './build-tariff.ts';

/** The committed definitions are exactly what the build makes from the reference data, every time. */
describe('buildTariffFiles', () => {
  let files: Map<string, string>;
  let trusts: ReturnType<typeof loadActivityReference>['trusts'];

  beforeAll(() => {
    trusts = loadActivityReference(REFERENCE_DIR).trusts;
    files = buildTariffFiles({ referenceDir: REFERENCE_DIR, trusts });
  });

  it('produces the committed files byte for byte (run `npx tsx scripts/build-tariff.ts` after changing the build)', () => {
    expect(readdirSync(TARIFF_DIR).sort()).toEqual([...files.keys()].sort());
    for (const [name, content] of files) {
      expect(readFileSync(path.join(TARIFF_DIR, name), 'utf8') === content, `${name} is out of date`).toBe(
        true,
      );
    }
  });

  it('is deterministic', () => {
    expect(buildTariffFiles({ referenceDir: REFERENCE_DIR, trusts })).toEqual(files);
  });

  it('labels every national price and every MFF', () => {
    const prices = (files.get('prices.csv') as string).trim().split('\n').slice(1);
    expect(prices.length).toBeGreaterThan(6000);
    expect(prices.every((line) => line.endsWith(',derived from 2013-14 reference costs'))).toBe(true);
    const mff = (files.get('mff.csv') as string).trim().split('\n').slice(1);
    expect(mff).toHaveLength(trusts.length);
    expect(mff.every((line) => /,illustrative(: no estimated position so 1\.0000)?$/.test(line))).toBe(true);
  });

  it('takes A&E from the non-admitted cost, and the admitted one only where that is missing', () => {
    const ae = (files.get('prices.csv') as string).split('\n').filter((l) => l.startsWith('AE,'));
    expect(ae).toHaveLength(44);
    expect(ae.filter((l) => l.includes('(admitted; no non-admitted cost)'))).toEqual([
      expect.stringMatching(/^AE,VB02Z,.*,04,307\.99,/),
    ]);
  });
});
