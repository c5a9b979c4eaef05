'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dateOnly, INVOICE_STATUSES } from '@souk/core/client';
import { DataTable, formatStatus } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { invoiceColumns } from './invoice-columns';
import { InvoiceTabs } from './invoice-tabs';
import { INVOICES_TABLE } from './invoices-query';

type Invoice = RouterOutputs['finance']['listInvoices']['items'][number];

const COLUMNS = invoiceColumns<Invoice>({ sortable: true });
const STATUS_OPTIONS = INVOICE_STATUSES.map((value) => ({ value, label: formatStatus(value) }));

const isoDate = dateOnly();
function dateProblem(value: string): string | undefined {
  const parsed = isoDate.safeParse(value.trim());
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

export function InvoicesTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(INVOICES_TABLE);
  const list = useQuery({
    ...trpc.finance.listInvoices.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div className="page-head">
        <h1>Invoices</h1>
      </div>
      <InvoiceTabs current="/admin/invoices" />
      <DataTable
        label="Invoices"
        noun={['invoice', 'invoices']}
        columns={COLUMNS}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(i) => i.id}
        control={control}
        search={{
          id: 'invoice-search',
          label: 'Search invoices',
          placeholder: 'Invoice or order number, customer email',
        }}
        filterLabel="Filter invoices"
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'invoice-status',
            label: 'Status',
            options: STATUS_OPTIONS,
          },
          {
            kind: 'text',
            key: 'from',
            id: 'invoice-from',
            label: 'Issued from',
            placeholder: 'YYYY-MM-DD',
            validate: dateProblem,
          },
          {
            kind: 'text',
            key: 'to',
            id: 'invoice-to',
            label: 'Issued to',
            placeholder: 'YYYY-MM-DD',
            validate: dateProblem,
          },
        ]}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No invoices match."
      />
    </>
  );
}
