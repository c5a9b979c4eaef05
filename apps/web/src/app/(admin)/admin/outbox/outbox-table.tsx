'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { ListState, Notice, Pagination, StatusBadge, StatusFilter } from '@souk/ui';
import type { RouterInputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';

type ListInput = RouterInputs['outbox']['list'];

export function OutboxTable({
  initialQuery,
  canReplay,
}: {
  initialQuery: ListInput;
  canReplay: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState<ListInput>(initialQuery);
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const list = useQuery({
    ...trpc.outbox.list.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const replay = useMutation(
    trpc.outbox.replay.mutationOptions({
      onMutate: () => setDone(null),
      onSuccess: () => setDone('Message queued for delivery again.'),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.outbox.pathKey() }),
    }),
  );
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;
  const columns = canReplay ? 10 : 9;

  return (
    <>
      <h1>Outbox</h1>
      <p className="muted">
        Email, Slack and webhook messages are written here in the same transaction as the change
        that caused them, then delivered with retries. Messages for channels that are not configured
        stay pending here.
      </p>
      <form className="toolbar" aria-label="Filter outbox" onSubmit={(e) => e.preventDefault()}>
        <StatusFilter
          id="outbox-status-filter"
          value={query.status}
          options={
            ['pending', 'delivered', { value: 'dead', label: 'Dead letters (DLQ)' }] as const
          }
          onChange={(status) => setQuery((q) => ({ ...q, page: 1, status }))}
        />
      </form>
      <Notice kind="success">{done}</Notice>
      <Notice kind="error">{replay.error?.message}</Notice>
      <Notice kind="error">{list.error?.message}</Notice>
      <div className="table-wrap">
        <table aria-label="Outbox">
          <thead>
            <tr>
              <th>Created</th>
              <th>Channel</th>
              <th>Topic</th>
              <th>Recipient</th>
              <th>Subject</th>
              <th>Status</th>
              <th className="num">Attempts</th>
              <th>Last error</th>
              <th />
              {canReplay ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {list.data?.rows.map((row) => (
              <Fragment key={row.id}>
                <tr>
                  <td>{row.createdAt.toLocaleString()}</td>
                  <td>{row.channel}</td>
                  <td>{row.topic}</td>
                  <td>{row.recipient ?? '—'}</td>
                  <td>{row.subject ?? '—'}</td>
                  <td>
                    <StatusBadge status={row.status} />
                  </td>
                  <td className="num">{row.attempts}</td>
                  <td>{row.lastError ?? ''}</td>
                  <td>
                    <button
                      type="button"
                      className="button-small"
                      aria-expanded={open === row.id}
                      onClick={() => setOpen(open === row.id ? null : row.id)}
                    >
                      {open === row.id ? 'Hide' : 'View'}
                    </button>
                  </td>
                  {canReplay ? (
                    <td>
                      {row.status === 'dead' ? (
                        <button
                          type="button"
                          className="button-small"
                          disabled={replay.isPending}
                          onClick={() => replay.mutate({ id: row.id })}
                        >
                          Replay
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
                {open === row.id ? (
                  <tr>
                    <td colSpan={columns}>
                      <pre className="message-body">{row.body}</pre>
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
        <ListState
          isLoading={list.isLoading}
          isEmpty={list.data?.rows.length === 0}
          emptyText="No outbox messages match."
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
