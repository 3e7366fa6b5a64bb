import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../platform/config.ts';

/** Names the activity views show: specialties (treatment functions) and the Who Pays rule titles. */
export interface ActivityDisplayDefinitions {
  readonly treatmentFunctions: ReadonlyMap<string, string>;
  readonly ruleTitles: ReadonlyMap<string, string>;
}

export function loadActivityDisplayDefinitions(): ActivityDisplayDefinitions {
  const read = (file: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, 'definitions', file), 'utf8'));
  const tf = read('activity/treatment-functions.json') as { codes: Record<string, string> };
  const rules = read('who-pays/rules.json') as { rules: { id: string; title: string }[] };
  return {
    treatmentFunctions: new Map(Object.entries(tf.codes)),
    ruleTitles: new Map(rules.rules.map((r) => [r.id, r.title])),
  };
}
