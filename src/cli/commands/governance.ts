import { readFileSync } from 'node:fs';
import { parseGoverningBodyFile } from '../../modules/governance/governing-body-file.ts';
import { checkGoverningBody } from '../../modules/governance/rules/index.ts';
import { loadGovernanceDefinitions } from '../../modules/governance/service.ts';
import { asAtQuery } from '../../modules/organisations/schemas.ts';
import { AppError } from '../../platform/errors.ts';
import { printJson, printTable } from '../table.ts';

/**
 * `commissioner governance check FILE`: the composition rules over a governing body in a JSON file,
 * with no database. Exits 1 when any error is found.
 */
export function governanceCheckCommand(file: string, opts: { asAt: string; json?: boolean }): void {
  const asAt = asAtQuery.safeParse({ asAt: opts.asAt });
  if (!asAt.success) throw AppError.validation([{ path: '--as-at', message: asAt.error.issues[0]!.message }]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw AppError.validation([{ path: file, message: `cannot read JSON: ${(err as Error).message}` }]);
  }
  const input = parseGoverningBodyFile(raw, file);
  const violations = checkGoverningBody(input, asAt.data.asAt, loadGovernanceDefinitions().book);
  const counts = {
    error: violations.filter((v) => v.severity === 'error').length,
    warning: violations.filter((v) => v.severity === 'warning').length,
  };
  if (opts.json) {
    printJson({ ccgCode: input.ccgCode, asAt: asAt.data.asAt, counts, violations });
  } else {
    printTable(violations, [
      ['severity', (v) => v.severity],
      ['rule', (v) => v.ruleId],
      ['subject', (v) => `${v.subjectType} ${v.subjectCode}`],
      ['message', (v) => v.message],
      ['legal reference', (v) => v.legalRef],
    ]);
    console.log(
      `\n${input.ccgCode} as at ${asAt.data.asAt}: ${counts.error} errors, ${counts.warning} warnings.`,
    );
  }
  if (counts.error > 0) process.exitCode = 1;
}
