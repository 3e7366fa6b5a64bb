import { createServices } from '../../src/platform/app.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { type App, buildServer } from '../../src/platform/http/server.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { openTestDatabase, type TestDatabase } from './db.ts';

export interface TestServer {
  readonly url: string;
  readonly app: App;
  readonly database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real server on a random loopback port over a copy of the reference-loaded database, serving
 * the built web UI from dist/web (npm test builds it first).
 */
export async function startTestServer(options: { withReference?: boolean } = {}): Promise<TestServer> {
  const database = await openTestDatabase({ withReference: options.withReference ?? true });
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const app = await buildServer({
    config,
    logger: createLogger(config),
    db: database.db,
    services: createServices(database.db),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
