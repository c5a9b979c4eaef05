'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatMoney } from '@souk/core/money';
import { ListState, Notice, Pagination } from '@souk/ui';
import type { RouterInputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import {
  ANSWER_STATUSES,
  BOOKING_STATUS_TEXT,
  BOOKING_STATUSES,
  formatEventDate,
  StatusPill,
} from './_components/vendor-words';

type InboxInput = RouterInputs['marketplace']['vendor']['inbox'];

export function InboxTable({ initialQuery }: { initialQuery: InboxInput }) {
  const trpc = useTRPC();
  const [query, setQuery] = useState<InboxInput>(initialQuery);
  const list = useQuery({
    ...trpc.marketplace.vendor.inbox.queryOptions(query),
    placeholderData: keepPreviousData,
  });
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 25;

  return (
    <>
      <form
        className="toolbar"
        aria-label="Filter booking requests"
        onSubmit={(e) => e.preventDefault()}
      >
        <label htmlFor="inbox-answer-filter">Your answer</label>
        <select
          id="inbox-answer-filter"
          className="search-input"
          value={query.status ?? ''}
          onChange={(e) =>
            setQuery((q) => ({
              ...q,
              page: 1,
              status: (e.target.value || undefined) as InboxInput['status'],
            }))
          }
        >
          <option value="">All</option>
          {ANSWER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
        <label htmlFor="inbox-booking-filter">Booking status</label>
        <select
          id="inbox-booking-filter"
          className="search-input"
          value={query.bookingStatus ?? ''}
          onChange={(e) =>
            setQuery((q) => ({
              ...q,
              page: 1,
              bookingStatus: (e.target.value || undefined) as InboxInput['bookingStatus'],
            }))
          }
        >
          <option value="">All</option>
          {BOOKING_STATUSES.map((status) => (
            <option key={status} value={status}>
              {BOOKING_STATUS_TEXT[status]}
            </option>
          ))}
        </select>
      </form>
      <Notice kind="error">{list.error?.message}</Notice>
      <div className="table-wrap">
        <table aria-label="Booking requests">
          <thead>
            <tr>
              <th>Booking</th>
              <th>Event date</th>
              <th className="num">Guests</th>
              <th>Location</th>
              <th className="num">Budget</th>
              <th>Your answer</th>
              <th>Booking status</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/vendor/bookings/${row.booking.id}`}>#{row.booking.number}</Link>
                </td>
                <td>{formatEventDate(row.booking.eventDate)}</td>
                <td className="num">{row.booking.guestCount ?? '—'}</td>
                <td>{row.booking.locationText || '—'}</td>
                <td className="num">
                  {row.booking.requestedBudgetCents === null
                    ? '—'
                    : formatMoney(row.booking.requestedBudgetCents, row.booking.currency)}
                </td>
                <td>
                  <StatusPill status={row.status} />
                </td>
                <td>
                  <StatusPill
                    status={row.booking.status}
                    text={BOOKING_STATUS_TEXT[row.booking.status]}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ListState
          isLoading={list.isLoading}
          isEmpty={list.data?.rows.length === 0}
          emptyText="No booking requests yet."
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
