import { AppError } from '../errors.ts';
import type { ApiTokenRepository, ApiTokenRow } from './api-token-repository.ts';
import { API_TOKEN_PREFIX } from './auth-service.ts';
import { type Clock, isoDate } from './clock.ts';
import type { Actor, RoleBook } from './model.ts';
import type { OwnerFactsRepository } from './owner-facts-repository.ts';
import { hashSecretToken, newSecretToken } from './secret-token.ts';
import { checkTokenIssue } from './token-issue-rules.ts';

export type ApiTokenView = ApiTokenRow;

/** API tokens for machine clients: scoped to one organisation, revocable, stored only as a hash. */
export class ApiTokenService {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly facts: OwnerFactsRepository,
    private readonly roleBook: RoleBook,
    private readonly clock: Clock,
  ) {}

  list(orgCode: string): Promise<ApiTokenView[]> {
    return this.tokens.listFor(orgCode);
  }

  /** Issues a token; the secret is in the result once and never again (only its hash is kept). */
  async issue(
    issuer: Actor,
    issuerName: string,
    r: { orgCode: string; name: string; permissions: readonly string[]; expiresAt: string | null },
  ): Promise<{ token: string; view: ApiTokenView }> {
    const now = this.clock();
    const asAt = isoDate(now);
    const problems = checkTokenIssue(issuer, r.orgCode, r.permissions, {
      asAt,
      roleBook: this.roleBook,
      owner: await this.facts.facts(r.orgCode, asAt),
    });
    if (r.expiresAt !== null && Date.parse(r.expiresAt) <= now.getTime()) {
      problems.push({ path: 'body.expiresAt', message: 'is in the past', code: 'invalid_date' });
    }
    if (problems.some((p) => p.code === 'people_only' || p.code === 'not_held')) {
      throw new AppError('forbidden', 'Token not issued', problems);
    }
    if (problems.length) throw AppError.validation(problems);
    const token = newSecretToken(API_TOKEN_PREFIX);
    const id = await this.tokens.insert({
      tokenHash: hashSecretToken(token),
      prefix: token.slice(0, API_TOKEN_PREFIX.length + 6),
      name: r.name,
      orgCode: r.orgCode,
      permissions: [...new Set(r.permissions)],
      createdBy: issuerName,
      createdAt: now.toISOString(),
      expiresAt: r.expiresAt,
    });
    const view = await this.tokens.get(id);
    return { token, view: view! };
  }

  async revoke(orgCode: string, id: number, by: string): Promise<ApiTokenView> {
    const row = await this.tokens.get(id);
    // A token of another organisation is "not found" here: its owner is what the policy checked.
    if (!row || row.orgCode !== orgCode) throw AppError.notFound(`API token ${id}`, 'params.id');
    await this.tokens.revoke(id, this.clock().toISOString(), by);
    return (await this.tokens.get(id))!;
  }
}
