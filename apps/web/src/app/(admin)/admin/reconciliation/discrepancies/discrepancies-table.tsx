'use client';

import Link from 'next/link';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  DISCREPANCY_KIND_WORDS,
  DISCREPANCY_KINDS,
  DISCREPANCY_SEVERITIES,
  DISCREPANCY_STATUSES,
} from '@souk/core/client';
import { DataTable, formatDateTime, formatStatus, StatusBadge } from '@souk/ui';
import type { DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { ReconciliationTabs } from '../reconciliation-tabs';
import { DISCREPANCIES_TABLE } from '../reconciliation-query';
import { sideAmount } from './discrepancy-words';

type Discrepancy = RouterOutputs['reconciliation']['listDiscrepancies']['items'][number];

const COLUMNS: DataTableColumn<Discrepancy>[] = [
  { id: 'createdAt', header: 'Found', cell: (d) => formatDateTime(d.createdAt) },
  {
    id: 'kind',
    header: 'Discrepancy',
    cell: (d) => (
      <Link href={`/admin/reconciliation/discrepancies/${d.id}`}>
        {DISCREPANCY_KIND_WORDS[d.kind]}
      </Link>
    ),
  },
  { id: 'severity', header: 'Severity', cell: (d) => formatStatus(d.severity) },
  { id: 'status', header: 'Status', cell: (d) => <StatusBadge status={d.status} /> },
  {
    id: 'processor',
    header: 'At the processor',
    cell: (d) => (
      <>
        <div>{sideAmount(d.processorAmountCents, d.currency)}</div>
        <div className="muted">{d.processorObjectId ?? '—'}</div>
      </>
    ),
  },
  {
    id: 'local',
    header: 'In Souk',
    cell: (d) => (
      <>
        <div>{sideAmount(d.localAmountCents, d.currency)}</div>
        <div className="muted">{d.localStatus ? formatStatus(d.localStatus) : 'No record'}</div>
      </>
    ),
  },
];

const options = <T extends string>(values: readonly T[], words?: Record<T, string>) =>
  values.map((value) => ({ value, label: words?.[value] ?? formatStatus(value) }));

export function DiscrepanciesTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(DISCREPANCIES_TABLE);
  const list = useQuery({
    ...trpc.reconciliation.listDiscrepancies.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div className="page-head">
        <h1>Discrepancies</h1>
      </div>
      <ReconciliationTabs current="/admin/reconciliation/discrepancies" />
      {query.runId ? (
        <p>
          Found by one run. <Link href="/admin/reconciliation/discrepancies">Show all runs</Link>
        </p>
      ) : null}
      <DataTable
        label="Discrepancies"
        noun={['discrepancy', 'discrepancies']}
        columns={COLUMNS}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(d) => d.id}
        control={control}
        filterLabel="Filter discrepancies"
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'discrepancy-status',
            label: 'Status',
            options: options(DISCREPANCY_STATUSES),
          },
          {
            kind: 'select',
            key: 'kind',
            id: 'discrepancy-kind',
            label: 'Kind',
            options: options(DISCREPANCY_KINDS, DISCREPANCY_KIND_WORDS),
          },
          {
            kind: 'select',
            key: 'severity',
            id: 'discrepancy-severity',
            label: 'Severity',
            options: options(DISCREPANCY_SEVERITIES),
          },
        ]}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No discrepancies match."
      />
    </>
  );
}
