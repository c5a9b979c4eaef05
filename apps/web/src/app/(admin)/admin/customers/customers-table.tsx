'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { DataTable, formatDate, formatNumber, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { ExportLink } from '@/app/api/export/export-link';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { CUSTOMERS_TABLE } from './customers-query';

type Customer = RouterOutputs['customers']['listCustomers']['items'][number];

const COLUMNS: DataTableColumn<Customer>[] = [
  {
    id: 'name',
    header: 'Name',
    sortable: true,
    cell: (c) => <Link href={`/admin/customers/${c.id}`}>{c.name ?? c.email}</Link>,
  },
  { id: 'email', header: 'Email', sortable: true, cell: (c) => c.email },
  {
    id: 'ordersCount',
    header: 'Orders',
    className: 'num',
    cell: (c) => formatNumber(c.ordersCount),
  },
  {
    id: 'bookingsCount',
    header: 'Bookings',
    className: 'num',
    cell: (c) => formatNumber(c.bookingsCount),
  },
  {
    id: 'lifetimeValueCents',
    header: 'Lifetime value',
    sortable: true,
    className: 'num',
    cell: (c) => formatMoney(c.lifetimeValueCents, c.currency),
  },
  {
    id: 'lastOrderAt',
    header: 'Last order',
    sortable: true,
    cell: (c) => formatDate(c.lastOrderAt),
  },
];

export function CustomersTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(CUSTOMERS_TABLE);
  const list = useQuery({
    ...trpc.customers.listCustomers.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <div className="page-head">
        <h1>Customers</h1>
        <ExportLink list="customers" query={query} />
      </div>
      <DataTable
        label="Customers"
        noun={['customer', 'customers']}
        columns={COLUMNS}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(c) => c.id}
        control={control}
        search={{
          id: 'customer-search',
          label: 'Search customers',
          placeholder: 'Search email or name',
        }}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No customers match."
      />
    </>
  );
}
