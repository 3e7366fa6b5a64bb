/**
 * A tiny client-side router: the URL is the state. `navigate` pushes (or replaces) a history entry
 * and tells subscribers; the back and forward buttons arrive as `popstate`.
 */
import { useSyncExternalStore } from 'react';

type Listener = () => void;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: Listener): () => void {
  if (listeners.size === 0) window.addEventListener('popstate', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export interface AppLocation {
  readonly pathname: string;
  readonly search: URLSearchParams;
  /** pathname + search, as one comparable string. */
  readonly href: string;
}

/** The current location; re-renders on every navigation. */
export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const queryAt = href.indexOf('?');
  const pathname = queryAt === -1 ? href : href.slice(0, queryAt);
  const search = new URLSearchParams(queryAt === -1 ? '' : href.slice(queryAt + 1));
  return { pathname, search, href };
}

/** Whether the last navigation was a push (a link), so the app should scroll up and move focus. */
let lastWasPush = false;
export function consumePushFlag(): boolean {
  const was = lastWasPush;
  lastWasPush = false;
  return was;
}

export function navigate(to: string, options: { readonly replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace) {
    window.history.replaceState(null, '', to);
  } else {
    window.history.pushState(null, '', to);
    lastWasPush = true;
  }
  notify();
}

export type Route =
  | { readonly name: 'map' }
  | { readonly name: 'ccg'; readonly code: string }
  | { readonly name: 'practice'; readonly code: string }
  | { readonly name: 'org'; readonly code: string }
  | { readonly name: 'organisations' }
  | { readonly name: 'structure' }
  | { readonly name: 'not-found' };

function decode(segment: string): string | null {
  try {
    const code = decodeURIComponent(segment).trim();
    return code === '' ? null : code;
  } catch {
    return null;
  }
}

/** Maps a pathname to a route; pure, so it can be tested without a browser. */
export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { name: 'map' };
  if (path === '/organisations') return { name: 'organisations' };
  if (path === '/structure') return { name: 'structure' };
  const m = /^\/(ccg|practice|org)\/([^/]+)$/.exec(path);
  if (m) {
    const code = decode(m[2]!);
    if (code !== null) return { name: m[1] as 'ccg' | 'practice' | 'org', code };
  }
  return { name: 'not-found' };
}
