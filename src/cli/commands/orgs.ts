import type { OrgType } from '../../modules/organisations/model.ts';
import { listQuery } from '../../modules/organisations/schemas.ts';
import type { Config } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import { printJson, printTable } from '../table.ts';
import { withPlatform } from './with-platform.ts';

/** Validates CLI options with the same schema as the API, so both reject the same input the same way. */
function parseListOptions(opts: Record<string, unknown>) {
  const parsed = listQuery.safeParse({
    asAt: opts.asAt,
    q: opts.q,
    type: opts.type,
    parent: opts.parent,
    limit: opts.limit,
    offset: opts.offset,
  });
  if (!parsed.success) {
    throw AppError.validation(
      parsed.error.issues.map((i) => ({ path: `--${i.path.join('.')}`, message: i.message })),
    );
  }
  return parsed.data;
}

export async function orgsListCommand(config: Config, opts: Record<string, unknown>) {
  const filter = parseListOptions(opts);
  await withPlatform(config, async ({ services }) => {
    const result = await services.organisations.list({ ...filter, type: filter.type as OrgType | undefined });
    if (opts.json) return printJson({ asAt: filter.asAt, ...result });
    printTable(result.items, [
      ['code', (o) => o.code],
      ['type', (o) => o.orgType],
      ['name', (o) => o.name],
      ['provenance', (o) => o.provenance],
    ]);
    console.log(`\n${result.items.length} of ${result.total} as at ${filter.asAt}`);
  });
}

export async function orgsShowCommand(config: Config, code: string, opts: { asAt: string; json?: boolean }) {
  const { asAt } = parseListOptions({ asAt: opts.asAt });
  await withPlatform(config, async ({ services }) => {
    const detail = await services.organisations.detail(code.toUpperCase(), asAt);
    if (opts.json) return printJson(detail);
    const o = detail.organisation;
    console.log(`${o.name} (${o.code})`);
    console.log(`  type: ${o.orgType}   ONS: ${o.onsCode ?? '-'}   postcode: ${o.postcode ?? '-'}`);
    console.log(
      `  open: ${o.openDate ?? '-'}   closed: ${o.closeDate ?? '-'}   ${o.provenance}${o.provenanceNote ? `: ${o.provenanceNote}` : ''}`,
    );
    console.log(`  source: ${o.source}\n\nRelationships as at ${asAt}:`);
    printTable(detail.related, [
      ['kind', (r) => r.kind],
      ['direction', (r) => r.direction],
      ['code', (r) => r.code],
      ['name', (r) => r.name],
      ['from', (r) => r.startDate],
      ['to', (r) => r.endDate],
      ['share', (r) => r.share],
      ['provenance', (r) => r.provenance],
    ]);
  });
}

export async function orgsHistoryCommand(config: Config, code: string, opts: { json?: boolean }) {
  await withPlatform(config, async ({ services }) => {
    const history = await services.organisations.history(code.toUpperCase());
    if (opts.json) return printJson(history);
    console.log(`CCG memberships of ${history.code}:`);
    printTable(history.memberships, [
      ['ccg', (m) => m.ccgCode],
      ['name', (m) => m.ccgName],
      ['from', (m) => m.startDate],
      ['to', (m) => m.endDate ?? 'in force'],
      ['source', (m) => m.source],
    ]);
    console.log('\nAll relationships:');
    printTable(history.relationships, [
      ['kind', (r) => r.kind],
      ['direction', (r) => r.direction],
      ['code', (r) => r.code],
      ['name', (r) => r.name],
      ['from', (r) => r.startDate],
      ['to', (r) => r.endDate ?? 'in force'],
    ]);
  });
}
