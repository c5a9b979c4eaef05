'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatMoney } from '@souk/core/money';
import { ListState, Pagination, SortableHeader, StatusBadge, StatusFilter } from '@souk/ui';
import type { RouterInputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import { INITIAL_PRODUCT_QUERY } from './products-query';

type ListInput = RouterInputs['catalog']['list'];
type SortKey = 'name' | 'updatedAt' | 'basePriceCents' | 'status';

export function ProductsTable({
  initialQuery = INITIAL_PRODUCT_QUERY,
}: {
  initialQuery?: ListInput;
}) {
  const trpc = useTRPC();
  const [query, setQuery] = useState<ListInput>(initialQuery);
  const list = useQuery({
    ...trpc.catalog.list.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const me = useQuery(trpc.auth.me.queryOptions());
  const canWrite = me.data?.permissions.includes('catalog.write') ?? false;

  return (
    <>
      <div className="page-head">
        <h1>Products</h1>
        {canWrite ? (
          <Link href="/admin/products/new" className="button button-primary">
            New product
          </Link>
        ) : null}
      </div>
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const raw = new FormData(e.currentTarget).get('search');
          const search = typeof raw === 'string' ? raw.trim() : '';
          setQuery((q) => ({ ...q, search: search || undefined, page: 1 }));
        }}
      >
        <label
          htmlFor="product-search"
          className="visually-hidden"
          style={{ position: 'absolute', left: '-9999px' }}
        >
          Search products
        </label>
        <input
          id="product-search"
          className="search-input"
          type="search"
          placeholder="Search name or slug"
          // Uncontrolled, with a name: what a person types before the page hydrates is
          // kept, and a search submitted then is a plain GET that the page reads back.
          name="search"
          defaultValue={initialQuery.search ?? ''}
        />
        <button type="submit">Search</button>
        <StatusFilter
          id="status-filter"
          value={query.status}
          options={
            [
              { value: 'active', label: 'Active' },
              { value: 'draft', label: 'Draft' },
              { value: 'archived', label: 'Archived' },
            ] as const
          }
          onChange={(status) => setQuery((q) => ({ ...q, page: 1, status }))}
        />
      </form>
      {list.error ? (
        <div className="notice notice-error" role="alert">
          {list.error.message}
        </div>
      ) : null}
      <div className="table-wrap">
        <table aria-label="Products">
          <thead>
            <tr>
              {(
                [
                  ['Name', 'name', undefined],
                  ['Status', 'status', undefined],
                  ['Price', 'basePriceCents', 'num'],
                  ['Updated', 'updatedAt', undefined],
                ] as const
              ).map(([label, column, className]) => (
                <SortableHeader<SortKey>
                  key={column}
                  label={label}
                  column={column}
                  className={className}
                  sort={query.sort ?? 'updatedAt'}
                  order={query.order ?? 'desc'}
                  onSort={(sort, order) => setQuery((q) => ({ ...q, sort, order, page: 1 }))}
                />
              ))}
              <th>Slug</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/admin/products/${p.id}`}>{p.name}</Link>
                </td>
                <td>
                  <StatusBadge status={p.status} />
                </td>
                <td className="num">{formatMoney(p.basePriceCents, p.currency)}</td>
                <td>{p.updatedAt.toLocaleString()}</td>
                <td className="muted">{p.slug}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListState
          isLoading={list.isLoading}
          isEmpty={list.data?.items.length === 0}
          emptyText="No products match."
        />
      </div>
      {list.data ? (
        <Pagination
          page={list.data.page}
          pageSize={list.data.pageSize}
          total={list.data.total}
          onPage={(page) => setQuery((q) => ({ ...q, page }))}
        />
      ) : null}
    </>
  );
}
