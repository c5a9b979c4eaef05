'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DataTable, formatDateTime, StatusBadge, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { EXPORTS_TABLE } from './exports-query';

type ExportRow = RouterOutputs['finance']['listExportEvents']['items'][number];

const STATUS_OPTIONS = ['stored', 'pending', 'delivered', 'failed'] as const;

export function ExportsTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(EXPORTS_TABLE);
  const list = useQuery({
    ...trpc.finance.listExportEvents.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  const columns: DataTableColumn<ExportRow>[] = [
    {
      id: 'month',
      header: 'Month',
      cell: (row) => row.periodStart.toISOString().slice(0, 7),
    },
    {
      id: 'file',
      header: 'File',
      cell: (row) => (
        <a href={`/api/export/accounting-events/${row.id}`} download>
          {row.fileName}
        </a>
      ),
    },
    { id: 'rowCount', header: 'Invoices', className: 'num', cell: (row) => row.rowCount },
    { id: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} /> },
    { id: 'attempts', header: 'Delivery attempts', className: 'num', cell: (row) => row.attempts },
    { id: 'lastError', header: 'Last error', cell: (row) => row.lastError ?? '' },
    { id: 'createdAt', header: 'Created', cell: (row) => formatDateTime(row.createdAt) },
  ];

  return (
    <DataTable
      label="Monthly exports"
      noun={['export', 'exports']}
      columns={columns}
      data={list.data?.items}
      total={list.data?.total}
      getRowId={(row) => row.id}
      control={control}
      filterLabel="Filter exports"
      filters={[
        {
          kind: 'select',
          key: 'status',
          id: 'exports-status-filter',
          label: 'Status',
          options: STATUS_OPTIONS,
        },
      ]}
      isLoading={list.isLoading}
      error={list.error?.message}
      emptyText="No exports yet. The monthly job writes one on the 1st, or export a month above."
    />
  );
}
