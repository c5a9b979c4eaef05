'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import {
  Field,
  fieldControlProps,
  ListState,
  Notice,
  Pagination,
  StatusBadge,
  StatusFilter,
} from '@souk/ui';
import type { RouterInputs, RouterOutputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import {
  EVENT_STATUS_OPTIONS,
  emptyFilterDraft,
  formatLag,
  parseFilterDraft,
  shortId,
  type FilterDraft,
  type FilterErrors,
} from './event-filters';
import { EventsSummary } from './events-summary';
import { ReplayFailed } from './replay-failed';

type ListInput = RouterInputs['payments']['listEvents'];
type EventRow = RouterOutputs['payments']['listEvents']['rows'][number];
type Flash = { kind: 'error' | 'success'; text: string } | null;

const HAS_REASON: ReadonlySet<string> = new Set(['waiting', 'failed']);

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'Something went wrong. Please try again.';
}

function dateTime(date: Date | null): string {
  return date ? date.toLocaleString() : '—';
}

export function EventsTable({
  initialQuery,
  canReplay,
}: {
  initialQuery: ListInput;
  canReplay: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState<ListInput>(initialQuery);
  const [draft, setDraft] = useState<FilterDraft>(emptyFilterDraft);
  const [errors, setErrors] = useState<FilterErrors>({});
  const [flash, setFlash] = useState<Flash>(null);
  // The last replay outcome per row, shown beside its button until the page is left.
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const list = useQuery({
    ...trpc.payments.listEvents.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const summary = useQuery(trpc.payments.eventsSummary.queryOptions());

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

  const filter = (patch: Partial<ListInput>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const edit = (field: keyof FilterDraft, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    if (field !== 'type') setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseFilterDraft(draft);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return; // a malformed id is never sent: the field says what is wrong
    }
    setErrors({});
    filter(parsed.filters);
  };
  const showInvoice = (invoiceId: string) => {
    setDraft((d) => ({ ...d, invoiceId }));
    setErrors({});
    filter({ invoiceId });
  };

  const isFiltered = Boolean(query.status || query.type || query.invoiceId || query.bookingId);
  const busy = replay.isPending;
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;

  return (
    <>
      <div className="page-head">
        <h1>Payment events</h1>
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
        onStatus={(status) => filter({ status })}
      />
      <form className="toolbar" aria-label="Filter payment events" noValidate onSubmit={submit}>
        <div className="field">
          <StatusFilter
            id="event-status-filter"
            value={query.status}
            options={EVENT_STATUS_OPTIONS}
            onChange={(status) => filter({ status })}
          />
        </div>
        <Field id="event-type-filter" label="Type">
          <input
            {...fieldControlProps('event-type-filter')}
            placeholder="e.g. charge.refunded"
            value={draft.type}
            onChange={(e) => edit('type', e.target.value)}
          />
        </Field>
        <Field id="event-invoice-filter" label="Invoice id" error={errors.invoiceId}>
          <input
            {...fieldControlProps('event-invoice-filter', errors.invoiceId)}
            spellCheck={false}
            value={draft.invoiceId}
            onChange={(e) => edit('invoiceId', e.target.value)}
          />
        </Field>
        <Field id="event-booking-filter" label="Booking id" error={errors.bookingId}>
          <input
            {...fieldControlProps('event-booking-filter', errors.bookingId)}
            spellCheck={false}
            value={draft.bookingId}
            onChange={(e) => edit('bookingId', e.target.value)}
          />
        </Field>
        <button type="submit">Filter</button>
      </form>
      <Notice kind={flash?.kind ?? 'success'}>{flash?.text}</Notice>
      <Notice kind="error">{list.error?.message}</Notice>
      <div className="table-wrap">
        <table aria-label="Payment events">
          <thead>
            <tr>
              <th scope="col">Event id</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Attempts
              </th>
              <th scope="col">Received</th>
              <th scope="col" className="num">
                Receipt to applied
              </th>
              <th scope="col">Invoice / booking</th>
              <th scope="col">Reason</th>
              {canReplay ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {list.data?.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <code>{row.eventId}</code>
                </td>
                <td>{row.type}</td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td className="num">{row.attempts}</td>
                <td>{dateTime(row.receivedAt)}</td>
                <td className="num">{formatLag(row.lagMs)}</td>
                <td>
                  <Targets row={row} onInvoice={showInvoice} />
                </td>
                <td>
                  <Reason row={row} />
                </td>
                {canReplay ? (
                  <td>
                    {row.status === 'unrouted' ? null : (
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
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        <ListState
          isLoading={list.isLoading}
          isEmpty={list.data?.rows.length === 0}
          emptyText={
            isFiltered
              ? 'No payment events match.'
              : 'No payment events yet. Webhooks from the processor appear here as they arrive.'
          }
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
        <div className="muted">next try {dateTime(row.nextAttemptAt)}</div>
      ) : null}
    </>
  );
}
