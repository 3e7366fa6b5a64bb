import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { AppError } from './errors.ts';

describe('loadConfig', () => {
  it('uses the embedded database and port 3000 by default', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.port).toBe(3000);
    expect(c.importOnStart).toBe(true);
  });

  it('selects a real PostgreSQL server with DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db' }).databaseUrl).toBe('postgres://u@h:5432/db');
  });

  it('lists every invalid setting at once', () => {
    let error: unknown;
    try {
      loadConfig({
        DATABASE_URL: 'mysql://x',
        PORT: '70000',
        LOG_LEVEL: 'loud',
        COMMISSIONER_IMPORT_ON_START: 'yes',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).problems.map((p) => p.path)).toEqual([
      'DATABASE_URL',
      'PORT',
      'LOG_LEVEL',
      'COMMISSIONER_IMPORT_ON_START',
    ]);
  });
});
