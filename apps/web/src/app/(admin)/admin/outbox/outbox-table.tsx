'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable, formatDateTime, Notice, StatusBadge, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { ExportLink } from '@/app/api/export/export-link';
import { useRowDetail } from '@/components/row-detail';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { OutboxMessagePreview } from './email-preview';
import { OUTBOX_TABLE } from './outbox-query';

type Message = RouterOutputs['outbox']['listMessages']['items'][number];

const STATUS_OPTIONS = [
  'pending',
  'delivered',
  { value: 'dead', label: 'Dead letters (DLQ)' },
] as const;

// Spec 002's DLQ `kind`: accounting export deliveries apart from other messages.
const KIND_OPTIONS = [
  { value: 'outbox', label: 'Messages' },
  { value: 'export', label: 'Exports' },
] as const;

export function OutboxTable({ canReplay }: { canReplay: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { query, control } = useUrlTableState(OUTBOX_TABLE);
  const preview = useRowDetail<Message>({
    id: 'body',
    header: 'Message',
    show: 'View',
    hide: 'Hide',
  });
  const [done, setDone] = useState<string | null>(null);
  const list = useQuery({
    ...trpc.outbox.listMessages.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const replay = useMutation(
    trpc.outbox.replayMessage.mutationOptions({
      onMutate: () => setDone(null),
      onSuccess: () => setDone('Message queued for delivery again.'),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.outbox.pathKey() }),
    }),
  );

  const columns: DataTableColumn<Message>[] = [
    { id: 'createdAt', header: 'Created', cell: (row) => formatDateTime(row.createdAt) },
    {
      id: 'kind',
      header: 'Kind',
      cell: (row) =>
        row.export ? (
          <>
            Export{' '}
            <a href={`/api/export/accounting-events/${row.export.id}`} download>
              {row.export.fileName}
            </a>
          </>
        ) : row.kind === 'export' ? (
          'Export'
        ) : (
          'Message'
        ),
    },
    { id: 'channel', header: 'Channel', cell: (row) => row.channel },
    { id: 'topic', header: 'Topic', cell: (row) => row.topic },
    { id: 'recipient', header: 'Recipient', cell: (row) => row.recipient ?? '—' },
    { id: 'subject', header: 'Subject', cell: (row) => row.subject ?? '—' },
    { id: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} /> },
    { id: 'attempts', header: 'Attempts', className: 'num', cell: (row) => row.attempts },
    { id: 'lastError', header: 'Last error', cell: (row) => row.lastError ?? '' },
    preview.column,
  ];
  if (canReplay) {
    columns.push({
      id: 'replay',
      header: 'Actions',
      hideHeader: true,
      cell: (row) =>
        row.status === 'dead' ? (
          <button
            type="button"
            className="button-small"
            disabled={replay.isPending}
            onClick={() => replay.mutate({ id: row.id })}
          >
            Replay
          </button>
        ) : null,
    });
  }

  return (
    <>
      <div className="page-head">
        <h1>Outbox</h1>
        <ExportLink list="outbox" query={query} />
      </div>
      <p className="muted">
        Email, Slack and webhook messages are written here in the same transaction as the change
        that caused them, then delivered with retries. Messages for channels that are not configured
        stay pending here.
      </p>
      <DataTable
        label="Outbox"
        noun={['message', 'messages']}
        columns={columns}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(row) => row.id}
        control={control}
        filterLabel="Filter outbox"
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'outbox-status-filter',
            label: 'Status',
            options: STATUS_OPTIONS,
          },
          {
            kind: 'select',
            key: 'kind',
            id: 'outbox-kind-filter',
            label: 'Kind',
            options: KIND_OPTIONS,
          },
        ]}
        notices={
          <>
            <Notice kind="success">{done}</Notice>
            <Notice kind="error">{replay.error?.message}</Notice>
          </>
        }
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No outbox messages match."
        renderDetail={(row) => (preview.isOpen(row) ? <OutboxMessagePreview row={row} /> : null)}
      />
    </>
  );
}
