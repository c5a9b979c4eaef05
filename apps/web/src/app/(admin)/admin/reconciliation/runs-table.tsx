'use client';

import Link from 'next/link';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DataTable, formatDateTime, formatNumber, formatStatus, StatusBadge } from '@souk/ui';
import type { DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { ReconciliationTabs } from './reconciliation-tabs';
import { RUNS_TABLE } from './reconciliation-query';
import { RunNowButton } from './run-now-button';

type Run = RouterOutputs['reconciliation']['listRuns']['items'][number];

const TRIGGER_WORDS: Record<Run['trigger'], string> = {
  schedule: 'Hourly job',
  cli: 'Command line',
  admin: 'Run now',
};

/** The cursor checkpoints in words: "Checkout session: 3 pages, 212 objects, done". */
function checkpointWords(run: Run): string[] {
  const byKind = new Map<
    string,
    { pages: number; objects: number; done: boolean; resumed: boolean }
  >();
  for (const c of run.checkpoints) {
    const entry = byKind.get(c.kind) ?? { pages: 0, objects: 0, done: false, resumed: false };
    if (c.done) entry.done = true;
    else {
      entry.pages += 1;
      entry.objects += c.objects;
    }
    if (c.resumed) entry.resumed = true;
    byKind.set(c.kind, entry);
  }
  return [...byKind].map(
    ([kind, e]) =>
      `${formatStatus(kind)}: ${formatNumber(e.pages)} ${e.pages === 1 ? 'page' : 'pages'}, ${formatNumber(e.objects)} objects${e.resumed ? ', resumed' : ''}${e.done ? ', done' : ''}`,
  );
}

const COLUMNS: DataTableColumn<Run>[] = [
  { id: 'startedAt', header: 'Started', cell: (r) => formatDateTime(r.startedAt) },
  { id: 'trigger', header: 'Started by', cell: (r) => TRIGGER_WORDS[r.trigger] },
  {
    id: 'status',
    header: 'Status',
    cell: (r) => (
      <>
        <StatusBadge status={r.status} />
        {r.error ? <div className="muted">{r.error}</div> : null}
      </>
    ),
  },
  {
    id: 'window',
    header: 'Window',
    cell: (r) => `${formatDateTime(r.windowStart)} – ${formatDateTime(r.windowEnd)}`,
  },
  {
    id: 'objectsSeen',
    header: 'Objects',
    className: 'num',
    cell: (r) => formatNumber(r.objectsSeen),
  },
  {
    id: 'discrepanciesFound',
    header: 'New discrepancies',
    className: 'num',
    cell: (r) =>
      r.discrepanciesFound > 0 ? (
        <Link href={`/admin/reconciliation/discrepancies?runId=${r.id}`}>
          {formatNumber(r.discrepanciesFound)}
        </Link>
      ) : (
        '0'
      ),
  },
  {
    id: 'checkpoints',
    header: 'Checkpoints',
    cell: (r) => {
      const lines = checkpointWords(r);
      return lines.length ? (
        <ul className="plain-list">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <span className="muted">None yet</span>
      );
    },
  },
];

export function RunsTable({ canRun }: { canRun: boolean }) {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(RUNS_TABLE);
  const list = useQuery({
    ...trpc.reconciliation.listRuns.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <div className="page-head">
        <h1>Reconciliation</h1>
      </div>
      <p className="muted">
        Each run pages through the payment processor from where the last one stopped and compares
        its payments, refunds and checkout sessions with Souk&apos;s.
      </p>
      <ReconciliationTabs current="/admin/reconciliation" />
      {canRun ? <RunNowButton /> : null}
      <DataTable
        label="Reconciliation runs"
        noun={['run', 'runs']}
        columns={COLUMNS}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(r) => r.id}
        control={control}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No runs yet."
      />
    </>
  );
}
