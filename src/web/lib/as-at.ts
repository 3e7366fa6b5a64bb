import { navigate, useLocation } from './router.ts';

/** The date the app opens on: the day CCGs took on their statutory functions. */
export const DEFAULT_AS_AT = '2013-04-01';

/** A real calendar date in `YYYY-MM-DD` form. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The as-at date in the URL (`?asAt=`), or the default when it is missing or not a valid date. */
export function asAtFrom(search: URLSearchParams): string {
  const value = search.get('asAt');
  return value !== null && isIsoDate(value) ? value : DEFAULT_AS_AT;
}

export function useAsAt(): string {
  return asAtFrom(useLocation().search);
}

/**
 * Adds the current as-at date to an in-app link, so the date follows the user between pages. The
 * default date is left out to keep links short.
 */
export function withAsAt(to: string, asAt: string): string {
  if (asAt === DEFAULT_AS_AT) return to;
  const [path, query = ''] = to.split('?', 2) as [string, string | undefined];
  const params = new URLSearchParams(query);
  params.set('asAt', asAt);
  return `${path}?${params.toString()}`;
}

/** Changes the as-at date in place (the page stays the same). */
export function setAsAt(asAt: string): void {
  const params = new URLSearchParams(window.location.search);
  if (asAt === DEFAULT_AS_AT) params.delete('asAt');
  else params.set('asAt', asAt);
  const qs = params.toString();
  navigate(qs ? `${window.location.pathname}?${qs}` : window.location.pathname, { replace: true });
}
