/**
 * The database role the application runs as, after migrations (issue #3). It may read and write the
 * tables it needs, but may only insert into and read the audit log: it holds no UPDATE, DELETE or
 * TRUNCATE on `audit_event`, and owns nothing, so it cannot grant those to itself. Migrations run as the
 * connecting (owner) role before the switch; the app then issues `set role` on every connection.
 */
export const APP_ROLE = 'commissioner_app';

/** The statement that switches a session to the application role. */
export const SET_APP_ROLE = `set role ${APP_ROLE}`;
