'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatMoney } from '@souk/core/money';
import { EmptyState, ListState, Notice, Pagination, StatusBadge, StatusFilter } from '@souk/ui';
import type { RouterInputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';

type ListInput = RouterInputs['checkout']['listSessions'];

const STATUSES = ['open', 'abandoned', 'expired', 'completed', 'superseded'] as const;
const REGENERABLE: ReadonlySet<string> = new Set(['open', 'abandoned', 'expired']);
/** Must match page.tsx's prefetch, so the first page of runs arrives with the HTML. */
const RUNS_PAGE_SIZE = 10;

type Flash =
  { kind: 'status'; text: string; url?: string } | { kind: 'alert'; text: string } | null;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
}

export function SessionsTable({
  initialQuery,
  canManage,
}: {
  initialQuery: ListInput;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState<ListInput>(initialQuery);
  const [notice, setNotice] = useState<Flash>(null);
  const list = useQuery({
    ...trpc.checkout.listSessions.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const [runsPage, setRunsPage] = useState(1);
  const runs = useQuery({
    ...trpc.checkout.listRecoveryRuns.queryOptions({ page: runsPage, pageSize: RUNS_PAGE_SIZE }),
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
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;

  return (
    <>
      <div className="page-head">
        <h1>Checkout sessions</h1>
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
      <form
        className="toolbar"
        aria-label="Filter checkout sessions"
        onSubmit={(e) => e.preventDefault()}
      >
        <StatusFilter
          id="session-status-filter"
          value={query.status}
          options={STATUSES}
          onChange={(status) => setQuery((q) => ({ ...q, page: 1, status }))}
        />
      </form>
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
      <Notice kind="error">{list.error?.message}</Notice>
      <div className="table-wrap">
        <table aria-label="Checkout sessions">
          <thead>
            <tr>
              <th>Order</th>
              <th>Invoice #</th>
              <th className="num">Amount</th>
              <th>Status</th>
              <th>Expires</th>
              <th className="num">Recovery attempts</th>
              <th>Updated</th>
              {canManage ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {list.data?.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/admin/orders/${row.invoice.order.id}`}>
                    #{row.invoice.order.number}
                  </Link>
                  <div className="muted">{row.invoice.order.customerEmail}</div>
                </td>
                <td>{row.invoice.number}</td>
                <td className="num">{formatMoney(row.amountCents, row.currency)}</td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td>{row.expiresAt.toLocaleString()}</td>
                <td className="num">{row.recoveryAttempts}</td>
                <td>{row.updatedAt.toLocaleString()}</td>
                {canManage ? (
                  <td>
                    {REGENERABLE.has(row.status) ? (
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
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        <ListState
          isLoading={list.isLoading}
          isEmpty={list.data?.rows.length === 0}
          emptyText="No checkout sessions match."
        />
      </div>
      {list.data ? (
        <Pagination
          page={page}
          pageSize={pageSize}
          total={list.data.total}
          onPage={(p) => setQuery((q) => ({ ...q, page: p }))}
        />
      ) : null}

      <h2>Recent recovery runs</h2>
      <Notice kind="error">{runs.error?.message}</Notice>
      <div className="table-wrap">
        <table aria-label="Recent recovery runs">
          <thead>
            <tr>
              <th>Trigger</th>
              <th>Started</th>
              <th className="num">Expired</th>
              <th className="num">Abandoned</th>
              <th className="num">Emails</th>
              <th className="num">Slack</th>
              <th className="num">Skipped</th>
            </tr>
          </thead>
          <tbody>
            {runs.data?.items.map((run) => (
              <tr key={run.id}>
                <td>{run.trigger}</td>
                <td>{run.startedAt.toLocaleString()}</td>
                <td className="num">{run.expiredCount}</td>
                <td className="num">{run.abandonedCount}</td>
                <td className="num">{run.emailsQueued}</td>
                <td className="num">{run.slackQueued}</td>
                <td className="num">{run.skippedCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {runs.data && runs.data.total === 0 ? <EmptyState>No recovery runs yet.</EmptyState> : null}
      </div>
      {runs.data && runs.data.total > RUNS_PAGE_SIZE ? (
        <div className="pagination" role="group" aria-label="Recovery runs pages">
          <span>
            Page {runsPage} of {Math.ceil(runs.data.total / RUNS_PAGE_SIZE)} ({runs.data.total}{' '}
            runs)
          </span>
          <button
            type="button"
            className="button-small"
            disabled={runsPage <= 1}
            onClick={() => setRunsPage((p) => p - 1)}
          >
            Previous runs
          </button>
          <button
            type="button"
            className="button-small"
            disabled={runsPage * RUNS_PAGE_SIZE >= runs.data.total}
            onClick={() => setRunsPage((p) => p + 1)}
          >
            Next runs
          </button>
        </div>
      ) : null}
    </>
  );
}
