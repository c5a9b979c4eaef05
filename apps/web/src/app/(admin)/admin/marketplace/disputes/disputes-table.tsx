'use client';

import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { DataTable, StatusBadge, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { idFilterProblem } from '@/lib/url-table-state';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { dateTime, plural } from '../_components/format';
import { useAdminActions } from '../_components/hooks';
import { FlashNotice } from '../_components/flash-notice';
import { DISPUTE_STATUSES } from '../_components/options';
import { DISPUTES_TABLE } from '../_components/table-specs';
import { ResolveForm } from './resolve-form';

type Dispute = RouterOutputs['marketplace']['admin']['listDisputes']['items'][number];

export function DisputesTable({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(DISPUTES_TABLE);
  const list = useQuery({
    ...trpc.marketplace.admin.listDisputes.queryOptions(query),
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

  const columns: DataTableColumn<Dispute>[] = [
    {
      id: 'booking',
      header: 'Booking #',
      cell: (dispute) => (
        <Link href={`/admin/marketplace/bookings/${dispute.bookingId}`}>
          #{dispute.booking.number}
        </Link>
      ),
    },
    { id: 'openedAs', header: 'Opened as', cell: (dispute) => dispute.openedAs },
    { id: 'reason', header: 'Reason', cell: (dispute) => dispute.reason },
    { id: 'status', header: 'Status', cell: (dispute) => <StatusBadge status={dispute.status} /> },
    {
      id: 'held',
      header: 'Held payouts',
      cell: (dispute) => (
        <>
          {dispute.heldPayouts}
          {dispute.heldPayouts > 0
            ? ` · ${formatMoney(dispute.heldCents, dispute.booking.currency)}`
            : ''}
        </>
      ),
    },
    {
      id: 'resolutionNote',
      header: 'Resolution note',
      cell: (dispute) => dispute.resolutionNote ?? '',
    },
    { id: 'createdAt', header: 'Created', cell: (dispute) => dateTime(dispute.createdAt) },
  ];
  if (canManage) {
    columns.push({
      id: 'actions',
      header: 'Actions',
      cell: (dispute) => (
        <>
          {dispute.status === 'open' ? (
            <ResolveForm
              disputeId={dispute.id}
              pending={resolve.isPending}
              onResolve={(status, note) => resolve.mutate({ id: dispute.id, status, note })}
            />
          ) : null}
        </>
      ),
    });
  }

  return (
    <>
      <h1>Disputes</h1>
      <p className="muted">
        Problems raised by an organizer or a vendor on a paid booking. The booking&apos;s payouts
        stay held until the dispute is resolved.
      </p>
      <DataTable
        label="Disputes"
        noun={['dispute', 'disputes']}
        columns={columns}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(dispute) => dispute.id}
        control={control}
        filterLabel="Filter disputes"
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'dispute-status-filter',
            label: 'Status',
            options: DISPUTE_STATUSES,
          },
          {
            kind: 'text',
            key: 'bookingId',
            id: 'dispute-booking-filter',
            label: 'Booking id',
            placeholder: 'Booking id (UUID)',
            validate: idFilterProblem('booking'),
          },
          {
            kind: 'text',
            key: 'userId',
            id: 'dispute-user-filter',
            label: 'User id',
            placeholder: 'Opened by (user id)',
            validate: idFilterProblem('user'),
          },
        ]}
        notices={<FlashNotice flash={flash} />}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No disputes match."
      />
    </>
  );
}
