/** Helpers for running the suite against a real PostgreSQL server (DATABASE_URL). */

export function databaseUrlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The maintenance database on the same server, for create/drop database. */
export function adminUrl(url: string): string {
  return databaseUrlFor(url, 'postgres');
}
