import type { Database } from '../db/database.ts';

export interface ApiTokenRow {
  readonly id: number;
  readonly prefix: string;
  readonly name: string;
  readonly orgCode: string;
  readonly orgType: string;
  readonly permissions: readonly string[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  readonly lastUsedAt: string | null;
}

/** The only SQL for API tokens. The token itself is never stored: only its SHA-256. */
export class ApiTokenRepository {
  constructor(private readonly db: Database) {}

  private select() {
    return this.db
      .selectFrom('api_token as t')
      .innerJoin('organisation as o', 'o.code', 't.org_code')
      .select([
        't.id',
        't.prefix',
        't.name',
        't.org_code',
        'o.org_type',
        't.permissions',
        't.created_by',
        't.created_at',
        't.expires_at',
        't.revoked_at',
        't.revoked_by',
        't.last_used_at',
      ]);
  }

  private static toRow(r: {
    id: number;
    prefix: string;
    name: string;
    org_code: string;
    org_type: string;
    permissions: string[];
    created_by: string;
    created_at: string;
    expires_at: string | null;
    revoked_at: string | null;
    revoked_by: string | null;
    last_used_at: string | null;
  }): ApiTokenRow {
    return {
      id: r.id,
      prefix: r.prefix,
      name: r.name,
      orgCode: r.org_code,
      orgType: r.org_type,
      permissions: r.permissions,
      createdBy: r.created_by,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      revokedAt: r.revoked_at,
      revokedBy: r.revoked_by,
      lastUsedAt: r.last_used_at,
    };
  }

  async insert(t: {
    tokenHash: string;
    prefix: string;
    name: string;
    orgCode: string;
    permissions: readonly string[];
    createdBy: string;
    createdAt: string;
    expiresAt: string | null;
  }): Promise<number> {
    const r = await this.db
      .insertInto('api_token')
      .values({
        token_hash: t.tokenHash,
        prefix: t.prefix,
        name: t.name,
        org_code: t.orgCode,
        permissions: [...t.permissions],
        created_by: t.createdBy,
        created_at: t.createdAt,
        expires_at: t.expiresAt,
        revoked_at: null,
        revoked_by: null,
        last_used_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async findByHash(tokenHash: string): Promise<ApiTokenRow | undefined> {
    const r = await this.select().where('t.token_hash', '=', tokenHash).executeTakeFirst();
    return r && ApiTokenRepository.toRow(r);
  }

  async get(id: number): Promise<ApiTokenRow | undefined> {
    const r = await this.select().where('t.id', '=', id).executeTakeFirst();
    return r && ApiTokenRepository.toRow(r);
  }

  async listFor(orgCode: string): Promise<ApiTokenRow[]> {
    const rows = await this.select().where('t.org_code', '=', orgCode).orderBy('t.id', 'desc').execute();
    return rows.map(ApiTokenRepository.toRow);
  }

  async revoke(id: number, at: string, by: string): Promise<void> {
    await this.db
      .updateTable('api_token')
      .set({ revoked_at: at, revoked_by: by })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async touch(id: number, at: string): Promise<void> {
    await this.db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
  }
}
