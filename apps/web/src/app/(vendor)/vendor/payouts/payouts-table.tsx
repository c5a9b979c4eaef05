'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatMoney } from '@souk/core/money';
import { DataTable, formatDateTime, Notice, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { RequestPayoutButton } from '../_components/request-payout-button';
import { serverErrors } from '../_components/server-errors';
import { VENDOR_PAYOUTS_TABLE } from '../_components/table-specs';
import {
  canRequestPayout,
  MILESTONE_TEXT,
  PAYOUT_STATUSES,
  StatusPill,
} from '../_components/vendor-words';

type Payout = RouterOutputs['marketplace']['vendor']['listPayouts']['items'][number];

export function PayoutsTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(VENDOR_PAYOUTS_TABLE);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const list = useQuery({
    ...trpc.marketplace.vendor.listPayouts.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.items ?? [];
  const totals = list.data?.totals ?? {};
  const hasTotals = Object.keys(totals).length > 0;
  // Totals come without a currency; a filter that hides every row still needs one to print them.
  const probe = useQuery({
    ...trpc.marketplace.vendor.listPayouts.queryOptions({ page: 1, pageSize: 1 }),
    enabled: rows.length === 0 && hasTotals,
  });
  const currency = rows[0]?.currency ?? probe.data?.items[0]?.currency;

  const columns: DataTableColumn<Payout>[] = [
    {
      id: 'booking',
      header: 'Booking',
      cell: (row) => <Link href={`/vendor/bookings/${row.booking.id}`}>#{row.booking.number}</Link>,
    },
    { id: 'milestone', header: 'Milestone', cell: (row) => MILESTONE_TEXT[row.milestone] },
    {
      id: 'amount',
      header: 'Amount',
      className: 'num',
      cell: (row) => formatMoney(row.amountCents, row.currency),
    },
    {
      id: 'status',
      header: 'Status',
      cell: (row) => (
        <>
          <StatusPill status={row.status} />
          {row.heldReason ? <div className="muted">{row.heldReason}</div> : null}
        </>
      ),
    },
    {
      id: 'requestedAt',
      header: 'Requested',
      cell: (row) => formatDateTime(row.requestedAt),
    },
    {
      id: 'actions',
      header: 'Actions',
      hideHeader: true,
      cell: (row) =>
        canRequestPayout(row, row.booking.status) ? (
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
        ) : null,
    },
  ];

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
      <DataTable
        label="Payouts"
        noun={['payout', 'payouts']}
        columns={columns}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(row) => row.id}
        control={control}
        filterLabel="Filter payouts"
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'payout-status-filter',
            label: 'Status',
            options: PAYOUT_STATUSES,
          },
        ]}
        notices={
          <>
            <Notice kind="success">{done}</Notice>
            <Notice kind="error">{failed}</Notice>
          </>
        }
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText={
          query.status
            ? 'No payouts match.'
            : 'No payouts yet. They appear here once an organizer pays a booking.'
        }
      />
    </>
  );
}
