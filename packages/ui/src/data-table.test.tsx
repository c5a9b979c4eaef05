import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { DataTable, type DataTableColumn, type TableStateControl } from './data-table';

type Row = { id: string; name: string; cents: number };

const COLUMNS: DataTableColumn<Row>[] = [
  { id: 'name', header: 'Name', sortable: true, cell: (r) => r.name },
  { id: 'cents', header: 'Price', sortable: true, className: 'num', cell: (r) => r.cents },
  { id: 'actions', header: 'Actions', hideHeader: true, cell: () => 'edit' },
];

const ROWS: Row[] = [
  { id: 'a', name: 'Alpha', cents: 100 },
  { id: 'b', name: 'Beta', cents: 200 },
];

function control(overrides: Partial<TableStateControl['state']> = {}): TableStateControl {
  return {
    state: { page: 2, pageSize: 2, sort: 'name', order: 'asc', filters: {}, ...overrides },
    update: vi.fn(),
    carried: [['sort', 'name']],
  };
}

function render(props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}) {
  return renderToStaticMarkup(
    <DataTable<Row>
      label="Products"
      noun={['product', 'products']}
      columns={COLUMNS}
      data={ROWS}
      total={7}
      getRowId={(r) => r.id}
      control={control()}
      emptyText="No products match."
      {...props}
    />,
  );
}

describe('DataTable', () => {
  it('names the table and its scroll region, and says which page of how many', () => {
    const html = render();
    expect(html).toContain('<table aria-label="Products"');
    expect(html).toMatch(/role="region" aria-label="Products table" tabindex="0"/);
    expect(html).toContain('3–4 of 7 products');
    expect(html).toContain('Page 2 of 4');
    expect(html).toContain('<nav class="pagination" aria-label="Products pages">');
  });

  it('makes sortable headers buttons with aria-sort, and hides the actions header text', () => {
    const html = render();
    expect(html).toMatch(/<th scope="col" aria-sort="ascending"><button type="button"[^>]*>Name/);
    expect(html).toMatch(/<th scope="col" class="num" aria-sort="none"><button/);
    expect(html).toContain('<span class="visually-hidden">Actions</span>');
    expect(html).toContain('<td class="num">200</td>');
  });

  it('labels every filter and keeps a GET form that works before hydration', () => {
    const html = render({
      search: { id: 'q', label: 'Search products', placeholder: 'Search name or slug' },
      filters: [
        { kind: 'select', key: 'status', id: 'status-filter', label: 'Status', options: ['draft'] },
        { kind: 'text', key: 'type', id: 'type-filter', label: 'Type' },
      ],
      control: control({ search: 'growth', filters: { status: 'draft' } }),
    });
    expect(html).toMatch(
      /<form class="toolbar data-table-toolbar" role="search"[^>]* method="get"/,
    );
    expect(html).toContain('<label for="q" class="visually-hidden">Search products</label>');
    expect(html).toMatch(/name="search"[^>]*value="growth"/);
    expect(html).toContain('<label for="status-filter">Status</label>');
    expect(html).toMatch(/<option value="draft" selected="">draft<\/option>/);
    expect(html).toContain('<label for="type-filter">Type</label>');
    expect(html).toContain('<input type="hidden" name="sort" value="name"/>');
  });

  it('shows the empty text outside the table body, and "Loading…" before the first page', () => {
    const empty = render({ data: [], total: 0 });
    expect(empty).toContain('<tbody></tbody>');
    expect(empty).toContain('<div class="empty">No products match.</div>');
    expect(empty).toContain('0 products');
    const loading = render({ data: undefined, total: undefined, isLoading: true });
    expect(loading).toContain('<div class="empty">Loading…</div>');
    expect(loading).not.toContain('Page 1');
  });

  it('shows an error as an alert and every row when it has no paging state', () => {
    const html = render({ control: undefined, total: undefined, error: 'Boom' });
    expect(html).toContain('role="alert">Boom</div>');
    expect(html).toContain('2 products');
    expect(html).not.toContain('<nav');
    expect(html).not.toContain('aria-sort');
  });
});
