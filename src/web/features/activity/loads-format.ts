/** Paths and wording for the activity loads page (platform administrators). */
import type { LoadManifest, RunSummary } from './types.ts';

/** Quarantined rows shown at a time (the API allows up to 1,000). */
export const QUARANTINE_PAGE_SIZE = 100;

/** The activity loads page; with a load, that load's quarantine is open (from row `offset` + 1). */
export function activityLoadsPath(loadId?: string | null, offset = 0): string {
  const params = new URLSearchParams();
  if (loadId) params.set('load', loadId);
  if (loadId && offset > 0) params.set('offset', String(offset));
  const qs = params.toString();
  return qs ? `/admin/activity-loads?${qs}` : '/admin/activity-loads';
}

/**
 * A quarantined row's values as given (the API's JSON), as `name: value` for each field that could be
 * read; null when no field could be read. Text that is not a JSON object
 * is returned as it is.
 */
export function givenValues(rawValues: string): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawValues);
  } catch {
    return rawValues;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return rawValues;
  const fields = Object.entries(parsed as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(
      ([name, value]) =>
        `${name}: ${typeof value === 'string' && value !== '' ? value : JSON.stringify(value)}`,
    );
  return fields.length > 0 ? fields.join(' · ') : null;
}

/**
 * How the current run differs from what is loaded: loads with accepted rows it did not read, loads it
 * read that are gone, and loads it read that have since been made again (another made time).
 */
export function runOutOfDate(
  run: Pick<RunSummary, 'loads'>,
  loads: readonly Pick<LoadManifest, 'loadId' | 'accepted' | 'loadedAt' | 'remadeAt'>[],
): { added: number; removed: number; remade: number } {
  const inRun = new Map(run.loads.map((l) => [l.loadId, l]));
  const loaded = new Set(loads.map((l) => l.loadId));
  return {
    added: loads.filter((l) => l.accepted > 0 && !inRun.has(l.loadId)).length,
    removed: run.loads.filter((l) => !loaded.has(l.loadId)).length,
    remade: loads.filter((l) => {
      const read = inRun.get(l.loadId);
      return read?.madeAt !== undefined && read.madeAt !== (l.remadeAt ?? l.loadedAt);
    }).length,
  };
}
