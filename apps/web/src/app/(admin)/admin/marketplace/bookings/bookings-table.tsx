'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { StatusFilter } from '@souk/ui';
import type { RouterInputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import { dateOnly, dateTime } from '../_components/format';
import { useListQuery } from '../_components/hooks';
import { ListShell } from '../_components/list-shell';
import { BOOKING_STATUSES } from '../_components/options';

type ListInput = RouterInputs['marketplace']['admin']['bookings'];

export function BookingsTable({ initialQuery }: { initialQuery: ListInput }) {
  const trpc = useTRPC();
  const { query, filter, paging } = useListQuery(initialQuery);
  const list = useQuery({
    ...trpc.marketplace.admin.bookings.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  return (
    <ListShell
      title="Bookings"
      intro="Event bookings from request to completion. Open one for its payments, payouts and ledger."
      filterLabel="Filter bookings"
      filters={
        <StatusFilter
          id="booking-status-filter"
          value={query.status}
          options={BOOKING_STATUSES}
          onChange={(status) => filter({ status })}
        />
      }
      list={list}
      tableLabel="Bookings"
      emptyText="No bookings match."
      paging={paging}
      head={
        <>
          <th>#</th>
          <th>Organizer email</th>
          <th>Event date</th>
          <th>Vendors</th>
          <th>Status</th>
          <th className="num">Total</th>
          <th className="num">Paid</th>
          <th>Created</th>
        </>
      }
    >
      {list.data?.rows.map((booking) => (
        <tr key={booking.id}>
          <td>
            <Link href={`/admin/marketplace/bookings/${booking.id}`}>#{booking.number}</Link>
          </td>
          <td>{booking.organizer.email}</td>
          <td>{dateOnly(booking.eventDate)}</td>
          <td>
            {booking.vendors.map((linkage, i) => (
              <div key={i}>
                {linkage.vendor.displayName}: {linkage.status}
              </div>
            ))}
          </td>
          <td>
            {/* The label tells a deposit from a payment in full; the badge colour stays by status. */}
            <span className={`badge badge-${booking.status}`}>{booking.statusLabel}</span>
          </td>
          <td className="num">{formatMoney(booking.amounts.totalCents, booking.currency)}</td>
          <td className="num">{formatMoney(booking.amounts.paidCents, booking.currency)}</td>
          <td>{dateTime(booking.createdAt)}</td>
        </tr>
      ))}
    </ListShell>
  );
}
