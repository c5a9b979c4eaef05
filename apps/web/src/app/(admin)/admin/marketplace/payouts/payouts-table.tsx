'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { DataTable, StatusBadge, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { FlashNotice } from '../_components/flash-notice';
import { useAdminActions, useOpenAction } from '../_components/hooks';
import { PAYOUT_MILESTONES, PAYOUT_STATUSES } from '../_components/options';
import { ReasonForm } from '../_components/reason-form';
import { PAYOUTS_TABLE } from '../_components/table-specs';

type Payout = RouterOutputs['marketplace']['admin']['payouts']['items'][number];

const FINAL: ReadonlySet<string> = new Set(['reversed', 'voided']);

export function PayoutsTable({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(PAYOUTS_TABLE);
  const list = useQuery({
    ...trpc.marketplace.admin.payouts.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const { flash, succeed, handlers } = useAdminActions();
  const form = useOpenAction<'hold' | 'reverse'>();
  const approve = useMutation(
    trpc.marketplace.admin.approvePayout.mutationOptions({
      ...handlers,
      onSuccess: (payout) => succeed(`Payout approved: transfer ${payout.transferId ?? ''} sent.`),
    }),
  );
  const hold = useMutation(
    trpc.marketplace.admin.holdPayout.mutationOptions({
      ...handlers,
      onSuccess: () => {
        form.close();
        succeed('Payout held.');
      },
    }),
  );
  const release = useMutation(
    trpc.marketplace.admin.releasePayout.mutationOptions({
      ...handlers,
      onSuccess: (payout) => succeed(`Payout released: it is ${payout.status} again.`),
    }),
  );
  const reverse = useMutation(
    trpc.marketplace.admin.reversePayout.mutationOptions({
      ...handlers,
      onSuccess: () => {
        form.close();
        succeed('Payout reversed.');
      },
    }),
  );
  const busy = approve.isPending || hold.isPending || release.isPending || reverse.isPending;

  const columns: DataTableColumn<Payout>[] = [
    {
      id: 'booking',
      header: 'Booking',
      cell: (payout) => (
        <Link href={`/admin/marketplace/bookings/${payout.bookingId}`}>
          #{payout.booking.number}
        </Link>
      ),
    },
    {
      id: 'vendor',
      header: 'Vendor',
      cell: (payout) => (
        <>
          {payout.vendor.displayName}
          {payout.vendor.payoutsDisabled ? <div className="muted">payouts disabled</div> : null}
        </>
      ),
    },
    { id: 'milestone', header: 'Milestone', cell: (payout) => payout.milestone },
    {
      id: 'amount',
      header: 'Amount',
      className: 'num',
      cell: (payout) => formatMoney(payout.amountCents, payout.currency),
    },
    {
      id: 'status',
      header: 'Status',
      cell: (payout) => (
        <>
          <StatusBadge status={payout.status} />
          {payout.reverseReason ? <div className="muted">{payout.reverseReason}</div> : null}
        </>
      ),
    },
    { id: 'heldReason', header: 'Held reason', cell: (payout) => payout.heldReason ?? '' },
    {
      id: 'transferId',
      header: 'Transfer id',
      cell: (payout) => (payout.transferId ? <code>{payout.transferId}</code> : ''),
    },
  ];
  if (canManage) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      cell: (payout) => (
        <>
          <div className="inline-actions">
            {payout.status === 'eligible' ? (
              <>
                <button
                  type="button"
                  className="button-small button-primary"
                  disabled={busy}
                  onClick={() => approve.mutate({ id: payout.id })}
                >
                  Approve
                </button>
                <button
                  type="button"
                  className="button-small"
                  aria-expanded={form.isOpen(payout.id, 'hold')}
                  onClick={() => form.toggle(payout.id, 'hold')}
                >
                  Hold
                </button>
              </>
            ) : null}
            {payout.status === 'held' && payout.heldByDisputeId === null ? (
              <button
                type="button"
                className="button-small"
                disabled={busy}
                onClick={() => release.mutate({ id: payout.id })}
              >
                Release
              </button>
            ) : null}
            {payout.status === 'held' && payout.heldByDisputeId !== null ? (
              <Link
                className="muted"
                href={`/admin/marketplace/disputes?bookingId=${payout.bookingId}`}
              >
                Held by a dispute
              </Link>
            ) : null}
            {!FINAL.has(payout.status) ? (
              <button
                type="button"
                className="button-small button-danger"
                aria-expanded={form.isOpen(payout.id, 'reverse')}
                onClick={() => form.toggle(payout.id, 'reverse')}
              >
                Reverse
              </button>
            ) : null}
          </div>
          {form.isOpen(payout.id, 'hold') ? (
            <ReasonForm
              id={`payout-hold-${payout.id}`}
              label="Reason"
              submitLabel="Hold payout"
              pending={busy}
              onSubmit={(note) => hold.mutate({ id: payout.id, note })}
            />
          ) : null}
          {form.isOpen(payout.id, 'reverse') ? (
            <ReasonForm
              id={`payout-reverse-${payout.id}`}
              label="Reason"
              submitLabel="Reverse payout"
              danger
              pending={busy}
              onSubmit={(note) => reverse.mutate({ id: payout.id, note })}
            />
          ) : null}
        </>
      ),
    });
  }

  return (
    <>
      <h1>Payouts</h1>
      <p className="muted">
        What each vendor is owed per booking: the reservation share once paid and requested, the
        rest when the event is completed. Approving sends the transfer.
      </p>
      <DataTable
        label="Payouts"
        noun={['payout', 'payouts']}
        columns={columns}
        rows={list.data?.items}
        total={list.data?.total}
        getRowId={(payout) => payout.id}
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
          {
            kind: 'select',
            key: 'milestone',
            id: 'payout-milestone-filter',
            label: 'Milestone',
            options: PAYOUT_MILESTONES,
          },
        ]}
        notices={<FlashNotice flash={flash} />}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No payouts match."
      />
    </>
  );
}
