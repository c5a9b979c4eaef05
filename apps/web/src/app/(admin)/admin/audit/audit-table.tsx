'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DataTable, formatDateTime, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { ExportLink } from '@/app/api/export/export-link';
import { useRowDetail } from '@/components/row-detail';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { AUDIT_TABLE } from './audit-query';

type Entry = RouterOutputs['audit']['listEntries']['items'][number];

export function AuditTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(AUDIT_TABLE);
  const changes = useRowDetail<Entry>({
    id: 'changes',
    header: 'Changes',
    show: 'Show changes',
    hide: 'Hide changes',
  });
  const list = useQuery({
    ...trpc.audit.listEntries.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  const columns: DataTableColumn<Entry>[] = [
    { id: 'createdAt', header: 'When', cell: (row) => formatDateTime(row.createdAt) },
    { id: 'actor', header: 'Actor', cell: (row) => row.actorEmail ?? 'system' },
    { id: 'action', header: 'Action', cell: (row) => row.action },
    {
      id: 'entity',
      header: 'Entity',
      cell: (row) => (
        <>
          {row.entityType}
          {row.entityId ? <span className="muted"> {row.entityId.slice(0, 8)}</span> : null}
        </>
      ),
    },
    {
      id: 'request',
      header: 'Request',
      cell: (row) => <span className="muted">{row.requestId?.slice(0, 8) ?? '—'}</span>,
    },
    changes.column,
  ];

  return (
    <>
      <div className="page-head">
        <h1>Audit log</h1>
        <ExportLink list="audit" query={query} />
      </div>
      <DataTable
        label="Audit log"
        noun={['entry', 'entries']}
        columns={columns}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(row) => row.id}
        control={control}
        filterLabel="Filter audit log"
        filters={[
          {
            kind: 'text',
            key: 'action',
            id: 'audit-action',
            label: 'Action',
            placeholder: 'e.g. product.updated',
          },
          {
            kind: 'text',
            key: 'entityType',
            id: 'audit-entityType',
            label: 'Entity type',
            placeholder: 'e.g. product',
          },
          {
            kind: 'text',
            key: 'actorEmail',
            id: 'audit-actorEmail',
            label: 'Actor email',
            placeholder: 'e.g. admin@',
          },
        ]}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No audit entries match."
        renderDetail={(row) =>
          changes.isOpen(row) ? (
            <div style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
              <div>
                <strong>Before</strong>
                <pre className="json">{row.before ? JSON.stringify(row.before, null, 2) : '—'}</pre>
              </div>
              <div>
                <strong>After</strong>
                <pre className="json">{row.after ? JSON.stringify(row.after, null, 2) : '—'}</pre>
              </div>
            </div>
          ) : null
        }
      />
    </>
  );
}
