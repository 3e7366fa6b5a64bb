/**
 * Who is signed in. The session itself lives in an HttpOnly cookie the page cannot read; the app
 * learns about it from GET /api/auth/session and keeps only the CSRF token (in memory, never in
 * storage) so that writes can echo it. Any 401 from the API means the session has ended.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  type ApiError,
  getJson,
  onUnauthorised,
  SIGN_IN_URL,
  send,
  setCsrfRefresher,
  setCsrfToken,
  toApiError,
} from './api.ts';
import type { PersonView, RoleView, SessionBody, SessionResponse } from './api-types.ts';
import { navigate, signInPath, useLocation } from './router.ts';

/** Why the app is signed out: never signed in, the session ended by itself, or the person signed out. */
export type SignedOutReason = 'none' | 'expired' | 'signed-out';

export type Session =
  | { readonly status: 'loading' }
  | {
      readonly status: 'signed-out';
      readonly reason: SignedOutReason;
      /** Set when the session could not be checked at all (e.g. the API is unreachable). */
      readonly error?: ApiError;
    }
  | {
      readonly status: 'signed-in';
      readonly person: PersonView;
      readonly roles: readonly RoleView[];
      /** The absolute end of the session. */
      readonly expiresAt: string;
      /** When the session ends if idle from the last check on. */
      readonly endsAt: string;
      /** Signed in with a one-time password that should be replaced. */
      readonly passwordChangeRequired: boolean;
      /** When the server last told us about the session (ms since the epoch). */
      readonly checkedAt: number;
    };

export type SignedInSession = Extract<Session, { status: 'signed-in' }>;

interface SessionContextValue {
  readonly session: Session;
  /** Signs in; throws the API's problem (wrong password, locked, rate-limited…) as an ApiError. */
  signIn(username: string, password: string): Promise<SignedInSession>;
  /** Ends the session on the server and clears the cookie. */
  signOut(): Promise<void>;
  /** Asks the server again (e.g. for up-to-date expiry times). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const SESSION_URL = '/api/auth/session';
/** Re-check the session when the tab comes back into view, at most this often. */
const RECHECK_MS = 60_000;

function signedIn(body: SessionBody): SignedInSession {
  return {
    status: 'signed-in',
    person: body.person,
    roles: body.roles,
    expiresAt: body.expiresAt,
    endsAt: body.endsAt,
    passwordChangeRequired: body.passwordChangeRequired,
    checkedAt: Date.now(),
  };
}

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  /** Applies the server's answer; returns whether a person is signed in. */
  const apply = useCallback((response: SessionResponse): boolean => {
    if (response.authenticated && response.kind === 'person') {
      setCsrfToken(response.csrfToken);
      setSession(signedIn(response));
      return true;
    }
    setCsrfToken(null);
    setSession((previous) =>
      previous.status === 'signed-out'
        ? previous
        : { status: 'signed-out', reason: previous.status === 'signed-in' ? 'expired' : 'none' },
    );
    return false;
  }, []);

  const check = useCallback(async (): Promise<boolean> => {
    try {
      return apply(await getJson<SessionResponse>(SESSION_URL));
    } catch (err) {
      // Cannot tell: keep a known session; otherwise the public pages still work signed out.
      setSession((previous) =>
        previous.status === 'loading'
          ? { status: 'signed-out', reason: 'none', error: toApiError(err) }
          : previous,
      );
      return false;
    }
  }, [apply]);

  const refresh = useCallback(async () => {
    await check();
  }, [check]);

  useEffect(() => {
    void check();
    setCsrfRefresher(check);
    const stopListening = onUnauthorised(() => {
      setCsrfToken(null);
      setSession((previous) =>
        previous.status === 'signed-in' ? { status: 'signed-out', reason: 'expired' } : previous,
      );
    });
    return () => {
      stopListening();
      setCsrfRefresher(null);
    };
  }, [check]);

  // Signed out (or in) in another tab, or left idle: find out when the tab is looked at again.
  useEffect(() => {
    let lastCheck = Date.now();
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || Date.now() - lastCheck < RECHECK_MS) return;
      lastCheck = Date.now();
      void check();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [check]);

  const signIn = useCallback(async (username: string, password: string) => {
    const body = await send<SessionBody>('POST', SIGN_IN_URL, { username, password });
    setCsrfToken(body.csrfToken);
    const next = signedIn(body);
    setSession(next);
    return next;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await send('POST', '/api/auth/sign-out');
    } catch (err) {
      // Already signed out on the server (ended elsewhere, or expired): the outcome is the same.
      if (!(toApiError(err).status === 401 || toApiError(err).hasCode('csrf'))) throw err;
    }
    setCsrfToken(null);
    setSession({ status: 'signed-out', reason: 'signed-out' });
  }, []);

  const value = useMemo(() => ({ session, signIn, signOut, refresh }), [session, signIn, signOut, refresh]);
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/**
 * For pages that need a signed-in person: sends anyone signed out to the sign-in page, which brings
 * them back here afterwards (unless they have just signed out on purpose).
 */
export function useRequireSignIn(): Session {
  const { session } = useSession();
  const { href } = useLocation();
  const signedOut = session.status === 'signed-out' ? session.reason : null;
  useEffect(() => {
    if (signedOut === null) return;
    navigate(signedOut === 'signed-out' ? '/sign-in' : signInPath(href), { replace: true, moveFocus: true });
  }, [signedOut, href]);
  return session;
}
