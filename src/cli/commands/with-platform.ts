import { openPlatform, type Platform } from '../../platform/app.ts';
import type { Config } from '../../platform/config.ts';

/** Opens the platform for one command and always closes it (an open PGlite keeps the process alive). */
export async function withPlatform<T>(config: Config, run: (platform: Platform) => Promise<T>): Promise<T> {
  const platform = await openPlatform(config);
  try {
    return await run(platform);
  } finally {
    await platform.close();
  }
}
