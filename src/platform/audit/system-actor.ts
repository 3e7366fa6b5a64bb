import os from 'node:os';
import type { AuditEntry } from './model.ts';

/**
 * The audit identity of work done outside HTTP: the operator at the CLI, or the server's own start-up
 * (first-start import, demo seeding). Named by process and operating-system user.
 */
export function systemActor(
  process: 'cli' | 'serve',
): Pick<AuditEntry, 'actorType' | 'actorId' | 'actorName'> {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): keep "unknown".
  }
  return { actorType: 'system', actorId: process, actorName: `${process}:${user}` };
}
