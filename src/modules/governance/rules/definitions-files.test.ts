import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGiftsHospitalityTable } from './gifts-hospitality/thresholds-table.ts';
import { loadGovernanceRuleBook } from './rule-book.ts';
import { RULE_BOOK_URL } from './test-fixtures.ts';

const DIRECTORY = new URL('./', RULE_BOOK_URL);

/** The schema-checked loader of each definitions file; a new file must be added here with its loader. */
const LOADERS: Record<string, (json: unknown) => unknown> = {
  'governance-rules.json': loadGovernanceRuleBook,
  'gifts-hospitality-thresholds.json': loadGiftsHospitalityTable,
};

describe('definitions/governance', () => {
  const files = readdirSync(DIRECTORY)
    .filter((name) => name.endsWith('.json'))
    .sort();

  it('has a loader with a schema for every file, and a file for every loader', () => {
    expect(files).toEqual(Object.keys(LOADERS).sort());
  });

  it.each(files)('%s is valid JSON that its loader accepts', (name) => {
    const json: unknown = JSON.parse(readFileSync(new URL(name, DIRECTORY), 'utf8'));
    expect(() => LOADERS[name]!(json)).not.toThrow();
  });
});
