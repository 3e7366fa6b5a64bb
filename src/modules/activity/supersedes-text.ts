import type { LoadManifest } from './store.ts';

/**
 * What a load made with `--supersede` replaced, in words the CLI and the loads page share:
 * "12 rows of may.csv (load 1f2e3d4c5b6a7988)"; "" for a load not made with --supersede.
 */
export function supersedesText(supersedes: LoadManifest['supersedes']): string {
  if (supersedes === undefined) return '';
  if (supersedes.length === 0) return 'no rows (no earlier load held the ids of its accepted rows)';
  return supersedes
    .map(
      (s) =>
        `${s.rows.toLocaleString('en-GB')} ${s.rows === 1 ? 'row' : 'rows'} of ${s.file} (load ${s.loadId})`,
    )
    .join(', ');
}
