'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatMoney } from '@souk/core/money';
import { StatusBadge, StatusFilter } from '@souk/ui';
import type { RouterInputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import { dateTime, plural } from '../_components/format';
import { useAdminActions, useListQuery } from '../_components/hooks';
import { FilterText, ListShell } from '../_components/list-shell';
import { DISPUTE_STATUSES } from '../_components/options';
import { ResolveForm } from './resolve-form';

type ListInput = RouterInputs['marketplace']['admin']['disputes'];

export function DisputesTable({
  initialQuery,
  canManage,
}: {
  initialQuery: ListInput;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const { query, filter, paging } = useListQuery(initialQuery);
  const [bookingId, setBookingId] = useState(initialQuery.bookingId ?? '');
  const [userId, setUserId] = useState(initialQuery.userId ?? '');
  const list = useQuery({
    ...trpc.marketplace.admin.disputes.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const { flash, succeed, handlers } = useAdminActions();
  const resolve = useMutation(
    trpc.marketplace.admin.resolveDispute.mutationOptions({
      ...handlers,
      onSuccess: (dispute) =>
        succeed(
          `Dispute resolved (${dispute.status === 'resolved_released' ? 'released' : 'reversed'}): ${plural(dispute.payoutsAffected, 'payout')} affected.`,
        ),
    }),
  );

  return (
    <ListShell
      title="Disputes"
      intro="Problems raised by an organizer or a vendor on a paid booking. The booking's payouts stay held until the dispute is resolved."
      filterLabel="Filter disputes"
      onFilter={() =>
        filter({ bookingId: bookingId.trim() || undefined, userId: userId.trim() || undefined })
      }
      filters={
        <>
          <StatusFilter
            id="dispute-status-filter"
            value={query.status}
            options={DISPUTE_STATUSES}
            onChange={(status) => filter({ status })}
          />
          <FilterText
            id="dispute-booking-filter"
            label="Booking id"
            placeholder="Booking id (UUID)"
            value={bookingId}
            onChange={setBookingId}
          />
          <FilterText
            id="dispute-user-filter"
            label="User id"
            placeholder="Opened by (user id)"
            value={userId}
            onChange={setUserId}
          />
          <button type="submit">Filter</button>
        </>
      }
      flash={flash}
      list={list}
      tableLabel="Disputes"
      emptyText="No disputes match."
      paging={paging}
      head={
        <>
          <th>Booking #</th>
          <th>Opened as</th>
          <th>Reason</th>
          <th>Status</th>
          <th>Held payouts</th>
          <th>Resolution note</th>
          <th>Created</th>
          {canManage ? <th>Actions</th> : null}
        </>
      }
    >
      {list.data?.rows.map((dispute) => {
        const currency = dispute.booking.currency;
        return (
          <tr key={dispute.id}>
            <td>
              <Link href={`/admin/marketplace/bookings/${dispute.bookingId}`}>
                #{dispute.booking.number}
              </Link>
            </td>
            <td>{dispute.openedAs}</td>
            <td>{dispute.reason}</td>
            <td>
              <StatusBadge status={dispute.status} />
            </td>
            <td>
              {dispute.heldPayouts}
              {dispute.heldPayouts > 0 ? ` · ${formatMoney(dispute.heldCents, currency)}` : ''}
            </td>
            <td>{dispute.resolutionNote ?? ''}</td>
            <td>{dateTime(dispute.createdAt)}</td>
            {canManage ? (
              <td>
                {dispute.status === 'open' ? (
                  <ResolveForm
                    disputeId={dispute.id}
                    pending={resolve.isPending}
                    onResolve={(status, note) => resolve.mutate({ id: dispute.id, status, note })}
                  />
                ) : null}
              </td>
            ) : null}
          </tr>
        );
      })}
    </ListShell>
  );
}
