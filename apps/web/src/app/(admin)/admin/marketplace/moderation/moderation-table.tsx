'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type { RouterInputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import { dateTime } from '../_components/format';
import { useListQuery } from '../_components/hooks';
import { FilterSelect, FilterText, ListShell } from '../_components/list-shell';
import { MODERATION_KINDS } from '../_components/options';

type ListInput = RouterInputs['marketplace']['admin']['moderation'];

export function ModerationTable({ initialQuery }: { initialQuery: ListInput }) {
  const trpc = useTRPC();
  const { query, filter, paging } = useListQuery(initialQuery);
  const [bookingId, setBookingId] = useState(initialQuery.bookingId ?? '');
  const [userId, setUserId] = useState(initialQuery.userId ?? '');
  const list = useQuery({
    ...trpc.marketplace.admin.moderation.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  return (
    <ListShell
      title="Moderation"
      intro="Reports from organizers and vendors. Emails and phone numbers are redacted before they are stored."
      filterLabel="Filter moderation events"
      onFilter={() =>
        filter({ bookingId: bookingId.trim() || undefined, userId: userId.trim() || undefined })
      }
      filters={
        <>
          <FilterSelect
            id="moderation-kind-filter"
            label="Kind"
            value={query.kind}
            options={MODERATION_KINDS}
            onChange={(kind) => filter({ kind })}
          />
          <FilterText
            id="moderation-user-filter"
            label="User id"
            placeholder="Reported by (user id)"
            value={userId}
            onChange={setUserId}
          />
          <FilterText
            id="moderation-booking-filter"
            label="Booking id"
            placeholder="Booking id (UUID)"
            value={bookingId}
            onChange={setBookingId}
          />
          <button type="submit">Filter</button>
        </>
      }
      list={list}
      tableLabel="Moderation events"
      emptyText="No moderation events match."
      paging={paging}
      head={
        <>
          <th>Kind</th>
          <th>Text</th>
          <th>User</th>
          <th>Booking</th>
          <th>Created</th>
        </>
      }
    >
      {list.data?.rows.map((event) => (
        <tr key={event.id}>
          <td>{event.kind}</td>
          <td className="prewrap">{event.text}</td>
          <td>{event.userId ? <code>{event.userId}</code> : '—'}</td>
          <td>
            {event.bookingId ? (
              <Link href={`/admin/marketplace/bookings/${event.bookingId}`}>
                <code>{event.bookingId}</code>
              </Link>
            ) : (
              '—'
            )}
          </td>
          <td>{dateTime(event.createdAt)}</td>
        </tr>
      ))}
    </ListShell>
  );
}
