'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { StatusBadge, StatusFilter } from '@souk/ui';
import type { RouterInputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import { useAdminActions, useListQuery, useOpenAction } from '../_components/hooks';
import { FilterSelect, ListShell } from '../_components/list-shell';
import { PAYOUT_MILESTONES, PAYOUT_STATUSES } from '../_components/options';
import { ReasonForm } from '../_components/reason-form';

type ListInput = RouterInputs['marketplace']['admin']['payouts'];

const FINAL: ReadonlySet<string> = new Set(['reversed', 'voided']);

export function PayoutsTable({
  initialQuery,
  canManage,
}: {
  initialQuery: ListInput;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const { query, filter, paging } = useListQuery(initialQuery);
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

  return (
    <ListShell
      title="Payouts"
      intro="What each vendor is owed per booking: the reservation share once paid and requested, the rest when the event is completed. Approving sends the transfer."
      filterLabel="Filter payouts"
      filters={
        <>
          <StatusFilter
            id="payout-status-filter"
            value={query.status}
            options={PAYOUT_STATUSES}
            onChange={(status) => filter({ status })}
          />
          <FilterSelect
            id="payout-milestone-filter"
            label="Milestone"
            value={query.milestone}
            options={PAYOUT_MILESTONES}
            onChange={(milestone) => filter({ milestone })}
          />
        </>
      }
      flash={flash}
      list={list}
      tableLabel="Payouts"
      emptyText="No payouts match."
      paging={paging}
      head={
        <>
          <th>Booking</th>
          <th>Vendor</th>
          <th>Milestone</th>
          <th className="num">Amount</th>
          <th>Status</th>
          <th>Held reason</th>
          <th>Transfer id</th>
          {canManage ? <th>Actions</th> : null}
        </>
      }
    >
      {list.data?.rows.map((payout) => (
        <tr key={payout.id}>
          <td>
            <Link href={`/admin/marketplace/bookings/${payout.bookingId}`}>
              #{payout.booking.number}
            </Link>
          </td>
          <td>
            {payout.vendor.displayName}
            {payout.vendor.payoutsDisabled ? <div className="muted">payouts disabled</div> : null}
          </td>
          <td>{payout.milestone}</td>
          <td className="num">{formatMoney(payout.amountCents, payout.currency)}</td>
          <td>
            <StatusBadge status={payout.status} />
            {payout.reverseReason ? <div className="muted">{payout.reverseReason}</div> : null}
          </td>
          <td>{payout.heldReason ?? ''}</td>
          <td>{payout.transferId ? <code>{payout.transferId}</code> : ''}</td>
          {canManage ? (
            <td>
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
            </td>
          ) : null}
        </tr>
      ))}
    </ListShell>
  );
}
