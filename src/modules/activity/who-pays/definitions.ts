import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../platform/config.ts';
import { parseWhoPaysDefinitions } from './rules/definitions.ts';
import type { WhoPaysDefinitions } from './rules/model.ts';

/** definitions/who-pays in this checkout. */
export const WHO_PAYS_DEFINITIONS_DIR = path.join(REPO_ROOT, 'definitions', 'who-pays');

let cached: { dir: string; definitions: WhoPaysDefinitions } | undefined;

/**
 * Reads and validates definitions/who-pays (rules.json and service-categories.json); a bad file throws
 * an AppError naming every problem. Read once per directory and kept: the files do not change while
 * the process runs.
 */
export function loadWhoPaysDefinitions(dir = WHO_PAYS_DEFINITIONS_DIR): WhoPaysDefinitions {
  if (cached?.dir === dir) return cached.definitions;
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const definitions = parseWhoPaysDefinitions(read('rules.json'), read('service-categories.json'));
  cached = { dir, definitions };
  return definitions;
}
