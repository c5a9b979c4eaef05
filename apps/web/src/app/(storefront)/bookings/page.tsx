import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@souk/auth';
import { formatMoney } from '@souk/core/money';
import { formatStatus } from '@souk/ui';
import { ListTable } from '@/components/list-table';
import { formatEventDate, isPriced } from '@/components/organizer/booking-words';
import { CustomerOnly } from '@/components/organizer/customer-only';
import { PageLinks, pageParam, type SearchParams } from '@/components/page-links';
import { requireSession } from '@/lib/session';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'My bookings' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 25;

export default async function MyBookingsPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSession('/bookings');
  if (!can(session.role, 'marketplace.book')) return <CustomerOnly title="My bookings" />;
  const page = pageParam((await searchParams).page);
  const { total, items } = await (
    await serverCaller()
  ).marketplace.organizer.listBookings({ page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <div className="page-head">
        <h1>My bookings</h1>
        <Link href="/bookings/new" className="button button-primary">
          New booking
        </Link>
      </div>
      {total === 0 ? (
        <p className="empty">You have no bookings yet.</p>
      ) : (
        <>
          <ListTable
            label="Your bookings"
            rows={items}
            columns={[
              {
                header: 'Booking',
                cell: (booking) => <Link href={`/bookings/${booking.id}`}>#{booking.number}</Link>,
              },
              { header: 'Event date', cell: (booking) => formatEventDate(booking.eventDate) },
              {
                header: 'Vendors',
                cell: (booking) => (
                  <ul className="plain-list">
                    {booking.vendors.map((linkage) => (
                      <li key={linkage.id}>
                        {linkage.vendor.displayName} ({formatStatus(linkage.status)})
                      </li>
                    ))}
                  </ul>
                ),
              },
              { header: 'Status', cell: (booking) => booking.statusLabel },
              {
                header: 'Total',
                className: 'num',
                cell: (booking) =>
                  isPriced(booking)
                    ? formatMoney(booking.amounts.totalCents, booking.currency)
                    : 'Not priced yet',
              },
              {
                header: 'Paid',
                className: 'num',
                cell: (booking) => formatMoney(booking.amounts.paidCents, booking.currency),
              },
            ]}
          />
          <PageLinks
            label="Pagination"
            page={page}
            pages={pages}
            href={(n) => `/bookings?page=${n}`}
          />
        </>
      )}
    </>
  );
}
