import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@souk/auth';
import { formatMoney } from '@souk/core/money';
import { formatStatus } from '@souk/ui';
import { formatEventDate, isPriced } from '@/components/organizer/booking-words';
import { CustomerOnly } from '@/components/organizer/customer-only';
import { requireSession } from '@/lib/session';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'My bookings' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 25;

export default async function MyBookingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession('/bookings');
  if (!can(session.role, 'marketplace.book')) return <CustomerOnly title="My bookings" />;
  const raw = (await searchParams).page;
  const page = Math.max(1, Number.parseInt(typeof raw === 'string' ? raw : '1', 10) || 1);
  const { total, items } = await (
    await serverCaller()
  ).marketplace.organizer.bookings({ page, pageSize: PAGE_SIZE });
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
          <div className="table-wrap" role="region" aria-label="Your bookings" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th>Booking</th>
                  <th>Event date</th>
                  <th>Vendors</th>
                  <th>Status</th>
                  <th className="num">Total</th>
                  <th className="num">Paid</th>
                </tr>
              </thead>
              <tbody>
                {items.map((booking) => (
                  <tr key={booking.id}>
                    <td>
                      <Link href={`/bookings/${booking.id}`}>#{booking.number}</Link>
                    </td>
                    <td>{formatEventDate(booking.eventDate)}</td>
                    <td>
                      <ul className="plain-list">
                        {booking.vendors.map((linkage) => (
                          <li key={linkage.id}>
                            {linkage.vendor.displayName} ({formatStatus(linkage.status)})
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>{booking.statusLabel}</td>
                    <td className="num">
                      {isPriced(booking)
                        ? formatMoney(booking.amounts.totalCents, booking.currency)
                        : 'Not priced yet'}
                    </td>
                    <td className="num">
                      {formatMoney(booking.amounts.paidCents, booking.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <nav className="pagination" aria-label="Pagination">
              <span>
                Page {page} of {pages}
              </span>
              {page > 1 ? <Link href={`/bookings?page=${page - 1}`}>Previous</Link> : null}
              {page < pages ? <Link href={`/bookings?page=${page + 1}`}>Next</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
