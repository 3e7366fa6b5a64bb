import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type ActivityReference,
  loadActivityReference,
  writeReferenceTables,
} from '../../src/modules/activity/reference-tables.ts';
import { Analytics } from '../../src/platform/analytics/duckdb.ts';
import { REFERENCE_DIR, REPO_ROOT } from '../support/paths.ts';

/**
 * A DuckDB engine the activity loader can load into: the reference tables, every known service
 * category, and the few currencies the test rows use (HB12C elective, FZ17B, VB08Z A&E, WF01B outpatient).
 */
export async function openLoadTestEngine(): Promise<{ engine: Analytics; reference: ActivityReference }> {
  const engine = await Analytics.open({ threads: 2 });
  const reference = loadActivityReference(REFERENCE_DIR);
  await writeReferenceTables(engine, reference);
  const services = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'definitions/who-pays/service-categories.json'), 'utf8'),
  ) as { categories: { id: string }[] };
  await engine.run('create table known_service (code varchar); create table known_currency (code varchar)');
  await engine.insertRows(
    'known_service',
    ['code'],
    services.categories.map((c) => [c.id]),
  );
  await engine.insertRows('known_currency', ['code'], [['HB12C'], ['FZ17B'], ['VB08Z'], ['WF01B']]);
  return { engine, reference };
}
