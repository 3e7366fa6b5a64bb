import type { ProblemDetails } from './api-types.ts';

/** An API failure: the problem+json body when the server sent one, or a description of what went wrong. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly problems: readonly { readonly path: string; readonly message: string; readonly code?: string }[];

  constructor(problem: ProblemDetails) {
    super(problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.problems = problem.problems ?? [];
  }

  /** Whether any of the problems carries this machine-readable code (e.g. `csrf`, `sign_in_failed`). */
  hasCode(code: string): boolean {
    return this.problems.some((p) => p.code === code);
  }
}

type QueryValue = string | number | null | undefined;

/** Builds `/api/...?a=b`, leaving out empty parameters. Path segments must already be encoded. */
export function apiUrl(path: string, query: Readonly<Record<string, QueryValue>> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Encodes an organisation code for use as one path segment. */
export function seg(code: string): string {
  return encodeURIComponent(code);
}

function isProblem(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && typeof (body as { title?: unknown }).title === 'string';
}

// ---- the signed-in session, as far as requests need it ------------------------------------------

/** The session's CSRF token: kept in memory only (never in storage), set by the session context. */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The sign-in call answers 401 for a wrong password: that is not a session ending. */
export const SIGN_IN_URL = '/api/auth/sign-in';

type UnauthorisedListener = (error: ApiError) => void;
const unauthorisedListeners = new Set<UnauthorisedListener>();

/**
 * Called whenever the API answers 401 (outside sign-in itself): the session has ended (idle, expired,
 * signed out elsewhere), so the app should show the signed-out state.
 */
export function onUnauthorised(listener: UnauthorisedListener): () => void {
  unauthorisedListeners.add(listener);
  return () => unauthorisedListeners.delete(listener);
}

/** Fetches a fresh CSRF token (the session may have been replaced in another tab); true when it did. */
let csrfRefresher: (() => Promise<boolean>) | null = null;

export function setCsrfRefresher(refresher: (() => Promise<boolean>) | null): void {
  csrfRefresher = refresher;
}

// ---- requests -----------------------------------------------------------------------------------

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

interface RequestOptions {
  readonly method: 'GET' | WriteMethod;
  readonly body?: unknown;
  readonly signal?: AbortSignal | undefined;
}

async function request(url: string, options: RequestOptions): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // Only with a body: Fastify refuses an empty body sent as application/json.
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method,
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      signal: options.signal ?? null,
    });
  } catch (err) {
    if (options.signal?.aborted) throw err;
    throw new ApiError({
      title: 'Could not reach the Commissioner API',
      status: 0,
      detail: err instanceof Error ? err.message : String(err),
    });
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = isProblem(body)
      ? new ApiError({ ...body, status: body.status ?? response.status })
      : new ApiError({
          title: response.statusText || 'Request failed',
          status: response.status,
          detail: `The server answered ${response.status} for ${options.method} ${url}.`,
        });
    if (error.status === 401 && url !== SIGN_IN_URL) {
      for (const listener of unauthorisedListeners) listener(error);
    }
    throw error;
  }
  return { status: response.status, body };
}

/** GETs JSON from the API, throwing an {@link ApiError} for any failure. Aborts propagate unchanged. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const { status, body } = await request(url, { method: 'GET', signal });
  if (body === undefined) {
    throw new ApiError({
      title: 'The API sent a response that is not JSON',
      status,
      detail: `GET ${url}`,
    });
  }
  return body as T;
}

/**
 * Sends a write (JSON body optional) with the session's CSRF token, and returns the JSON answer, or
 * undefined for 204 No Content. A 401 signs the app out (see {@link onUnauthorised}); a CSRF refusal
 * is retried once with a fresh token, in case another tab replaced the session.
 */
export async function send<T = undefined>(method: WriteMethod, url: string, body?: unknown): Promise<T> {
  try {
    return (await request(url, { method, body })).body as T;
  } catch (err) {
    if (err instanceof ApiError && err.status === 403 && err.hasCode('csrf') && csrfRefresher) {
      if (await csrfRefresher()) return (await request(url, { method, body })).body as T;
    }
    throw err;
  }
}

/** Any thrown value as an {@link ApiError}, for showing in an error panel. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError({
    title: 'Unexpected error',
    status: 0,
    detail: err instanceof Error ? err.message : String(err),
  });
}
