import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REFERENCE_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'reference');
/** Where the global setup leaves the reference-loaded PGlite template. */
export const TEMPLATE_DIR = path.join(REPO_ROOT, '.data', 'test-template');
/** The template database's name on a real PostgreSQL server. */
export const TEMPLATE_DB = 'commissioner_test_template';
