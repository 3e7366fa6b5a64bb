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

/** GETs JSON from the API, throwing an {@link ApiError} for any failure. Aborts propagate unchanged. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: signal ?? null });
  } catch (err) {
    if (signal?.aborted) throw err;
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
    if (isProblem(body)) throw new ApiError({ ...body, status: body.status ?? response.status });
    throw new ApiError({
      title: response.statusText || 'Request failed',
      status: response.status,
      detail: `The server answered ${response.status} for ${url}.`,
    });
  }
  if (body === undefined) {
    throw new ApiError({
      title: 'The API sent a response that is not JSON',
      status: response.status,
      detail: `GET ${url}`,
    });
  }
  return body as T;
}
