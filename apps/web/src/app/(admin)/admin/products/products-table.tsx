'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { DataTable, formatDateTime, StatusBadge, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { ExportLink } from '@/app/api/export/export-link';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { PRODUCTS_TABLE } from './products-query';

type Product = RouterOutputs['catalog']['listProducts']['items'][number];

const COLUMNS: DataTableColumn<Product>[] = [
  {
    id: 'name',
    header: 'Name',
    sortable: true,
    cell: (p) => <Link href={`/admin/products/${p.id}`}>{p.name}</Link>,
  },
  {
    id: 'status',
    header: 'Status',
    sortable: true,
    cell: (p) => <StatusBadge status={p.status} />,
  },
  {
    id: 'basePriceCents',
    header: 'Price',
    sortable: true,
    className: 'num',
    cell: (p) => formatMoney(p.basePriceCents, p.currency),
  },
  { id: 'updatedAt', header: 'Updated', sortable: true, cell: (p) => formatDateTime(p.updatedAt) },
  { id: 'slug', header: 'Slug', cell: (p) => <span className="muted">{p.slug}</span> },
];

const STATUS_OPTIONS = [
  { value: 'active', label: 'Active' },
  { value: 'draft', label: 'Draft' },
  { value: 'archived', label: 'Archived' },
];

export function ProductsTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(PRODUCTS_TABLE);
  const list = useQuery({
    ...trpc.catalog.listProducts.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const me = useQuery(trpc.auth.getCurrentUser.queryOptions());
  const canWrite = me.data?.permissions.includes('catalog.write') ?? false;

  return (
    <>
      <div className="page-head">
        <h1>Products</h1>
        <ExportLink list="products" query={query} />
        {canWrite ? (
          <Link href="/admin/products/new" className="button button-primary">
            New product
          </Link>
        ) : null}
      </div>
      <DataTable
        label="Products"
        noun={['product', 'products']}
        columns={COLUMNS}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(p) => p.id}
        control={control}
        search={{
          id: 'product-search',
          label: 'Search products',
          placeholder: 'Search name or slug',
        }}
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'status-filter',
            label: 'Status',
            options: STATUS_OPTIONS,
          },
        ]}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No products match."
      />
    </>
  );
}
