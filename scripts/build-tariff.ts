/**
 * Builds definitions/tariff/2013-14 from the public reference data (money/ and the trusts):
 *   npx tsx scripts/build-tariff.ts
 * Deterministic: running it again gives byte-identical files. See the generated README.md there.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildTariffFiles } from '../src/modules/activity/pricing/build/build-tariff.ts';
import { TARIFF_DIR } from '../src/modules/activity/pricing/definitions.ts';
import { loadActivityReference } from '../src/modules/activity/reference-tables.ts';
import { loadConfig } from '../src/platform/config.ts';

const config = loadConfig(process.env);
const files = buildTariffFiles({
  referenceDir: config.referenceDir,
  trusts: loadActivityReference(config.referenceDir).trusts,
});
mkdirSync(TARIFF_DIR, { recursive: true });
for (const [name, content] of files) {
  writeFileSync(path.join(TARIFF_DIR, name), content);
  console.log(`wrote ${path.relative(process.cwd(), path.join(TARIFF_DIR, name))} (${content.length} bytes)`);
}
