'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { DataTable, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { ExportLink } from '@/app/api/export/export-link';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { dateOnly, dateTime } from '../_components/format';
import { BOOKING_STATUSES } from '../_components/options';
import { BOOKINGS_TABLE } from '../_components/table-specs';

type Booking = RouterOutputs['marketplace']['admin']['listBookings']['items'][number];

const COLUMNS: DataTableColumn<Booking>[] = [
  {
    id: 'number',
    header: '#',
    cell: (booking) => (
      <Link href={`/admin/marketplace/bookings/${booking.id}`}>#{booking.number}</Link>
    ),
  },
  { id: 'organizer', header: 'Organizer email', cell: (booking) => booking.organizer.email },
  { id: 'eventDate', header: 'Event date', cell: (booking) => dateOnly(booking.eventDate) },
  {
    id: 'vendors',
    header: 'Vendors',
    cell: (booking) =>
      booking.vendors.map((linkage, i) => (
        <div key={i}>
          {linkage.vendor.displayName}: {linkage.status}
        </div>
      )),
  },
  {
    id: 'status',
    header: 'Status',
    // The label tells a deposit from a payment in full; the badge colour stays by status.
    cell: (booking) => (
      <span className={`badge badge-${booking.status}`}>{booking.statusLabel}</span>
    ),
  },
  {
    id: 'total',
    header: 'Total',
    className: 'num',
    cell: (booking) => formatMoney(booking.amounts.totalCents, booking.currency),
  },
  {
    id: 'paid',
    header: 'Paid',
    className: 'num',
    cell: (booking) => formatMoney(booking.amounts.paidCents, booking.currency),
  },
  { id: 'createdAt', header: 'Created', cell: (booking) => dateTime(booking.createdAt) },
];

export function BookingsTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(BOOKINGS_TABLE);
  const list = useQuery({
    ...trpc.marketplace.admin.listBookings.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <div className="page-head">
        <h1>Bookings</h1>
        <ExportLink list="bookings" query={query} />
      </div>
      <p className="muted">
        Event bookings from request to completion. Open one for its payments, payouts and ledger.
      </p>
      <DataTable
        label="Bookings"
        noun={['booking', 'bookings']}
        columns={COLUMNS}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(booking) => booking.id}
        control={control}
        filterLabel="Filter bookings"
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'booking-status-filter',
            label: 'Status',
            options: BOOKING_STATUSES,
          },
        ]}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No bookings match."
      />
    </>
  );
}
