import { useEffect, useState } from 'react';
import { type ApiError, getJson, toApiError } from './api.ts';

export type ApiState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'success'; readonly data: T }
  | { readonly status: 'error'; readonly error: ApiError };

/** Responses that never change while the app runs (e.g. boundaries), kept for the session. */
const sessionCache = new Map<string, Promise<unknown>>();

/**
 * Fetches `url` (null: nothing to fetch yet) and re-fetches whenever it changes. A newer request
 * cancels an older one, so a late answer never overwrites a newer one.
 */
export function useApi<T>(
  url: string | null,
  options: {
    readonly cache?: boolean;
    /** Change it to fetch the same url again (after a write that changed the answer). */
    readonly reloadKey?: number;
  } = {},
): ApiState<T> {
  const [state, setState] = useState<{ url: string | null; value: ApiState<T> }>({
    url: null,
    value: { status: 'idle' },
  });
  const cache = options.cache === true;
  const reloadKey = options.reloadKey ?? 0;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new reloadKey fetches the same url again
  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    // A reload keeps showing the previous answer until the new one arrives (no flash of "loading").
    setState((previous) =>
      previous.url === url && previous.value.status === 'success'
        ? previous
        : { url, value: { status: 'loading' } },
    );
    let request: Promise<unknown>;
    if (cache) {
      const cached = sessionCache.get(url);
      request = cached ?? getJson<T>(url);
      if (!cached) {
        sessionCache.set(url, request);
        request.catch(() => sessionCache.delete(url));
      }
    } else {
      request = getJson<T>(url, controller.signal);
    }
    request.then(
      (data) => {
        if (!controller.signal.aborted) setState({ url, value: { status: 'success', data: data as T } });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setState({ url, value: { status: 'error', error: toApiError(err) } });
      },
    );
    return () => controller.abort();
  }, [url, cache, reloadKey]);

  if (url === null) return { status: 'idle' };
  // Until the effect runs for a new url, report loading rather than the previous url's result.
  return state.url === url ? state.value : { status: 'loading' };
}
