import type { Database } from '../db/database.ts';

export interface SessionRow {
  readonly tokenHash: string;
  readonly personId: number;
  readonly username: string;
  readonly disabledAt: string | null;
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly endedAt: string | null;
}

/** The only SQL for server-side sessions. Rows are keyed by the SHA-256 of the cookie value. */
export class SessionRepository {
  constructor(private readonly db: Database) {}

  async create(s: {
    tokenHash: string;
    personId: number;
    csrfToken: string;
    createdAt: string;
    expiresAt: string;
    ip: string | null;
    userAgent: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('auth_session')
      .values({
        token_hash: s.tokenHash,
        person_id: s.personId,
        csrf_token: s.csrfToken,
        created_at: s.createdAt,
        last_seen_at: s.createdAt,
        expires_at: s.expiresAt,
        ended_at: null,
        end_reason: null,
        ip: s.ip,
        user_agent: s.userAgent,
      })
      .execute();
  }

  async find(tokenHash: string): Promise<SessionRow | undefined> {
    const r = await this.db
      .selectFrom('auth_session as s')
      .innerJoin('person as p', 'p.id', 's.person_id')
      .select([
        's.token_hash',
        's.person_id',
        'p.username',
        'p.disabled_at',
        's.csrf_token',
        's.created_at',
        's.last_seen_at',
        's.expires_at',
        's.ended_at',
      ])
      .where('s.token_hash', '=', tokenHash)
      .executeTakeFirst();
    return (
      r && {
        tokenHash: r.token_hash,
        personId: r.person_id,
        username: r.username,
        disabledAt: r.disabled_at,
        csrfToken: r.csrf_token,
        createdAt: r.created_at,
        lastSeenAt: r.last_seen_at,
        expiresAt: r.expires_at,
        endedAt: r.ended_at,
      }
    );
  }

  async touch(tokenHash: string, at: string): Promise<void> {
    await this.db
      .updateTable('auth_session')
      .set({ last_seen_at: at })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async end(tokenHash: string, at: string, reason: string): Promise<void> {
    await this.db
      .updateTable('auth_session')
      .set({ ended_at: at, end_reason: reason })
      .where('token_hash', '=', tokenHash)
      .where('ended_at', 'is', null)
      .execute();
  }

  /** Ends every open session of a person, except `keep` (e.g. the one changing the password). */
  async endAllFor(personId: number, at: string, reason: string, keep?: string): Promise<void> {
    let q = this.db
      .updateTable('auth_session')
      .set({ ended_at: at, end_reason: reason })
      .where('person_id', '=', personId)
      .where('ended_at', 'is', null);
    if (keep) q = q.where('token_hash', '<>', keep);
    await q.execute();
  }
}
