import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';

/** The columns of definitions/activity/layout.json, in order: what the generator must write. */
export interface LayoutColumn {
  readonly name: string;
  readonly type: 'VARCHAR' | 'DATE' | 'INTEGER' | 'BOOLEAN';
  readonly required: boolean;
  readonly values?: readonly string[];
}

export const LAYOUT_FILE = path.join(REPO_ROOT, 'definitions', 'activity', 'layout.json');

export function readLayoutColumns(file = LAYOUT_FILE): LayoutColumn[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { columns?: unknown };
  const columns = Array.isArray(json.columns) ? (json.columns as LayoutColumn[]) : [];
  const bad = columns.filter(
    (c) => typeof c.name !== 'string' || !['VARCHAR', 'DATE', 'INTEGER', 'BOOLEAN'].includes(c.type),
  );
  if (columns.length === 0 || bad.length) {
    throw AppError.validation([{ path: file, message: 'columns must be a non-empty list of {name, type}' }]);
  }
  return columns;
}
