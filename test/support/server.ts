import type { DestinationStream } from 'pino';
import { createServices } from '../../src/platform/app.ts';
import type { Clock } from '../../src/platform/auth/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Services } from '../../src/platform/http/server.ts';
import { type App, buildServer } from '../../src/platform/http/server.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { openTestDatabase, type TestDatabase } from './db.ts';

export interface TestServer {
  readonly url: string;
  readonly app: App;
  readonly database: TestDatabase;
  /** The services the server runs on (e.g. to seed demo accounts). */
  readonly services: Services;
  close(): Promise<void>;
}

/** A fixed pseudonymisation key for tests, so no development key file is written. */
export const TEST_PSEUDONYM_KEY = 'test-only-pseudonymisation-key-0123456789abcdef';

export interface TestServerOptions {
  readonly withReference?: boolean;
  /** Settings on top of the test defaults (e.g. COMMISSIONER_SIGN_IN_RATE_LIMIT). */
  readonly env?: Readonly<Record<string, string>>;
  /** The clock sessions, lockout and roles "as at today" use (default: the system clock). */
  readonly clock?: Clock;
  /** Where the server logs go (default: nowhere; LOG_LEVEL silent). */
  readonly logDestination?: DestinationStream;
}

/**
 * The real server on a random loopback port over a copy of the reference-loaded database, serving
 * the built web UI from dist/web (npm test builds it first). Access control is on, as in production.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const database = await openTestDatabase({ withReference: options.withReference ?? true });
  const config = loadConfig({
    LOG_LEVEL: options.logDestination ? 'info' : 'silent',
    COMMISSIONER_PSEUDONYM_KEY: TEST_PSEUDONYM_KEY,
    ...options.env,
  });
  const services = createServices(database.db, {
    config,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const app = await buildServer({
    config,
    logger: createLogger(config, options.logDestination),
    db: database.db,
    services,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    services,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
