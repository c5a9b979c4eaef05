import { describe, expect, it } from 'vitest';
import { exportHref } from './export-href';

describe('exportHref', () => {
  it('carries the filters and leaves out paging and sorting', () => {
    expect(
      exportHref('products', {
        page: 3,
        pageSize: 50,
        sort: 'name',
        order: 'asc',
        status: 'archived',
        search: 'a&b =c',
      }),
    ).toBe('/api/export/products?status=archived&search=a%26b+%3Dc');
  });

  it('exports the whole list when no filter is set', () => {
    expect(exportHref('audit', { page: 1, pageSize: 25, action: undefined })).toBe(
      '/api/export/audit',
    );
  });

  it("keeps a list's default filter", () => {
    expect(exportHref('payouts', { page: 1, pageSize: 25, status: 'eligible' })).toBe(
      '/api/export/payouts?status=eligible',
    );
  });
});
