import type { Role } from '@souk/db';

export const STAFF_ROLES = [
  'OWNER',
  'ADMIN',
  'FINANCE',
  'DISPATCHER',
  'VIEWER',
] as const satisfies Role[];

export const PERMISSIONS = [
  'catalog.read',
  'catalog.write',
  'audit.read',
  'users.manage',
  // Turning off a member's two-step verification (lost device): the owner's call alone.
  'users.resetMfa',
  'checkout.read',
  'checkout.manage',
  'payments.read',
  'payments.replay',
  'outbox.read',
  'outbox.replay',
  'payments.configure',
  // Orders and customers (the commerce admin).
  'orders.read',
  'orders.manage',
  'orders.refund',
  'customers.read',
  'customers.write',
  // Finance back-office (spec 000, 002): invoices, reports, reconciliation, exports, the
  // org's plan and usage. Viewers and dispatchers have neither.
  'finance.read',
  'finance.manage',
  // The org's own settings (tax rate), like its processor credentials: the owner's call.
  'org.configure',
  // Operator views (spec 002): redacted config, feature flags, health details. Owners and admins.
  'ops.read',
  // Marketplace (spec 004).
  'marketplace.read',
  'marketplace.manage',
  'payouts.manage',
  'marketplace.book',
  'marketplace.vend',
  'marketplace.onboard',
  'trust.report',
  'uploads.create',
  // GDPR export, deletion requests and retention cleanup: owners and admins only.
  'privacy.manage',
  // Spec 002: starting, using and ending break-glass sessions under ADMIN_READ_ONLY.
  'admin.breakGlass',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ONLY_STAFF: Permission[] = [
  'catalog.read',
  'audit.read',
  'checkout.read',
  'orders.read',
  'customers.read',
  'marketplace.read',
  'trust.report',
];
// Finance reads the payment ledger and may replay events and retry checkouts.
const FINANCE: Permission[] = [
  ...READ_ONLY_STAFF,
  'checkout.manage',
  'payments.read',
  'payments.replay',
  'outbox.read',
  'payouts.manage',
  'orders.refund',
  'finance.read',
  'finance.manage',
];

// Staff act for the org; what a vendor or an organizer does for themselves is not theirs to do.
const SELF_SERVICE: Permission[] = ['marketplace.book', 'marketplace.vend', 'marketplace.onboard'];
const STAFF_PERMISSIONS = PERMISSIONS.filter((p) => !SELF_SERVICE.includes(p));

/** The role -> permission table. Procedures name a permission; nothing checks roles directly. */
const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  OWNER: STAFF_PERMISSIONS,
  // Processor credentials and the org's settings are the owner's call alone.
  ADMIN: STAFF_PERMISSIONS.filter(
    (p) => p !== 'payments.configure' && p !== 'org.configure' && p !== 'users.resetMfa',
  ),
  FINANCE,
  DISPATCHER: READ_ONLY_STAFF,
  VIEWER: READ_ONLY_STAFF,
  // Vendors answer bookings and ask for payouts; customers organize events (and may apply as vendors).
  // Onboarding turns a CUSTOMER into a VENDOR, and the same person still organizes events.
  VENDOR: [
    'marketplace.book',
    'marketplace.vend',
    'marketplace.onboard',
    'trust.report',
    'uploads.create',
  ],
  // uploads.create: an organizer attaches files to their own bookings (core checks the booking).
  CUSTOMER: ['marketplace.book', 'marketplace.onboard', 'trust.report', 'uploads.create'],
};

/**
 * What people do for themselves (book, vend, apply, report, upload) rather than for the
 * org. Admin read-only mode pauses staff changes only; these keep working during an incident.
 */
export const SELF_SERVICE_PERMISSIONS: readonly Permission[] = [
  ...SELF_SERVICE,
  'trust.report',
  'uploads.create',
];

export function isSelfServicePermission(permission: Permission): boolean {
  return SELF_SERVICE_PERMISSIONS.includes(permission);
}

export function permissionsFor(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isStaffRole(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

/** When a user belongs to several orgs, sign-in lands on the most privileged membership. */
export const ROLE_PRIORITY: readonly Role[] = [
  'OWNER',
  'ADMIN',
  'FINANCE',
  'DISPATCHER',
  'VIEWER',
  'VENDOR',
  'CUSTOMER',
];
