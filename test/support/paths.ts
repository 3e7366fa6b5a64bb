import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REFERENCE_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'reference');
