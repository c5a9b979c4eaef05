'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { DataTable, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { idFilterProblem } from '@/lib/url-table-state';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { dateTime } from '../_components/format';
import { MODERATION_KINDS } from '../_components/options';
import { MODERATION_TABLE } from '../_components/table-specs';

type ModerationEvent =
  RouterOutputs['marketplace']['admin']['listModerationReports']['items'][number];

const COLUMNS: DataTableColumn<ModerationEvent>[] = [
  { id: 'kind', header: 'Kind', cell: (event) => event.kind },
  { id: 'text', header: 'Text', cell: (event) => <span className="prewrap">{event.text}</span> },
  {
    id: 'user',
    header: 'User',
    cell: (event) => (event.userId ? <code>{event.userId}</code> : '—'),
  },
  {
    id: 'booking',
    header: 'Booking',
    cell: (event) =>
      event.bookingId ? (
        <Link href={`/admin/marketplace/bookings/${event.bookingId}`}>
          <code>{event.bookingId}</code>
        </Link>
      ) : (
        '—'
      ),
  },
  { id: 'createdAt', header: 'Created', cell: (event) => dateTime(event.createdAt) },
];

export function ModerationTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(MODERATION_TABLE);
  const list = useQuery({
    ...trpc.marketplace.admin.listModerationReports.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <h1>Moderation</h1>
      <p className="muted">
        Reports from organizers and vendors. Emails and phone numbers are redacted before they are
        stored.
      </p>
      <DataTable
        label="Moderation events"
        noun={['event', 'events']}
        columns={COLUMNS}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(event) => event.id}
        control={control}
        filterLabel="Filter moderation events"
        filters={[
          {
            kind: 'select',
            key: 'kind',
            id: 'moderation-kind-filter',
            label: 'Kind',
            options: MODERATION_KINDS,
          },
          {
            kind: 'text',
            key: 'userId',
            id: 'moderation-user-filter',
            label: 'User id',
            placeholder: 'Reported by (user id)',
            validate: idFilterProblem('user'),
          },
          {
            kind: 'text',
            key: 'bookingId',
            id: 'moderation-booking-filter',
            label: 'Booking id',
            placeholder: 'Booking id (UUID)',
            validate: idFilterProblem('booking'),
          },
        ]}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No moderation events match."
      />
    </>
  );
}
