import { existsSync } from 'node:fs';
import path from 'node:path';
import { sqlString } from '../../platform/analytics/duckdb.ts';
import type { ActivityStore, LoadManifest } from './store.ts';

/** A superseding load's list of the activity ids it replaced: (activity_id, superseded_load_id). */
export const SUPERSEDES_FILE = 'supersedes.parquet';

/** The loads with rows (some accepted), in the order of submissions ("latest wins" reads it). */
function loadsWithRows(loads: readonly LoadManifest[]): LoadManifest[] {
  return loads.filter((l) => l.accepted > 0);
}

/** The supersedes lists of the loads that replaced rows of earlier loads (`activity load --supersede`). */
function supersedesFiles(store: ActivityStore, loads: readonly LoadManifest[]): string[] {
  return loads
    .filter((l) => (l.supersedes?.length ?? 0) > 0)
    .map((l) => path.join(store.loadDir(l.loadId), SUPERSEDES_FILE))
    .filter((file) => existsSync(file));
}

/**
 * The stored activity rows in force, as a DuckDB relation expression: every loaded row, except that
 * where a load made with `--supersede` replaced rows of earlier loads ("latest submission wins", as in
 * SUS), an activity id held by several loads counts once, from the latest of them that still exists.
 *
 * Nothing is rewritten when a load supersedes: the earlier loads keep their rows and the superseding
 * load lists the ids it replaced (SUPERSEDES_FILE). So unloading the superseding load brings the
 * earlier rows back, and a load is still made visible by one rename. Only the loads named in those
 * lists pay for the resolution; the others are read as they are (the common case: no supersessions,
 * a plain read_parquet of every file). `snapshot`: the loads as the caller listed them (store.loads()
 * order), so that everything one run reads rests on the same loads.
 */
export function activeRowsRelation(
  store: ActivityStore,
  snapshot: readonly LoadManifest[] = store.loads(),
): string {
  const loads = loadsWithRows(snapshot);
  const file = (l: LoadManifest) => sqlString(path.join(store.loadDir(l.loadId), 'activity.parquet'));
  const lists = supersedesFiles(store, loads);
  if (lists.length === 0) return `read_parquet([${loads.map(file).join(', ')}])`;
  // A load is touched if it superseded rows or had rows superseded (by a load that still exists).
  const existing = new Set(loads.map((l) => l.loadId));
  const touchedIds = new Set(
    loads.flatMap((l) =>
      l.supersedes?.length
        ? [l.loadId, ...l.supersedes.map((s) => s.loadId).filter((id) => existing.has(id))]
        : [],
    ),
  );
  const touched = loads.filter((l) => touchedIds.has(l.loadId));
  const untouched = loads.filter((l) => !touchedIds.has(l.loadId));
  const order = `case load_id ${touched.map((l, i) => `when ${sqlString(l.loadId)} then ${i}`).join(' ')} end`;
  const ids = `(select distinct activity_id from read_parquet([${lists.map(sqlString).join(', ')}]))`;
  const rows = `read_parquet([${touched.map(file).join(', ')}])`;
  const resolved = `select * from ${rows} where activity_id not in ${ids}
    union all by name
    select * exclude (__load_order, __latest) from (
      select *, ${order} as __load_order, max(${order}) over (partition by activity_id) as __latest
      from ${rows} where activity_id in ${ids}
    ) where __load_order = __latest`;
  return untouched.length
    ? `(select * from read_parquet([${untouched.map(file).join(', ')}]) union all by name ${resolved})`
    : `(${resolved})`;
}

/** True when some load replaced rows of earlier loads: the rows in force then differ from the manifests' counts. */
export function hasSupersessions(
  store: ActivityStore,
  snapshot: readonly LoadManifest[] = store.loads(),
): boolean {
  return supersedesFiles(store, loadsWithRows(snapshot)).length > 0;
}
