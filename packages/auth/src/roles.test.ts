import { describe, expect, it } from 'vitest';
import { can, isStaffRole, permissionsFor } from './roles';

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
});
