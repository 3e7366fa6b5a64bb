import { Command, Option } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import { checkStructureCommand } from './commands/check-structure.ts';
import { orgsEventCommand } from './commands/event.ts';
import { importReferenceCommand } from './commands/import-reference.ts';
import { orgsHistoryCommand, orgsListCommand, orgsShowCommand } from './commands/orgs.ts';
import { serveCommand } from './commands/serve.ts';

/** `commissioner`: thin commands over the services. Config is parsed once, here. */
const program = new Command()
  .name('commissioner')
  .description('Commissioner: the English NHS commissioning system (Health and Social Care Act 2012)')
  .showHelpAfterError();

const config = () => loadConfig(process.env);
const asAt = new Option('--as-at <date>', 'answer as at this date (YYYY-MM-DD)').default('2013-04-01');

program
  .command('serve')
  .description('start the HTTP API and web UI (imports the reference data on first start)')
  .option('--port <port>', 'port to listen on (default PORT or 3000)')
  .option('--host <host>', 'interface to listen on (default HOST or 127.0.0.1)')
  .action((opts) => serveCommand(config(), opts));

const imp = program.command('import').description('import data');
imp
  .command('reference [dir]')
  .description('import the April 2013 reference data from DIR (default ../shared/data/reference)')
  .option('--json', 'print the result as JSON')
  .action((dir, opts) => importReferenceCommand(config(), dir, opts));

const orgs = program.command('orgs').description('the organisations registry');
orgs
  .command('list')
  .description('list, search and filter organisations')
  .option('--type <type>', 'organisation type, e.g. ccg, gp_practice, area_team')
  .option('--q <text>', 'text in the name or code')
  .option('--parent <code>', 'only organisations directly under this one')
  .option('--limit <n>', 'how many', '50')
  .option('--offset <n>', 'skip this many', '0')
  .addOption(asAt)
  .option('--json', 'print JSON')
  .action((opts) => orgsListCommand(config(), opts));
orgs
  .command('show <code>')
  .description('an organisation and its relationships as at a date')
  .addOption(asAt)
  .option('--json', 'print JSON')
  .action((code, opts) => orgsShowCommand(config(), code, opts));
orgs
  .command('history <code>')
  .description("a practice's CCG memberships, and every relationship, over time")
  .option('--json', 'print JSON')
  .action((code, opts) => orgsHistoryCommand(config(), code, opts));
orgs
  .command('event <file>')
  .description(
    'record a dated join, leave, move, merger or dissolution from a JSON file (validated by the structural rules)',
  )
  .option('--dry-run', 'validate and show the effect without recording it')
  .option('--json', 'print JSON')
  .action((file, opts) => orgsEventCommand(config(), file, opts));

program
  .command('check')
  .description('run checks')
  .command('structure')
  .description('the structural rules: practice membership, area coverage, LA boundaries, CCG names')
  .addOption(asAt)
  .option('--json', 'print JSON')
  .option('--errors-only', 'leave out warnings')
  .action((opts) => checkStructureCommand(config(), opts));

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof AppError) {
    console.error(`commissioner: ${err.message.split(':')[0]}`);
    for (const p of err.problems) console.error(`  ${p.path}: ${p.message}`);
  } else {
    console.error(`commissioner: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exitCode = err instanceof AppError && err.kind === 'validation' ? 2 : 1;
});
