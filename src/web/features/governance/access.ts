import type { RoleBookResponse } from '../../lib/api-types.ts';
import {
  canDecideForBoard,
  canReadCcgInternal,
  canReadNationalGovernance,
  canWriteCcgInternal,
} from '../../lib/roles.ts';
import { useSession } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

export interface GovernanceAccess {
  /** Still finding out who is signed in (or reading the role book). */
  readonly loading: boolean;
  readonly signedIn: boolean;
  /** May read the CCG's internal governance records (compliance, internal register, drafts). */
  readonly read: boolean;
  /** May write them (declare, record meetings, propose variations). */
  readonly write: boolean;
  /** May decide constitution variations for the Board. */
  readonly board: boolean;
  /** May read the Board's national compliance view. */
  readonly national: boolean;
}

/**
 * What the signed-in person's roles let them do with a CCG's governance records, from the public role
 * book. It only chooses what to offer: the server decides every request.
 */
export function useGovernanceAccess(ccgCode: string | null): GovernanceAccess {
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
    read: ccgCode !== null && canReadCcgInternal(roles, book, ccgCode),
    write: ccgCode !== null && canWriteCcgInternal(roles, book, ccgCode),
    board: canDecideForBoard(roles, book),
    national: canReadNationalGovernance(roles, book),
  };
}
