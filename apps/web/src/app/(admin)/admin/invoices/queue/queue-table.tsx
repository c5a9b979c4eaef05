'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DataTable, formatNumber, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { invoiceColumns } from '../invoice-columns';
import { InvoiceTabs } from '../invoice-tabs';
import { QUEUE_TABLE } from '../invoices-query';

type Row = RouterOutputs['finance']['listInvoiceQueue']['items'][number];

const COLUMNS: DataTableColumn<Row>[] = [
  ...invoiceColumns<Row>({ sortable: false }),
  {
    id: 'daysOverdue',
    header: 'Days overdue',
    className: 'num',
    cell: (i) => (i.daysOverdue > 0 ? formatNumber(i.daysOverdue) : '—'),
  },
];

const STATUS_OPTIONS = [
  { value: 'overdue', label: 'Overdue' },
  { value: 'unpaid', label: 'Unpaid, not yet due' },
];

/** Spec 002's invoices queue: what finance should chase, the longest overdue first. */
export function QueueTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(QUEUE_TABLE);
  const list = useQuery({
    ...trpc.finance.listInvoiceQueue.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div className="page-head">
        <h1>Invoices queue</h1>
      </div>
      <InvoiceTabs current="/admin/invoices/queue" />
      <DataTable
        label="Invoices to chase"
        noun={['invoice', 'invoices']}
        columns={COLUMNS}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(i) => i.id}
        control={control}
        filterLabel="Filter the queue"
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'queue-status',
            label: 'Show',
            options: STATUS_OPTIONS,
          },
        ]}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="Nothing to chase: no unpaid invoices."
      />
    </>
  );
}
