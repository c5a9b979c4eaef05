import { describe, expect, it } from 'vitest';
import { can, isSelfServicePermission, isStaffRole, permissionsFor } from './roles';

describe('roles', () => {
  it('gives write access to OWNER and ADMIN only', () => {
    expect(can('OWNER', 'catalog.write')).toBe(true);
    expect(can('ADMIN', 'catalog.write')).toBe(true);
    for (const role of ['FINANCE', 'DISPATCHER', 'VIEWER', 'VENDOR', 'CUSTOMER'] as const) {
      expect(can(role, 'catalog.write')).toBe(false);
    }
  });
  it('lets every staff role read the catalog and nobody else', () => {
    expect(permissionsFor('VIEWER')).toContain('catalog.read');
    expect(can('CUSTOMER', 'catalog.read')).toBe(false);
    expect(can('VENDOR', 'catalog.read')).toBe(false);
    expect(isStaffRole('VIEWER')).toBe(true);
    expect(isStaffRole('VENDOR')).toBe(false);
  });
  it('lets a vendor still organize events, as the customer they were before onboarding', () => {
    expect(can('VENDOR', 'marketplace.book')).toBe(true);
    expect(can('VENDOR', 'marketplace.vend')).toBe(true);
    expect(can('CUSTOMER', 'marketplace.book')).toBe(true);
    expect(can('CUSTOMER', 'marketplace.vend')).toBe(false);
    // Organizers attach files to their bookings; core decides which kinds and which bookings.
    expect(can('CUSTOMER', 'uploads.create')).toBe(true);
  });
  it('counts only what people do for themselves as self-service', () => {
    for (const p of [
      'marketplace.book',
      'marketplace.vend',
      'marketplace.onboard',
      'trust.report',
      'uploads.create',
    ] as const) {
      expect(isSelfServicePermission(p)).toBe(true);
    }
    for (const p of [
      'catalog.write',
      'users.manage',
      'checkout.manage',
      'payouts.manage',
    ] as const) {
      expect(isSelfServicePermission(p)).toBe(false);
    }
  });
});
