'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatMoney } from '@souk/core/money';
import { ListState, Notice, Pagination, StatusFilter } from '@souk/ui';
import type { RouterInputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import { RequestPayoutButton } from '../_components/request-payout-button';
import { serverErrors } from '../_components/server-errors';
import {
  canRequestPayout,
  MILESTONE_TEXT,
  PAYOUT_STATUSES,
  StatusPill,
} from '../_components/vendor-words';

type PayoutsInput = RouterInputs['marketplace']['vendor']['payouts'];

export function PayoutsTable({ initialQuery }: { initialQuery: PayoutsInput }) {
  const trpc = useTRPC();
  const [query, setQuery] = useState<PayoutsInput>(initialQuery);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const list = useQuery({
    ...trpc.marketplace.vendor.payouts.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.rows ?? [];
  const totals = list.data?.totals ?? {};
  const hasTotals = Object.keys(totals).length > 0;
  // Totals come without a currency; a filter that hides every row still needs one to print them.
  const probe = useQuery({
    ...trpc.marketplace.vendor.payouts.queryOptions({ page: 1, pageSize: 1 }),
    enabled: rows.length === 0 && hasTotals,
  });
  const currency = rows[0]?.currency ?? probe.data?.rows[0]?.currency;
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;

  return (
    <>
      {hasTotals && currency ? (
        <section aria-labelledby="payout-totals-heading">
          <h2 id="payout-totals-heading">Totals by status</h2>
          <dl className="vendor-totals">
            {PAYOUT_STATUSES.filter((status) => status in totals).map((status) => (
              <div key={status} className="card">
                <dt>
                  <StatusPill status={status} />
                </dt>
                <dd>{formatMoney(totals[status] ?? 0, currency)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <form className="toolbar" aria-label="Filter payouts" onSubmit={(e) => e.preventDefault()}>
        <StatusFilter
          id="payout-status-filter"
          value={query.status}
          options={PAYOUT_STATUSES}
          onChange={(status) => setQuery((q) => ({ ...q, page: 1, status }))}
        />
      </form>
      <Notice kind="success">{done}</Notice>
      <Notice kind="error">{failed}</Notice>
      <Notice kind="error">{list.error?.message}</Notice>
      <div className="table-wrap">
        <table aria-label="Payouts">
          <thead>
            <tr>
              <th>Booking</th>
              <th>Milestone</th>
              <th className="num">Amount</th>
              <th>Status</th>
              <th>Requested</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/vendor/bookings/${row.booking.id}`}>#{row.booking.number}</Link>
                </td>
                <td>{MILESTONE_TEXT[row.milestone]}</td>
                <td className="num">{formatMoney(row.amountCents, row.currency)}</td>
                <td>
                  <StatusPill status={row.status} />
                  {row.heldReason ? <div className="muted">{row.heldReason}</div> : null}
                </td>
                <td>{row.requestedAt ? row.requestedAt.toLocaleString() : '—'}</td>
                <td>
                  {canRequestPayout(row, row.booking.status) ? (
                    <RequestPayoutButton
                      payoutId={row.id}
                      blockedReason={list.data?.requestBlockedReason ?? null}
                      setupPath={list.data?.payoutSetupPath}
                      onDone={(message) => {
                        setFailed(null);
                        setDone(message);
                      }}
                      onError={(error) => {
                        setDone(null);
                        setFailed(serverErrors(error).message);
                      }}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListState
          isLoading={list.isLoading}
          isEmpty={list.data?.rows.length === 0}
          emptyText={
            query.status
              ? 'No payouts match.'
              : 'No payouts yet. They appear here once an organizer pays a booking.'
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
