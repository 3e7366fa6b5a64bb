import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { sessionHeaders, signIn } from './sessions.ts';

/** A generated password is one-time: the session says so until the person chooses their own. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe('one-time passwords', () => {
  it('flags a session signed in with one, and clears the flag once the person changes it', async () => {
    const { accounts } = server.services.access;
    const { oneTimePassword } = await accounts.create({ username: 'otp.person', displayName: 'OTP Person' });
    expect(oneTimePassword).toBeTruthy();
    const session = await signIn(server.app, 'otp.person', oneTimePassword!);
    const before = (
      await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: sessionHeaders(session) })
    ).json();
    expect(before.passwordChangeRequired).toBe(true);

    const change = await server.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: sessionHeaders(session, 'POST'),
      payload: { currentPassword: oneTimePassword, newPassword: 'a-password-of-my-own' },
    });
    expect(change.statusCode).toBe(204);
    const again = await signIn(server.app, 'otp.person', 'a-password-of-my-own');
    const after = (
      await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: sessionHeaders(again) })
    ).json();
    expect(after.passwordChangeRequired).toBe(false);
  });

  it('does not flag a person created with a password they chose', async () => {
    await server.services.access.accounts.create({
      username: 'own.password',
      displayName: 'Own',
      password: 'chosen-password-123',
    });
    const session = await signIn(server.app, 'own.password', 'chosen-password-123');
    const body = (
      await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: sessionHeaders(session) })
    ).json();
    expect(body.passwordChangeRequired).toBe(false);
  });

  it('flags again after an administrator resets the password', async () => {
    const { accounts } = server.services.access;
    const person = await accounts.byUsername('own.password');
    const reset = await accounts.resetPassword(person.id);
    const session = await signIn(server.app, 'own.password', reset);
    const body = (
      await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: sessionHeaders(session) })
    ).json();
    expect(body.passwordChangeRequired).toBe(true);
  });
});
