import type { RoleBookResponse, RoleView } from '../../lib/api-types.ts';
import { canDecideForBoard, sameOrg } from '../../lib/roles.ts';
import { useSession } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

export interface AuthorisationAccess {
  readonly loading: boolean;
  readonly signedIn: boolean;
  /** May record desktop scores for the CCG: a role in force at its assessors' organisation that writes there. */
  readonly assess: boolean;
  /** May moderate and decide for the Board. */
  readonly board: boolean;
}

/** A role in force at `orgCode` whose grants (from the role book) include writing its own records. */
function writesAt(
  roles: readonly RoleView[],
  book: RoleBookResponse['items'] | null,
  orgCode: string | null,
): boolean {
  if (orgCode === null) return false;
  return roles.some((r) => {
    if (!r.current || !sameOrg(r.orgCode, orgCode)) return false;
    const grants = book?.find((b) => b.id === r.role)?.grants ?? null;
    return grants === null || grants.includes('write:organisation_internal:own');
  });
}

/**
 * What the signed-in person's roles let them do with a CCG's authorisation, from the public role book.
 * It only chooses which forms to offer: the server decides every request.
 */
export function useAuthorisationAccess(assessorOrg: string | null): AuthorisationAccess {
  const { session } = useSession();
  const signedIn = session.status === 'signed-in';
  const roleBook = useApi<RoleBookResponse>(signedIn ? '/api/access/roles' : null, { cache: true });
  const book = roleBook.status === 'success' ? roleBook.data.items : null;
  const roles = signedIn ? session.roles : [];
  return {
    loading:
      session.status === 'loading' ||
      (signedIn && (roleBook.status === 'loading' || roleBook.status === 'idle')),
    signedIn,
    assess: writesAt(roles, book, assessorOrg),
    board: canDecideForBoard(roles, book),
  };
}
