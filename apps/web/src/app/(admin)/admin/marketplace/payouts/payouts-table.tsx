'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { payoutHoldInput } from '@souk/core/client';
import { formatMoney } from '@souk/core/money';
import { DataTable, StatusBadge, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { ExportLink } from '@/app/api/export/export-link';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { FlashNotice } from '../_components/flash-notice';
import { useAdminActions, useOpenAction } from '../_components/hooks';
import { PAYOUT_MILESTONES, PAYOUT_STATUSES } from '../_components/options';
import { ReasonForm } from '../_components/reason-form';
import { PAYOUTS_TABLE } from '../_components/table-specs';

type Payout = RouterOutputs['marketplace']['admin']['listPayouts']['items'][number];

const FINAL: ReadonlySet<string> = new Set(['reversed', 'voided']);
const REASON_ACTIONS = ['hold', 'reverse'] as const;
type ReasonAction = (typeof REASON_ACTIONS)[number];

export function PayoutsTable({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(PAYOUTS_TABLE);
  const list = useQuery({
    ...trpc.marketplace.admin.listPayouts.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const { flash, succeed, handlers } = useAdminActions();
  const form = useOpenAction<ReasonAction>();
  const approve = useMutation(
    trpc.marketplace.admin.sendPayout.mutationOptions({
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
  // Approve and release run at once; hold and reverse first ask for a reason under the row.
  const runButton = (label: string, run: () => void, className = 'button-small') => (
    <button type="button" className={className} disabled={busy} onClick={run}>
      {label}
    </button>
  );
  const reasonButton = (
    payout: Payout,
    action: ReasonAction,
    label: string,
    className = 'button-small',
  ) => (
    <button
      type="button"
      className={className}
      aria-expanded={form.isOpen(payout.id, action)}
      onClick={() => form.toggle(payout.id, action)}
    >
      {label}
    </button>
  );
  const reasonForms = {
    hold: { submitLabel: 'Hold payout', danger: false, mutation: hold },
    reverse: { submitLabel: 'Reverse payout', danger: true, mutation: reverse },
  };
  if (canManage) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      cell: (payout) => (
        <>
          <div className="inline-actions">
            {payout.status === 'eligible' ? (
              <>
                {runButton(
                  'Approve',
                  () => approve.mutate({ id: payout.id }),
                  'button-small button-primary',
                )}
                {reasonButton(payout, 'hold', 'Hold')}
              </>
            ) : null}
            {payout.status === 'held' && payout.heldByDisputeId === null
              ? runButton('Release', () => release.mutate({ id: payout.id }))
              : null}
            {payout.status === 'held' && payout.heldByDisputeId !== null ? (
              <Link
                className="muted"
                href={`/admin/marketplace/disputes?bookingId=${payout.bookingId}`}
              >
                Held by a dispute
              </Link>
            ) : null}
            {!FINAL.has(payout.status)
              ? reasonButton(payout, 'reverse', 'Reverse', 'button-small button-danger')
              : null}
          </div>
          {REASON_ACTIONS.map((action) =>
            form.isOpen(payout.id, action) ? (
              <ReasonForm
                key={action}
                id={`payout-${action}-${payout.id}`}
                label="Reason"
                submitLabel={reasonForms[action].submitLabel}
                danger={reasonForms[action].danger}
                schema={payoutHoldInput.shape.note}
                pending={busy}
                onSubmit={(note) => reasonForms[action].mutation.mutate({ id: payout.id, note })}
              />
            ) : null,
          )}
        </>
      ),
    });
  }

  return (
    <>
      <div className="page-head">
        <h1>Payouts</h1>
        <ExportLink list="payouts" query={query} />
      </div>
      <p className="muted">
        What each vendor is owed per booking: the reservation share once paid and requested, the
        rest when the event is completed. Approving sends the transfer.
      </p>
      <DataTable
        label="Payouts"
        noun={['payout', 'payouts']}
        columns={columns}
        data={list.data?.items}
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
