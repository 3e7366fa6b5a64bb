import type { RoleAssignmentRow } from './account-repository.ts';
import type { RoleBook } from './model.ts';

/** A role assignment as the API shows it: with the role's title and whether it is in force on `asAt`. */
export function toRoleView(r: RoleAssignmentRow, roleBook: RoleBook, asAt: string) {
  return {
    assignmentId: r.assignmentId,
    role: r.role,
    title: roleBook.roles.get(r.role)?.title ?? r.role,
    orgCode: r.orgCode,
    orgName: r.orgName,
    orgType: r.orgType,
    startDate: r.startDate,
    endDate: r.endDate,
    current: r.startDate <= asAt && (r.endDate === null || asAt <= r.endDate),
  };
}
