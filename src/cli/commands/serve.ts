import { DEMO_ACTIVITY_SEED, seedActivityDemo } from '../../modules/activity/demo-seed.ts';
import { seedAuthorisationDemo } from '../../modules/authorisation/demo-seed.ts';
import { DEMO_AUTHORISATION_SEED } from '../../modules/authorisation/service.ts';
import { DEMO_GOVERNANCE_SEED, seedGovernanceDemo } from '../../modules/governance/demo-seed.ts';
import { openPlatform, type Platform } from '../../platform/app.ts';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { recordImportAudit, recordImportFailure } from '../../platform/audit/record-import.ts';
import { systemActor } from '../../platform/audit/system-actor.ts';
import { seedDemoAccounts } from '../../platform/auth/demo-accounts.ts';
import type { Config } from '../../platform/config.ts';
import { buildServer } from '../../platform/http/server.ts';
import { createLogger } from '../../platform/logger.ts';
import { importReference, REFERENCE_IMPORTER } from '../../reference/import-reference.ts';
import { importProgressBar } from '../progress.ts';
import { printDemoAccounts } from './users.ts';

export async function serveCommand(config: Config, opts: { port?: string; host?: string }) {
  const port = opts.port === undefined ? config.port : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got "${opts.port}"`);
  const host = opts.host ?? config.host;

  const platform = await openPlatform(config);
  console.log(`Database: ${platform.database.location}`);
  if (config.importOnStart) {
    console.log(`Reference data: ${config.referenceDir}`);
    const progress = importProgressBar();
    const result = await importReference(platform.database.db, config.referenceDir, progress.onProgress)
      .catch(async (err: unknown) => {
        await recordImportFailure(platform.database.db, REFERENCE_IMPORTER, err, 'serve');
        throw err;
      })
      .finally(progress.stop);
    // One audit row per import that wrote something (an unchanged restart is not an import).
    if (result.status === 'imported') {
      await recordImportAudit(platform.database.db, REFERENCE_IMPORTER, result, 'serve');
    }
    console.log(
      result.status === 'unchanged'
        ? `Reference data already imported (run ${result.runId}).`
        : `Imported reference data: ${result.taken} rows taken, ${result.rejected} rejected (see \`commissioner import reference\` or /api/imports).`,
    );
  }
  const app = await buildServer({
    config,
    logger: createLogger(config),
    db: platform.database.db,
    services: platform.services,
  });
  await app.listen({ port, host });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `http://${host}:${actualPort}/`;
  if (config.demoAccounts) await seedDemo(platform, url);
  console.log(`\nCommissioner is running at ${url}  (API docs: ${url}docs)`);
  if (config.demoAccounts && config.demoActivityScale > 0) {
    // In the background: the server answers meanwhile, and the activity pages say nothing is priced yet.
    void seedActivityDemo(config, (line) => console.log(`Activity demo: ${line}`))
      .then(async (result) => {
        if (result.status !== 'seeded') return;
        await recordAudit(platform.database.db, {
          ...systemActor('serve'),
          action: 'demo_seed',
          record: 'activity',
          outcome: 'allowed',
          detail: {
            scale: config.demoActivityScale,
            seed: DEMO_ACTIVITY_SEED,
            people: result.people,
            rows: result.summary.rows,
          },
        });
        console.log(
          `Activity demo: ready — the activity pages now show a SYNTHETIC year (e.g. ${url}ccg/00C/activity).`,
        );
      })
      .catch((error: unknown) =>
        console.error(`Activity demo failed: ${error instanceof Error ? error.message : String(error)}`),
      );
  }

  const shutdown = async () => {
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/**
 * Demo identities for trying each view (never in production: config refuses it). Idempotent: accounts
 * made on an earlier start keep their passwords, which were printed then.
 */
async function seedDemo(platform: Platform, url: string): Promise<void> {
  const { accounts, patients } = platform.services.access;
  const result = await seedDemoAccounts(accounts);
  const seededPatients = await patients.seedSynthetic();
  if (result.created.length) {
    await recordAudit(platform.database.db, {
      ...systemActor('serve'),
      action: 'demo_seed',
      record: 'demo_accounts',
      outcome: 'allowed',
      detail: { accounts: result.created.map((c) => c.identity.username), syntheticPatients: seededPatients },
    });
  }
  printDemoAccounts(result, `${url}sign-in`);
  console.log(
    `  Synthetic demo patients: ${seededPatients} (labelled SYNTHETIC; NHS numbers in the 999 test range).`,
  );
  const governance = await seedGovernanceDemo(platform.database.db);
  if (governance.status === 'seeded') {
    await recordAudit(platform.database.db, {
      ...systemActor('serve'),
      action: 'demo_seed',
      record: 'governance',
      outcome: 'allowed',
      detail: { ccgs: governance.ccgs, plantedFaults: governance.faults, seed: DEMO_GOVERNANCE_SEED },
    });
    console.log(
      `  Synthetic governance demo data: governing bodies, registers and meetings for ${governance.ccgs} CCGs, with ${governance.faults} planted faults for the compliance views.`,
    );
  }
  const authorisation = await seedAuthorisationDemo(platform.database.db);
  if (authorisation.status === 'seeded') {
    await recordAudit(platform.database.db, {
      ...systemActor('serve'),
      action: 'demo_seed',
      record: 'authorisation',
      outcome: 'allowed',
      detail: { ccgs: authorisation.ccgs, events: authorisation.events, seed: DEMO_AUTHORISATION_SEED },
    });
    console.log(
      `  Authorisation demo: the 2012–13 waves and outcomes of ${authorisation.ccgs} CCGs (${authorisation.events} lifecycle events; real aggregates, synthetic where no source names the CCG).`,
    );
  }
}
