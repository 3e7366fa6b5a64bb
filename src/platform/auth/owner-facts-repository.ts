import type { Database } from '../db/database.ts';
import type { OwnerFacts } from './model.ts';

/** Looks up the registry facts the policy needs about a record's owner (the policy itself does no IO). */
export class OwnerFactsRepository {
  constructor(private readonly db: Database) {}

  async facts(code: string, asAt: string): Promise<OwnerFacts | null> {
    const org = await this.db
      .selectFrom('organisation')
      .select(['code', 'org_type'])
      .where('code', '=', code)
      .executeTakeFirst();
    if (!org) return null;
    const hwbs =
      org.org_type === 'ccg'
        ? await this.db
            .selectFrom('relationship')
            .select('to_code')
            .where('kind', '=', 'overlaps_hwb')
            .where('from_code', '=', code)
            .where('start_date', '<=', asAt)
            .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', asAt)]))
            .execute()
        : [];
    return { code: org.code, orgType: org.org_type, overlappingHwbs: new Set(hwbs.map((h) => h.to_code)) };
  }
}
