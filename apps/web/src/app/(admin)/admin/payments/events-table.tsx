'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ListState, Notice, Pagination, StatusBadge, StatusFilter } from '@souk/ui';
import type { RouterInputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';

type ListInput = RouterInputs['payments']['listEvents'];

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
  const [type, setType] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const list = useQuery({
    ...trpc.payments.listEvents.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const replay = useMutation(
    trpc.payments.replayEvent.mutationOptions({
      onMutate: () => setDone(null),
      onSuccess: (outcome) => setDone(`Replayed: ${outcome.status}`),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.payments.pathKey() }),
    }),
  );
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;

  return (
    <>
      <h1>Payment events</h1>
      <p className="muted">
        Processor webhooks as received, with how each was applied. Payloads stay in the ledger.
      </p>
      <form
        className="toolbar"
        aria-label="Filter payment events"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery((q) => ({ ...q, page: 1, type: type.trim() || undefined }));
        }}
      >
        <StatusFilter
          id="event-status-filter"
          value={query.status}
          options={['received', 'processed', 'failed'] as const}
          onChange={(status) => setQuery((q) => ({ ...q, page: 1, status }))}
        />
        <label htmlFor="event-type-filter">Type</label>
        <input
          id="event-type-filter"
          className="search-input"
          placeholder="e.g. checkout.session.completed"
          value={type}
          onChange={(e) => setType(e.target.value)}
        />
        <button type="submit">Filter</button>
      </form>
      <Notice kind="success">{done}</Notice>
      <Notice kind="error">{replay.error?.message}</Notice>
      <Notice kind="error">{list.error?.message}</Notice>
      <div className="table-wrap">
        <table aria-label="Payment events">
          <thead>
            <tr>
              <th>Event id</th>
              <th>Type</th>
              <th>Status</th>
              <th>Error</th>
              <th className="num">Attempts</th>
              <th>Received</th>
              <th>Processed</th>
              {canReplay ? <th /> : null}
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
                <td>{row.error ?? ''}</td>
                <td className="num">{row.attempts}</td>
                <td>{row.receivedAt.toLocaleString()}</td>
                <td>{row.processedAt ? row.processedAt.toLocaleString() : '—'}</td>
                {canReplay ? (
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      disabled={replay.isPending}
                      onClick={() => replay.mutate({ id: row.id })}
                    >
                      Replay
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
        <ListState
          isLoading={list.isLoading}
          isEmpty={list.data?.rows.length === 0}
          emptyText="No payment events match."
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
