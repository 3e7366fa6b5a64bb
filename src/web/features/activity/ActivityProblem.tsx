import { NotPermitted } from '../../components/NotPermitted.tsx';
import { ErrorPanel, Notice } from '../../components/Status.tsx';
import type { ApiError } from '../../lib/api.ts';

/** Who may see what (src/modules/activity/routes.ts); the server decides every request. */
export const ACCESS_NOTES = {
  commercial:
    'Activity, costs and contract statements are commercial in confidence to the paying CCG: open to its governing body, commissioning managers and finance staff, and to the NHS Commissioning Board (its area teams and regions).',
  internal:
    'The responsible population (patients and activity, without money) is internal to the CCG: open to its staff, to members of the health and wellbeing boards its area overlaps, and to the NHS Commissioning Board (its area teams and regions).',
} as const;

/**
 * The 404 the activity API gives before anything has been priced. Unlike a missing record (an
 * AppError.notFound, which names the missing thing in its problems), it carries no problems.
 */
export function isNothingPriced(error: ApiError): boolean {
  return error.status === 404 && !error.problems.some((p) => p.code === 'not_found');
}

/** An activity request that failed: refused (with why), nothing priced yet (with what to do), or else. */
export function ActivityProblem({
  error,
  what,
  access,
  heading,
}: {
  readonly error: ApiError;
  /** What was asked for, as in "You are not permitted to see …". */
  readonly what: string;
  readonly access: keyof typeof ACCESS_NOTES;
  /** The heading of any other failure. */
  readonly heading: string;
}) {
  if (error.status === 403)
    return (
      <NotPermitted title={`You are not permitted to see ${what}`} error={error}>
        <p>{ACCESS_NOTES[access]}</p>
      </NotPermitted>
    );
  if (isNothingPriced(error))
    return (
      <div data-testid="nothing-priced">
        <Notice tone="warning" title={error.title}>
          <p>
            No activity has been loaded and priced yet. Load activity files in the SUS-like layout with{' '}
            <code>commissioner activity load FILE…</code>, then attribute and price them with{' '}
            <code>commissioner activity run</code>. A demo server generates and prices a synthetic year on its
            first start: wait for it to finish, then reload this page.
          </p>
        </Notice>
      </div>
    );
  return <ErrorPanel error={error} heading={heading} />;
}
