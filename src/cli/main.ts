import { Command, Option } from 'commander';
import { loadConfig } from '../platform/config.ts';
import { AppError } from '../platform/errors.ts';
import { auditCommand } from './commands/audit.ts';
import { authorisationHistoryCommand, authorisationStatusCommand } from './commands/authorisation.ts';
import { checkStructureCommand } from './commands/check-structure.ts';
import { orgsEventCommand } from './commands/event.ts';
import { governanceCheckCommand } from './commands/governance.ts';
import { importReferenceCommand } from './commands/import-reference.ts';
import { orgsHistoryCommand, orgsListCommand, orgsShowCommand } from './commands/orgs.ts';
import { serveCommand } from './commands/serve.ts';
import {
  usersAddCommand,
  usersEndRoleCommand,
  usersGrantCommand,
  usersListCommand,
  usersResetDemoCommand,
  usersResetPasswordCommand,
  usersUnlockCommand,
} from './commands/users.ts';

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

const authorisation = program
  .command('authorisation')
  .description('authorisation of CCGs by the NHS Commissioning Board');
authorisation
  .command('status')
  .description('the 2012–13 waves and outcomes (real where sourced, synthetic otherwise)')
  .option('--wave <n>', 'only this wave (1–4)')
  .option('--json', 'print JSON')
  .action((opts) => authorisationStatusCommand(config(), opts));
authorisation
  .command('history <ccg>')
  .description("a CCG's dated lifecycle history: each event, who recorded it, why, on what evidence")
  .option('--json', 'print JSON')
  .action((ccg, opts) => authorisationHistoryCommand(config(), ccg, opts));

program
  .command('governance')
  .description('CCG governance')
  .command('check <file>')
  .description('check a governing body (JSON) against CCG Regs 2012 reg 11–13 and Schedules 4 and 5')
  .addOption(asAt)
  .option('--json', 'print the violations as JSON, each with a stable rule id')
  .action((file, opts) => governanceCheckCommand(file, opts));

program
  .command('check')
  .description('run checks')
  .command('structure')
  .description('the structural rules: practice membership, area coverage, LA boundaries, CCG names')
  .addOption(asAt)
  .option('--json', 'print JSON')
  .option('--errors-only', 'leave out warnings')
  .action((opts) => checkStructureCommand(config(), opts));

program
  .command('who-pays')
  .description('responsible commissioner ("Who Pays?" 2013): one JSON case per stdin line, one decision out')
  .option('--switch <name=value>', 'a switch (repeatable)', (v: string, p?: string[]) => [...(p ?? []), v])
  .action(async (opts) => (await import('./commands/who-pays.ts')).whoPaysCommand(config(), opts));

const activity = program
  .command('activity')
  .description('hospital and community activity: load, attribute (Who Pays), price (PbR 2013/14), aggregate');
activity
  .command('load <files...>')
  .description(
    'check and store activity files (CSV or Parquet in definitions/activity/layout.json); bad rows are quarantined',
  )
  .option('--synthetic', 'label the rows synthetic (generated, not real activity)')
  .option(
    '--supersede',
    'latest submission wins: rows whose activity_id an earlier load holds replace those rows (default: quarantined)',
  )
  .option('--json', 'print JSON')
  .action(async (files, opts) =>
    (await import('./commands/activity.ts')).activityLoadCommand(config(), files, opts),
  );
activity
  .command('run')
  .description(
    'attribute, price and aggregate everything loaded; writes monthly, contract and population results',
  )
  .option('--switch <name=value>', 'a Who Pays switch (repeatable)', (v: string, p?: string[]) => [
    ...(p ?? []),
    v,
  ])
  .option(
    '--pricing <name=value>',
    'a pricing switch, e.g. readmission_scope=any_provider (repeatable; see definitions/tariff/2013-14/rules.json)',
    (v: string, p?: string[]) => [...(p ?? []), v],
  )
  .option('--json', 'print JSON')
  .action(async (opts) => (await import('./commands/activity.ts')).activityRunCommand(config(), opts));
activity
  .command('unload <loadIds...>')
  .description(
    'remove loads by id (`activity status` lists them); rows only a removed load superseded are in force again',
  )
  .option('--json', 'print JSON')
  .action(async (loadIds, opts) =>
    (await import('./commands/activity.ts')).activityUnloadCommand(config(), loadIds, opts),
  );
activity
  .command('status')
  .description('what is loaded and the current results run')
  .option('--json', 'print JSON')
  .action(async (opts) => (await import('./commands/activity.ts')).activityStatusCommand(config(), opts));
activity
  .command('demo')
  .description('generate synthetic England at a scale, load it (labelled synthetic) and run the engine')
  .option('--scale <s>', 'share of England (0.001 to 1.0)', '0.01')
  .option('--seed <n>', 'random seed', '2013')
  .option('--json', 'print JSON')
  .action(async (opts) => (await import('./commands/activity.ts')).activityDemoCommand(config(), opts));

program
  .command('synth')
  .description('deterministic synthetic data, labelled synthetic')
  .command('england')
  .description(
    'synthetic England: people from the real 2013 list sizes and a year (2013/14) of activity, as Parquet',
  )
  .requiredOption(
    '--scale <s>',
    'share of England, 0.001 to 1.0 (1.0 = 56.0M people, about 120M activity rows)',
  )
  .requiredOption('--seed <n>', 'whole number; the same seed and scale give byte-identical files')
  .requiredOption('--out <dir>', 'output directory (people/, activity/, manifest.json)')
  .option('--threads <n>', 'DuckDB threads', '2')
  .option('--memory-limit <size>', 'DuckDB memory limit (spills to disk beyond it)', '6GB')
  .option('--max-people-per-chunk <n>', 'people generated at once (whole CCGs per chunk)')
  .option('--json', 'print the summary as JSON')
  .action(async (opts) => (await import('./commands/synth.ts')).synthEnglandCommand(config(), opts));

program
  .command('audit')
  .description('query the audit log, newest first (reading it is itself recorded)')
  .option('--actor <name>', 'username, token:<name>, cli:<user>, or an id')
  .option('--org <code>', 'acting at, or touching records of, this organisation')
  .option('--since <when>', 'from this date or time (inclusive)')
  .option('--until <when>', 'before this date or time')
  .option('--outcome <outcome>', 'allowed, denied or error')
  .option('--action <action>', 'e.g. read, write, re_identify, sign_in, import')
  .option('--limit <n>', 'how many', '100')
  .option('--offset <n>', 'skip this many', '0')
  .option('--json', 'print JSON')
  .action((opts) => auditCommand(config(), opts));

const users = program.command('users').description('accounts and their roles at organisations');
users
  .command('list')
  .description('every account with its roles')
  .option('--json', 'print JSON')
  .action((opts) => usersListCommand(config(), opts));
users
  .command('add <username>')
  .description('create an account; prints a one-time password once')
  .requiredOption('--name <display name>', 'the name shown for the person')
  .action((username, opts) => usersAddCommand(config(), username, opts));
users
  .command('grant <username> <role>')
  .description('grant a role (see definitions/access/roles.json) at an organisation from a date')
  .option('--org <code>', 'the organisation (omit for system_administrator)')
  .option('--from <date>', 'first day (YYYY-MM-DD)', new Date().toISOString().slice(0, 10))
  .option('--to <date>', 'last day (YYYY-MM-DD); omit for open-ended')
  .action((username, role, opts) => usersGrantCommand(config(), username, role, opts));
users
  .command('end-role <username> <assignment-id>')
  .description('end a role assignment on a date (roles are ended, never deleted)')
  .requiredOption('--on <date>', 'last day (YYYY-MM-DD)')
  .action((username, id, opts) => usersEndRoleCommand(config(), username, id, opts));
users
  .command('unlock <username>')
  .description('clear a sign-in lockout')
  .action((username) => usersUnlockCommand(config(), username));
users
  .command('reset-password <username>')
  .description('set a new one-time password (printed once)')
  .action((username) => usersResetPasswordCommand(config(), username));
users
  .command('reset-demo')
  .description(
    'new one-time passwords for every demo account (seeding any missing); stop the server first on PGlite',
  )
  .action(() => usersResetDemoCommand(config()));

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof AppError) {
    console.error(`commissioner: ${err.message.split(':')[0]}`);
    for (const p of err.problems) console.error(`  ${p.path}: ${p.message}`);
  } else {
    console.error(`commissioner: ${err instanceof Error ? err.message : String(err)}`);
  }
  process.exitCode = err instanceof AppError && err.kind === 'validation' ? 2 : 1;
});
