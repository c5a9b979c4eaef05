'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { DataTable, formatDateTime, StatusBadge, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { InvoiceTabs } from '../invoice-tabs';
import { MISMATCHES_TABLE } from '../invoices-query';

type Row = RouterOutputs['finance']['listInvoiceMismatches']['items'][number];

const COLUMNS: DataTableColumn<Row>[] = [
  {
    id: 'number',
    header: 'Invoice',
    cell: (i) => <Link href={`/admin/invoices/${i.id}`}>#{i.number}</Link>,
  },
  { id: 'status', header: 'Status', cell: (i) => <StatusBadge status={i.status} /> },
  {
    id: 'kind',
    header: 'Disagreement',
    cell: (i) => i.kindLabel ?? <span className="muted">None: status and payments agree</span>,
  },
  {
    id: 'totalCents',
    header: 'Total',
    className: 'num',
    cell: (i) => formatMoney(i.totalCents, i.currency),
  },
  {
    id: 'settledCents',
    header: 'Settled payments',
    className: 'num',
    cell: (i) => formatMoney(i.settledCents, i.currency),
  },
  {
    id: 'payments',
    header: 'Payments (settled)',
    className: 'num',
    cell: (i) => `${i.paymentCount} (${i.succeededPaymentCount})`,
  },
  {
    id: 'lastPaymentAt',
    header: 'Last payment',
    cell: (i) => formatDateTime(i.lastPaymentAt, 'None'),
  },
  {
    id: 'action',
    header: 'Action',
    hideHeader: true,
    cell: (i) =>
      i.kind ? (
        <Link href={i.reconcileHref} aria-label={`Reconcile invoice #${i.number}`}>
          Reconcile
        </Link>
      ) : null,
  },
];

const SHOW_OPTIONS = [
  { value: 'mismatch', label: 'Mismatches only' },
  { value: 'all', label: 'Every invoice' },
];

/** Spec 002 "How to detect invoice mismatches": invoices whose status and payments disagree. */
export function MismatchesTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(MISMATCHES_TABLE);
  const list = useQuery({
    ...trpc.finance.listInvoiceMismatches.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div className="page-head">
        <h1>Invoice mismatches</h1>
      </div>
      <InvoiceTabs current="/admin/invoices/mismatches" />
      <p className="muted">
        Settled payments are succeeded ones (and refunded ones, which were collected first).
        Reconciling an invoice sets its status from them; nothing is asked of the processor.
      </p>
      <DataTable
        label="Invoice mismatches"
        noun={['invoice', 'invoices']}
        columns={COLUMNS}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(i) => i.id}
        control={control}
        filterLabel="Filter the report"
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'mismatch-status',
            label: 'Show',
            options: SHOW_OPTIONS,
          },
        ]}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No mismatches: every invoice's status agrees with its payments."
      />
    </>
  );
}
