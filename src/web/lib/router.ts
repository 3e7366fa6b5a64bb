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

/**
 * Goes to `to`. `replace` swaps the current history entry (e.g. leaving the sign-in form, which the
 * back button should not return to); `moveFocus` still scrolls up and moves focus as a link would.
 */
export function navigate(
  to: string,
  options: { readonly replace?: boolean; readonly moveFocus?: boolean } = {},
): void {
  if (to === snapshot()) return;
  if (options.replace) {
    window.history.replaceState(null, '', to);
    lastWasPush = options.moveFocus === true;
  } else {
    window.history.pushState(null, '', to);
    lastWasPush = true;
  }
  notify();
}

/**
 * A place in the app that is safe to return to after signing in: a path on this site only (never
 * `//host`, `/\\host` or an absolute URL, which would make the sign-in page an open redirect), and never
 * the sign-in page itself.
 */
export function safeReturnPath(next: string | null | undefined, fallback = '/account'): string {
  if (!next?.startsWith('/')) return fallback;
  const base = 'https://commissioner.invalid';
  let url: URL;
  try {
    // The browser's own parsing: it reads `/\\host` and `/\t/host` as another host, as a browser would.
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || url.pathname === '/sign-in') return fallback;
  return url.pathname + url.search + url.hash;
}

/** The sign-in page, coming back to `here` (a path with its query) afterwards. */
export function signInPath(here?: string): string {
  return here ? `/sign-in?${new URLSearchParams({ next: here }).toString()}` : '/sign-in';
}

export type Route =
  | { readonly name: 'map' }
  | { readonly name: 'ccg'; readonly code: string }
  | { readonly name: 'practice'; readonly code: string }
  | { readonly name: 'org'; readonly code: string }
  | { readonly name: 'organisations' }
  | { readonly name: 'structure' }
  | { readonly name: 'sign-in' }
  | { readonly name: 'account' }
  | { readonly name: 'audit' }
  | { readonly name: 'activity-loads' }
  | { readonly name: 'api-tokens'; readonly code: string }
  | { readonly name: 'ccg-governance'; readonly code: string }
  | { readonly name: 'ccg-register'; readonly code: string }
  | { readonly name: 'ccg-meetings'; readonly code: string }
  | { readonly name: 'meeting-new'; readonly code: string }
  | { readonly name: 'ccg-constitution'; readonly code: string }
  | { readonly name: 'ccg-procurement'; readonly code: string }
  | { readonly name: 'meeting'; readonly id: string }
  | { readonly name: 'minutes'; readonly id: string }
  | { readonly name: 'governance' }
  | { readonly name: 'authorisation' }
  | { readonly name: 'ccg-authorisation'; readonly code: string }
  | { readonly name: 'ccg-activity'; readonly code: string }
  | { readonly name: 'ccg-provider-activity'; readonly code: string; readonly provider: string }
  | { readonly name: 'ccg-contract-statement'; readonly code: string; readonly provider: string }
  | { readonly name: 'not-found' };

/** The CCG governance pages under /ccg/:code/…, by their last path segment(s). */
const CCG_GOVERNANCE_PAGES = {
  governance: 'ccg-governance',
  register: 'ccg-register',
  meetings: 'ccg-meetings',
  'meetings/new': 'meeting-new',
  constitution: 'ccg-constitution',
  'procurement-decisions': 'ccg-procurement',
} as const;

/** Routes that need a signed-in person (the rest of the app is public). */
export function needsSignIn(route: Route): boolean {
  return (
    route.name === 'account' ||
    route.name === 'audit' ||
    route.name === 'activity-loads' ||
    route.name === 'api-tokens' ||
    route.name === 'governance' ||
    route.name === 'meeting-new' ||
    route.name === 'meeting' ||
    route.name === 'ccg-activity' ||
    route.name === 'ccg-provider-activity' ||
    route.name === 'ccg-contract-statement'
  );
}

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
  if (path === '/sign-in') return { name: 'sign-in' };
  if (path === '/account') return { name: 'account' };
  if (path === '/admin/audit') return { name: 'audit' };
  if (path === '/admin/activity-loads') return { name: 'activity-loads' };
  if (path === '/governance') return { name: 'governance' };
  if (path === '/authorisation') return { name: 'authorisation' };
  const authorisation = /^\/ccg\/([^/]+)\/authorisation$/.exec(path);
  if (authorisation) {
    const code = decode(authorisation[1]!);
    if (code !== null) return { name: 'ccg-authorisation', code };
  }
  // A CCG's activity (issue #5): the page, a provider drill-down and a contract's statement.
  const activity = /^\/ccg\/([^/]+)\/activity$/.exec(path);
  if (activity) {
    const code = decode(activity[1]!);
    if (code !== null) return { name: 'ccg-activity', code };
  }
  const contract = /^\/ccg\/([^/]+)\/(activity\/providers|contracts)\/([^/]+)$/.exec(path);
  if (contract) {
    const code = decode(contract[1]!);
    const provider = decode(contract[3]!);
    const name = contract[2] === 'contracts' ? 'ccg-contract-statement' : 'ccg-provider-activity';
    if (code !== null && provider !== null) return { name, code, provider };
  }
  const meeting = /^\/meetings\/([^/]+)(\/minutes)?$/.exec(path);
  if (meeting) {
    const id = decode(meeting[1]!);
    if (id !== null) return meeting[2] ? { name: 'minutes', id } : { name: 'meeting', id };
  }
  const governance =
    /^\/ccg\/([^/]+)\/(governance|register|meetings|meetings\/new|constitution|procurement-decisions)$/.exec(
      path,
    );
  if (governance) {
    const code = decode(governance[1]!);
    const page = CCG_GOVERNANCE_PAGES[governance[2] as keyof typeof CCG_GOVERNANCE_PAGES];
    if (code !== null) return { name: page, code };
  }
  const tokens = /^\/org\/([^/]+)\/api-tokens$/.exec(path);
  if (tokens) {
    const code = decode(tokens[1]!);
    if (code !== null) return { name: 'api-tokens', code };
  }
  const m = /^\/(ccg|practice|org)\/([^/]+)$/.exec(path);
  if (m) {
    const code = decode(m[2]!);
    if (code !== null) return { name: m[1] as 'ccg' | 'practice' | 'org', code };
  }
  return { name: 'not-found' };
}
