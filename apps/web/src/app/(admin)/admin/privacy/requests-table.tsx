'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DataTable, formatDateTime, StatusBadge, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { DATA_REQUESTS_TABLE } from './privacy-query';

type RequestRow = RouterOutputs['privacy']['listDataRequests']['items'][number];

const KIND_WORDS = { export: 'Export', deletion: 'Deletion' } as const;

/** The result's counts in words ("orders 2, files deleted 1"), skipping what is zero. */
function describeResult(result: unknown): string {
  if (!result || typeof result !== 'object') return '';
  return Object.entries(result as Record<string, unknown>)
    .filter(([, value]) => typeof value === 'number' && value > 0)
    .map(([key, value]) => `${key.replace(/([A-Z])/g, ' $1').toLowerCase()} ${String(value)}`)
    .join(', ');
}

export function RequestsTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(DATA_REQUESTS_TABLE);
  const list = useQuery({
    ...trpc.privacy.listDataRequests.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  const columns: DataTableColumn<RequestRow>[] = [
    { id: 'kind', header: 'Kind', cell: (row) => KIND_WORDS[row.kind] },
    { id: 'subject', header: 'Person', cell: (row) => row.subjectEmail },
    { id: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} /> },
    { id: 'createdAt', header: 'Requested', cell: (row) => formatDateTime(row.createdAt) },
    { id: 'completedAt', header: 'Completed', cell: (row) => formatDateTime(row.completedAt) },
    {
      id: 'result',
      header: 'Result',
      cell: (row) => (row.status === 'completed' ? describeResult(row.result) : ''),
    },
  ];

  return (
    <DataTable
      label="Data requests"
      noun={['request', 'requests']}
      columns={columns}
      data={list.data?.items}
      total={list.data?.total}
      getRowId={(row) => row.id}
      control={control}
      filterLabel="Filter requests"
      filters={[
        {
          kind: 'select',
          key: 'kind',
          id: 'privacy-kind-filter',
          label: 'Kind',
          options: ['export', 'deletion'],
        },
        {
          kind: 'select',
          key: 'status',
          id: 'privacy-status-filter',
          label: 'Status',
          options: ['pending', 'completed'],
        },
      ]}
      isLoading={list.isLoading}
      error={list.error?.message}
      emptyText="No export or deletion requests yet."
    />
  );
}
