import type { Role } from '@souk/db';

/** How people read a role on the Users page. */
export const ROLE_LABELS: Record<Role, string> = {
  OWNER: 'Owner',
  ADMIN: 'Admin',
  FINANCE: 'Finance',
  DISPATCHER: 'Dispatcher',
  VIEWER: 'Viewer',
  VENDOR: 'Vendor',
  CUSTOMER: 'Customer',
};

export const STAFF_ROLE_OPTIONS = ['OWNER', 'ADMIN', 'FINANCE', 'DISPATCHER', 'VIEWER'] as const;
export type StaffRole = (typeof STAFF_ROLE_OPTIONS)[number];

/** The roles someone may give: only an owner hands out owner or admin (the server checks too). */
export function assignableRoles(myRole: Role | undefined): readonly StaffRole[] {
  return myRole === 'OWNER'
    ? STAFF_ROLE_OPTIONS
    : STAFF_ROLE_OPTIONS.filter((r) => r !== 'OWNER' && r !== 'ADMIN');
}
