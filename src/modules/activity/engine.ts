import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Analytics } from '../../platform/analytics/duckdb.ts';
import { REPO_ROOT } from '../../platform/config.ts';
import { loadTariff } from './pricing/definitions.ts';
import type { Tariff } from './pricing/model.ts';
import { type ActivityReference, loadActivityReference, writeReferenceTables } from './reference-tables.ts';

export interface ActivityEngineOptions {
  readonly referenceDir: string;
  readonly memoryLimit?: string;
  readonly threads?: number;
  /** Where DuckDB spills when a sort or join outgrows memoryLimit. */
  readonly tempDirectory?: string;
  /** Already-read reference tables (the benchmark reads them once for several engines). */
  readonly reference?: ActivityReference;
  readonly tariff?: Tariff;
}

export interface ActivityEngine {
  readonly engine: Analytics;
  readonly reference: ActivityReference;
  readonly tariff: Tariff;
}

/** Service category ids of definitions/who-pays/service-categories.json (the `service_category` column). */
export function serviceCategoryIds(): string[] {
  const file = path.join(REPO_ROOT, 'definitions', 'who-pays', 'service-categories.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { categories: { id: string }[] };
  return json.categories.map((c) => c.id);
}

/**
 * An in-memory DuckDB holding the small tables every activity step joins: the reference tables
 * (practices, LSOAs, trusts, CCGs), the known service categories and currencies (for the load's code
 * checks). The pricing and attribution steps add their own tables.
 */
export async function openActivityEngine(options: ActivityEngineOptions): Promise<ActivityEngine> {
  const engine = await Analytics.open({
    threads: options.threads ?? 2,
    memoryLimit: options.memoryLimit ?? '8GB',
    ...(options.tempDirectory ? { tempDirectory: options.tempDirectory } : {}),
  });
  try {
    const reference = options.reference ?? loadActivityReference(options.referenceDir);
    const tariff = options.tariff ?? loadTariff();
    await writeReferenceTables(engine, reference);
    await engine.run('create or replace table known_service (code varchar primary key)');
    await engine.insertRows(
      'known_service',
      ['code'],
      serviceCategoryIds().map((id) => [id]),
    );
    await engine.run('create or replace table known_currency (code varchar primary key)');
    const currencies = [...new Set([...tariff.prices.values()].map((p) => p.currency))].sort();
    await engine.insertRows(
      'known_currency',
      ['code'],
      currencies.map((c) => [c]),
    );
    return { engine, reference, tariff };
  } catch (error) {
    engine.close();
    throw error;
  }
}
