import { openPlatform } from '../../platform/app.ts';
import type { Config } from '../../platform/config.ts';
import { buildServer } from '../../platform/http/server.ts';
import { createLogger } from '../../platform/logger.ts';
import { importReference } from '../../reference/import-reference.ts';
import { importProgressBar } from '../progress.ts';

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
    const result = await importReference(
      platform.database.db,
      config.referenceDir,
      progress.onProgress,
    ).finally(progress.stop);
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
  console.log(
    `\nCommissioner is running at http://${host}:${actualPort}/  (API docs: http://${host}:${actualPort}/docs)`,
  );

  const shutdown = async () => {
    await app.close();
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
