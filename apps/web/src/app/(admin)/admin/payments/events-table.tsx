'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { DataTable, formatDateTime, Notice, StatusBadge, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { ExportLink } from '@/app/api/export/export-link';
import { errorMessage } from '@/lib/form-errors';
import { idFilterProblem } from '@/lib/url-table-state';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { EVENT_STATUS_OPTIONS, formatLag, shortId } from './event-filters';
import { EVENTS_TABLE } from './events-query';
import { EventsSummary } from './events-summary';
import { ReplayFailed } from './replay-failed';

type EventRow = RouterOutputs['payments']['listEvents']['items'][number];
type Flash = { kind: 'error' | 'success'; text: string } | null;

const HAS_REASON: ReadonlySet<string> = new Set(['waiting', 'failed']);

export function EventsTable({ canReplay }: { canReplay: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { query, control } = useUrlTableState(EVENTS_TABLE);
  const [flash, setFlash] = useState<Flash>(null);
  // The last replay outcome per row, shown beside its button until the page is left.
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const list = useQuery({
    ...trpc.payments.listEvents.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const summary = useQuery(trpc.payments.getEventsSummary.queryOptions());

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.payments.pathKey() });
  const fail = (error: unknown) => setFlash({ kind: 'error', text: errorMessage(error) });
  const replay = useMutation(
    trpc.payments.replayEvent.mutationOptions({
      onMutate: () => setFlash(null),
      onError: fail,
      onSuccess: (outcome, { id }) => {
        setOutcomes((o) => ({ ...o, [id]: outcome.status }));
        const why = outcome.status === 'processed' ? '' : ` — ${outcome.error}`;
        setFlash({
          kind: 'success',
          text: `Replayed: ${outcome.status}${why} (${outcome.eventId})`,
        });
      },
      onSettled: refresh,
    }),
  );

  const isFiltered = Boolean(query.status || query.type || query.invoiceId || query.bookingId);
  const busy = replay.isPending;

  const columns: DataTableColumn<EventRow>[] = [
    { id: 'eventId', header: 'Event id', cell: (row) => <code>{row.eventId}</code> },
    { id: 'type', header: 'Type', cell: (row) => row.type },
    { id: 'status', header: 'Status', cell: (row) => <StatusBadge status={row.status} /> },
    { id: 'attempts', header: 'Attempts', className: 'num', cell: (row) => row.attempts },
    { id: 'receivedAt', header: 'Received', cell: (row) => formatDateTime(row.receivedAt) },
    {
      id: 'lag',
      header: 'Receipt to applied',
      className: 'num',
      cell: (row) => formatLag(row.lagMs),
    },
    {
      id: 'targets',
      header: 'Invoice / booking',
      cell: (row) => (
        <Targets
          row={row}
          onInvoice={(invoiceId) => control.update({ filters: { invoiceId }, page: 1 })}
        />
      ),
    },
    { id: 'reason', header: 'Reason', cell: (row) => <Reason row={row} /> },
  ];
  if (canReplay) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      cell: (row) =>
        row.status === 'unrouted' ? null : (
          <span className="inline-actions">
            <button
              type="button"
              className="button-small"
              disabled={busy}
              onClick={() => replay.mutate({ id: row.id })}
            >
              {busy && replay.variables?.id === row.id ? 'Replaying…' : 'Replay'}
            </button>
            {outcomes[row.id] ? (
              <span className="muted">Last replay: {outcomes[row.id]}</span>
            ) : null}
          </span>
        ),
    });
  }

  return (
    <>
      <div className="page-head">
        <h1>Payment events</h1>
        <ExportLink list="payment-events" query={query} />
        {canReplay ? (
          <span className="inline-actions">
            <ReplayFailed
              failedCount={summary.data?.byStatus.failed}
              onStart={() => setFlash(null)}
              onError={fail}
              onDone={(requeued) => {
                setFlash({
                  kind: 'success',
                  text:
                    requeued === 0
                      ? 'No failed events to requeue.'
                      : `Requeued ${requeued} failed ${requeued === 1 ? 'event' : 'events'}; the worker applies them again shortly.`,
                });
                return refresh();
              }}
            />
          </span>
        ) : null}
      </div>
      <p className="muted">
        Processor webhooks as received, with how and when each was applied. Payloads stay in the
        ledger.
      </p>
      <Notice kind="error">{summary.error?.message}</Notice>
      <EventsSummary
        summary={summary.data}
        status={query.status}
        onStatus={(status) => control.update({ filters: { status }, page: 1 })}
      />
      <DataTable
        label="Payment events"
        noun={['event', 'events']}
        columns={columns}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(row) => row.id}
        control={control}
        filterLabel="Filter payment events"
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'event-status-filter',
            label: 'Status',
            options: EVENT_STATUS_OPTIONS,
          },
          {
            kind: 'text',
            key: 'type',
            id: 'event-type-filter',
            label: 'Type',
            placeholder: 'e.g. charge.refunded',
          },
          {
            kind: 'text',
            key: 'invoiceId',
            id: 'event-invoice-filter',
            label: 'Invoice id',
            validate: idFilterProblem('invoice'),
          },
          {
            kind: 'text',
            key: 'bookingId',
            id: 'event-booking-filter',
            label: 'Booking id',
            validate: idFilterProblem('booking'),
          },
        ]}
        notices={<Notice kind={flash?.kind ?? 'success'}>{flash?.text}</Notice>}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText={
          isFiltered
            ? 'No payment events match.'
            : 'No payment events yet. Webhooks from the processor appear here as they arrive.'
        }
      />
    </>
  );
}

/** What the event is about: the booking page when there is one; invoices have no page. */
function Targets({ row, onInvoice }: { row: EventRow; onInvoice: (id: string) => void }) {
  const { invoiceId, bookingId } = row;
  if (!invoiceId && !bookingId) return <>—</>;
  return (
    <>
      {invoiceId ? (
        <div>
          <button
            type="button"
            className="button-link"
            title={`Show only the events of invoice ${invoiceId}`}
            onClick={() => onInvoice(invoiceId)}
          >
            Invoice {shortId(invoiceId)}
          </button>
        </div>
      ) : null}
      {bookingId ? (
        <div>
          <Link href={`/admin/marketplace/bookings/${bookingId}`} title={bookingId}>
            Booking {shortId(bookingId)}
          </Link>
        </div>
      ) : null}
    </>
  );
}

/** Why a waiting or failed event is not applied, and for a waiting one what and when next. */
function Reason({ row }: { row: EventRow }) {
  if (!HAS_REASON.has(row.status)) return null;
  return (
    <>
      {row.error ? <div>{row.error}</div> : null}
      {row.status === 'waiting' && row.waitingFor ? (
        <div className="muted">
          waits for <code>{row.waitingFor}</code>
        </div>
      ) : null}
      {row.status === 'waiting' ? (
        <div className="muted">next try {formatDateTime(row.nextAttemptAt)}</div>
      ) : null}
    </>
  );
}
