/**
 * The one structured error type (DESIGN habit 4). It carries every problem found, each with the path
 * of the offending input, and is mapped to an RFC 9457 problem+json response in exactly one place:
 * `src/platform/http/problem.ts`.
 */
export interface Problem {
  /** Where the problem is: a field path (`query.asAt`), or `file:line` for imported rows. */
  readonly path: string;
  readonly message: string;
  /** A stable machine-readable code, e.g. `invalid_date`, `not_found`. */
  readonly code?: string;
}

export type AppErrorKind =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'unauthorised'
  | 'forbidden'
  | 'internal';

const STATUS: Record<AppErrorKind, number> = {
  validation: 400,
  unauthorised: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

export class AppError extends Error {
  readonly kind: AppErrorKind;
  readonly problems: readonly Problem[];

  constructor(kind: AppErrorKind, title: string, problems: readonly Problem[] = []) {
    super(problems.length ? `${title}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}` : title);
    this.name = 'AppError';
    this.kind = kind;
    this.problems = problems;
  }

  get status(): number {
    return STATUS[this.kind];
  }

  static validation(problems: readonly Problem[], title = 'Invalid input'): AppError {
    return new AppError('validation', title, problems);
  }

  static notFound(what: string, path = 'path'): AppError {
    return new AppError('not_found', `${what} not found`, [
      { path, message: `${what} not found`, code: 'not_found' },
    ]);
  }
}

/** Collects problems and throws them all at once, so a validator reports every error, not the first. */
export class ProblemCollector {
  private readonly items: Problem[] = [];

  add(path: string, message: string, code?: string): void {
    this.items.push(code ? { path, message, code } : { path, message });
  }

  get problems(): readonly Problem[] {
    return this.items;
  }

  throwIfAny(title = 'Invalid input'): void {
    if (this.items.length) throw AppError.validation(this.items, title);
  }
}
