'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { DataTable, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { INBOX_TABLE } from './_components/table-specs';
import {
  ANSWER_STATUSES,
  BOOKING_STATUS_TEXT,
  BOOKING_STATUSES,
  formatEventDate,
  StatusPill,
} from './_components/vendor-words';

type Request = RouterOutputs['marketplace']['vendor']['listInbox']['items'][number];

const COLUMNS: DataTableColumn<Request>[] = [
  {
    id: 'booking',
    header: 'Booking',
    cell: (row) => <Link href={`/vendor/bookings/${row.booking.id}`}>#{row.booking.number}</Link>,
  },
  { id: 'eventDate', header: 'Event date', cell: (row) => formatEventDate(row.booking.eventDate) },
  {
    id: 'guests',
    header: 'Guests',
    className: 'num',
    cell: (row) => row.booking.guestCount ?? '—',
  },
  { id: 'location', header: 'Location', cell: (row) => row.booking.locationText || '—' },
  {
    id: 'budget',
    header: 'Budget',
    className: 'num',
    cell: (row) =>
      row.booking.requestedBudgetCents === null
        ? '—'
        : formatMoney(row.booking.requestedBudgetCents, row.booking.currency),
  },
  { id: 'answer', header: 'Your answer', cell: (row) => <StatusPill status={row.status} /> },
  {
    id: 'bookingStatus',
    header: 'Booking status',
    cell: (row) => (
      <StatusPill status={row.booking.status} text={BOOKING_STATUS_TEXT[row.booking.status]} />
    ),
  },
];

export function InboxTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(INBOX_TABLE);
  const list = useQuery({
    ...trpc.marketplace.vendor.listInbox.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  return (
    <DataTable
      label="Booking requests"
      noun={['request', 'requests']}
      columns={COLUMNS}
      data={list.data?.items}
      total={list.data?.total}
      getRowId={(row) => row.id}
      control={control}
      filterLabel="Filter booking requests"
      filters={[
        {
          kind: 'select',
          key: 'status',
          id: 'inbox-answer-filter',
          label: 'Your answer',
          options: ANSWER_STATUSES,
        },
        {
          kind: 'select',
          key: 'bookingStatus',
          id: 'inbox-booking-filter',
          label: 'Booking status',
          options: BOOKING_STATUSES.map((status) => ({
            value: status,
            label: BOOKING_STATUS_TEXT[status],
          })),
        },
      ]}
      isLoading={list.isLoading}
      error={list.error?.message}
      emptyText="No booking requests yet."
    />
  );
}
