import type { Metadata } from 'next';
import Link from 'next/link';
import type { RouterOutputs } from '@souk/api';
import { formatMoney } from '@souk/core/money';
import { formatDate } from '@souk/ui';
import { ListTable } from '@/components/list-table';
import { requirePortal } from '@/lib/portal';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'Bookings' };
export const dynamic = 'force-dynamic';

type Booking = RouterOutputs['portal']['listBookings']['upcoming'][number];

function BookingTable({ label, rows, empty }: { label: string; rows: Booking[]; empty: string }) {
  return (
    <ListTable
      label={label}
      rows={rows}
      emptyText={empty}
      columns={[
        {
          header: 'Booking',
          cell: (b) => <Link href={`/portal/bookings/${b.id}`}>Booking #{b.number}</Link>,
        },
        { header: 'Event date', cell: (b) => formatDate(b.eventDate) },
        { header: 'Where', cell: (b) => b.locationText || '—' },
        { header: 'Vendors', cell: (b) => b.vendorNames.join(', ') || '—' },
        { header: 'Status', cell: (b) => b.statusLabel },
        {
          header: 'Total',
          className: 'num',
          cell: (b) => formatMoney(b.amounts.totalCents, b.currency),
        },
        {
          header: 'Balance due',
          className: 'num',
          cell: (b) => formatMoney(b.amounts.balanceDueCents, b.currency),
        },
      ]}
    />
  );
}

export default async function PortalBookings() {
  await requirePortal();
  const list = await (await serverCaller()).portal.listBookings();
  return (
    <>
      <h1>Your bookings</h1>
      <section aria-labelledby="upcoming-heading" className="account-section">
        <h2 id="upcoming-heading">Upcoming</h2>
        <BookingTable label="Upcoming bookings" rows={list.upcoming} empty="No upcoming events." />
      </section>
      {list.others.length > 0 ? (
        <section aria-labelledby="past-heading" className="account-section">
          <h2 id="past-heading">Past and other bookings</h2>
          <BookingTable label="Past and other bookings" rows={list.others} empty="None." />
        </section>
      ) : null}
    </>
  );
}
