import { describe, expect, it } from 'vitest';
import { clientIpFrom } from './next-auth-options';
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

describe('clientIpFrom', () => {
  it('takes the address our proxy saw, not what the client claimed', () => {
    expect(clientIpFrom('6.6.6.6, 10.0.0.1', null)).toBe('10.0.0.1');
    expect(clientIpFrom(null, ' 192.0.2.9 ')).toBe('192.0.2.9');
    expect(clientIpFrom(null, null)).toBe('127.0.0.1');
  });
});
