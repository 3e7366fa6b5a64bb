import { buildHierarchy } from './build-hierarchy.ts';
import { buildHistory } from './build-history.ts';
import { buildLocalGovernment } from './build-local-government.ts';
import { buildPractices } from './build-practices.ts';
import { buildProviders } from './build-providers.ts';
import { buildSuccessions } from './build-successions.ts';
import { buildSupport } from './build-support.ts';
import type { ParsedReference } from './parse-reference.ts';
import type { Quarantine } from './quarantine.ts';
import { RegistrySnapshot } from './snapshot.ts';

/** Joins the parsed raw files into the registry's organisations, relationships and list sizes. */
export function buildRegistry(parsed: ParsedReference, quarantine: Quarantine): RegistrySnapshot {
  const snapshot = new RegistrySnapshot();
  buildHierarchy(parsed, snapshot, quarantine);
  buildPractices(parsed, snapshot);
  buildSuccessions(snapshot);
  buildLocalGovernment(parsed, snapshot, quarantine);
  buildSupport(parsed, snapshot, quarantine);
  buildHistory(parsed, snapshot, quarantine);
  buildProviders(parsed, snapshot);
  return snapshot;
}
