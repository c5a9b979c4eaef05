'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatMoney } from '@souk/core/money';
import { DataTable, formatDateTime, StatusBadge, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { ExportLink } from '@/app/api/export/export-link';
import { errorMessage } from '@/lib/form-errors';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { RUNS_TABLE, SESSION_STATUSES, SESSIONS_TABLE } from './sessions-query';

type SessionRow = RouterOutputs['checkout']['listSessions']['items'][number];
type RunRow = RouterOutputs['checkout']['listRecoveryRuns']['items'][number];

const REGENERABLE: ReadonlySet<string> = new Set(['open', 'abandoned', 'expired']);

type Flash =
  { kind: 'status'; text: string; url?: string } | { kind: 'alert'; text: string } | null;

const RUN_COLUMNS: DataTableColumn<RunRow>[] = [
  { id: 'trigger', header: 'Trigger', cell: (run) => run.trigger },
  { id: 'startedAt', header: 'Started', cell: (run) => formatDateTime(run.startedAt) },
  { id: 'expired', header: 'Expired', className: 'num', cell: (run) => run.expiredCount },
  { id: 'abandoned', header: 'Abandoned', className: 'num', cell: (run) => run.abandonedCount },
  { id: 'emails', header: 'Emails', className: 'num', cell: (run) => run.emailsQueued },
  { id: 'slack', header: 'Slack', className: 'num', cell: (run) => run.slackQueued },
  { id: 'skipped', header: 'Skipped', className: 'num', cell: (run) => run.skippedCount },
];

export function SessionsTable({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useUrlTableState(SESSIONS_TABLE);
  const runsState = useUrlTableState(RUNS_TABLE);
  const [notice, setNotice] = useState<Flash>(null);
  const list = useQuery({
    ...trpc.checkout.listSessions.queryOptions(sessions.query),
    placeholderData: keepPreviousData,
  });
  const runs = useQuery({
    ...trpc.checkout.listRecoveryRuns.queryOptions(runsState.query),
    placeholderData: keepPreviousData,
  });

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.checkout.pathKey() });
  const onError = (error: unknown) => setNotice({ kind: 'alert', text: errorMessage(error) });

  const regenerate = useMutation(
    trpc.checkout.regenerateSession.mutationOptions({
      onError,
      onSuccess: async (fresh) => {
        setNotice({ kind: 'status', text: 'New checkout link created', url: fresh.url });
        await refresh();
      },
    }),
  );
  const recovery = useMutation(
    trpc.checkout.runRecovery.mutationOptions({
      onError,
      onSuccess: async (run) => {
        setNotice({
          kind: 'status',
          text: `Recovery sweep done: ${run.abandonedCount} abandoned, ${run.expiredCount} expired, ${run.emailsQueued} emails queued, ${run.slackQueued} Slack alerts, ${run.skippedCount} skipped`,
        });
        await refresh();
      },
    }),
  );
  const monitor = useMutation(
    trpc.checkout.runOrchestrationMonitor.mutationOptions({
      onError,
      onSuccess: async (summary) => {
        setNotice({
          kind: 'status',
          text: `Orchestration monitor done: ${summary.processed} processed, ${summary.prompted} prompted, ${summary.skipped} skipped, ${summary.escalated} escalated`,
        });
        await refresh();
      },
    }),
  );
  const busy = regenerate.isPending || recovery.isPending || monitor.isPending;

  const columns: DataTableColumn<SessionRow>[] = [
    {
      id: 'order',
      header: 'Order',
      cell: (row) => (
        <>
          <Link href={`/admin/orders/${row.invoice.order.id}`}>#{row.invoice.order.number}</Link>
          <div className="muted">{row.invoice.order.customerEmail}</div>
        </>
      ),
    },
    { id: 'invoice', header: 'Invoice #', cell: (row) => row.invoice.number },
    {
      id: 'amount',
      header: 'Amount',
      className: 'num',
      cell: (row) => formatMoney(row.amountCents, row.currency),
    },
    { id: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} /> },
    { id: 'expiresAt', header: 'Expires', cell: (row) => formatDateTime(row.expiresAt) },
    {
      id: 'recoveryAttempts',
      header: 'Recovery attempts',
      className: 'num',
      cell: (row) => row.recoveryAttempts,
    },
    { id: 'updatedAt', header: 'Updated', cell: (row) => formatDateTime(row.updatedAt) },
  ];
  if (canManage) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      cell: (row) =>
        REGENERABLE.has(row.status) ? (
          <button
            type="button"
            className="button-small"
            disabled={busy}
            onClick={() => {
              setNotice(null);
              // The row as loaded: a stale view must get the conflict, not a refetch.
              regenerate.mutate({ id: row.id, expectedUpdatedAt: row.updatedAt });
            }}
          >
            Regenerate
          </button>
        ) : null,
    });
  }

  return (
    <>
      <div className="page-head">
        <h1>Checkout sessions</h1>
        <ExportLink list="checkout-sessions" query={sessions.query} />
        {canManage ? (
          <span className="inline-actions">
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setNotice(null);
                recovery.mutate();
              }}
            >
              Run recovery sweep
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setNotice(null);
                monitor.mutate();
              }}
            >
              Run orchestration monitor
            </button>
          </span>
        ) : null}
      </div>
      <DataTable
        label="Checkout sessions"
        noun={['session', 'sessions']}
        columns={columns}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(row) => row.id}
        control={sessions.control}
        filterLabel="Filter checkout sessions"
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'session-status-filter',
            label: 'Status',
            options: SESSION_STATUSES,
          },
        ]}
        notices={
          <>
            {notice?.kind === 'status' ? (
              <div className="notice notice-success" role="status">
                {notice.text}
                {notice.url ? (
                  <>
                    : <a href={notice.url}>{notice.url}</a>
                  </>
                ) : null}
              </div>
            ) : null}
            {notice?.kind === 'alert' ? (
              <div className="notice notice-error" role="alert">
                {notice.text}
              </div>
            ) : null}
          </>
        }
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No checkout sessions match."
      />

      <h2>Recent recovery runs</h2>
      <DataTable
        label="Recent recovery runs"
        noun={['run', 'runs']}
        columns={RUN_COLUMNS}
        data={runs.data?.items}
        total={runs.data?.total}
        getRowId={(run) => run.id}
        control={runsState.control}
        isLoading={runs.isLoading}
        error={runs.error?.message}
        emptyText="No recovery runs yet."
      />
    </>
  );
}
