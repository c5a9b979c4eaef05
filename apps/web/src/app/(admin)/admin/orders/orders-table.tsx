'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { dateOnly, ORDER_STATUSES } from '@souk/core/client';
import { formatMoney } from '@souk/core/money';
import {
  DataTable,
  formatDateTime,
  formatStatus,
  StatusBadge,
  type DataTableColumn,
} from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { ExportLink } from '@/app/api/export/export-link';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { ORDERS_TABLE, PRODUCT_CHOICES } from './orders-query';

type Order = RouterOutputs['orders']['listOrders']['items'][number];

const COLUMNS: DataTableColumn<Order>[] = [
  {
    id: 'number',
    header: 'Order',
    sortable: true,
    cell: (o) => <Link href={`/admin/orders/${o.id}`}>#{o.number}</Link>,
  },
  {
    id: 'createdAt',
    header: 'Placed',
    sortable: true,
    cell: (o) => formatDateTime(o.createdAt),
  },
  {
    id: 'customer',
    header: 'Customer',
    cell: (o) => (
      <>
        {o.customer?.name ? <div>{o.customer.name}</div> : null}
        <span className="muted">{o.customerEmail}</span>
      </>
    ),
  },
  {
    id: 'items',
    header: 'Items',
    cell: (o) => o.items.map((i) => `${i.quantity} × ${i.productName}`).join(', '),
  },
  { id: 'status', header: 'Status', cell: (o) => <StatusBadge status={o.status} /> },
  {
    id: 'totalCents',
    header: 'Total',
    sortable: true,
    className: 'num',
    cell: (o) => formatMoney(o.totalCents, o.currency),
  },
];

const STATUS_OPTIONS = ORDER_STATUSES.map((value) => ({ value, label: formatStatus(value) }));

const isoDate = dateOnly();
function dateProblem(value: string): string | undefined {
  const parsed = isoDate.safeParse(value.trim());
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

export function OrdersTable({ canFilterByProduct }: { canFilterByProduct: boolean }) {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(ORDERS_TABLE);
  const list = useQuery({
    ...trpc.orders.listOrders.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const products = useQuery({
    ...trpc.catalog.listProducts.queryOptions(PRODUCT_CHOICES),
    enabled: canFilterByProduct,
  });

  return (
    <>
      <div className="page-head">
        <h1>Orders</h1>
        <ExportLink list="orders" query={query} />
      </div>
      <DataTable
        label="Orders"
        noun={['order', 'orders']}
        columns={COLUMNS}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(o) => o.id}
        control={control}
        search={{
          id: 'order-search',
          label: 'Search orders',
          placeholder: 'Order number, customer email or name',
        }}
        filterLabel="Filter orders"
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'order-status',
            label: 'Status',
            options: STATUS_OPTIONS,
          },
          {
            kind: 'text',
            key: 'from',
            id: 'order-from',
            label: 'Placed from',
            placeholder: 'YYYY-MM-DD',
            validate: dateProblem,
          },
          {
            kind: 'text',
            key: 'to',
            id: 'order-to',
            label: 'Placed to',
            placeholder: 'YYYY-MM-DD',
            validate: dateProblem,
          },
          ...(canFilterByProduct
            ? [
                {
                  kind: 'select' as const,
                  key: 'productId',
                  id: 'order-product',
                  label: 'Product',
                  options: (products.data?.items ?? []).map((p) => ({
                    value: p.id,
                    label: p.name,
                  })),
                },
              ]
            : []),
        ]}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No orders match."
      />
    </>
  );
}
