import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatDateTime, formatStatus } from '@souk/ui';
import { ListTable } from '@/components/list-table';
import { orNotFound } from '@/lib/or-not-found';
import { uuidParam, validParam } from '@/lib/params';
import { requirePortal } from '@/lib/portal';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'Booking' };
export const dynamic = 'force-dynamic';

function fileSize(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export default async function PortalBooking({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  await requirePortal();
  // Another client's booking, another org's, or none: the same 404.
  const booking = await orNotFound((await serverCaller()).portal.getBooking({ id }));
  const money = (cents: number | null) =>
    cents === null ? '—' : formatMoney(cents, booking.currency);

  return (
    <>
      <p>
        <Link href="/portal/bookings">← Your bookings</Link>
      </p>
      <h1>Booking #{booking.number}</h1>
      <dl className="booking-details">
        <dt>Status</dt>
        <dd>{booking.statusLabel}</dd>
        <dt>Event date</dt>
        <dd>{formatDate(booking.eventDate)}</dd>
        <dt>Where</dt>
        <dd>{booking.locationText || '—'}</dd>
        <dt>Guests</dt>
        <dd>{booking.guestCount ?? '—'}</dd>
        <dt>Total</dt>
        <dd>{money(booking.amounts.totalCents)}</dd>
        <dt>Paid</dt>
        <dd>{money(booking.amounts.paidCents)}</dd>
        <dt>Balance due</dt>
        <dd>{money(booking.amounts.balanceDueCents)}</dd>
      </dl>
      {booking.notes ? <p>{booking.notes}</p> : null}

      <section aria-labelledby="vendors-heading" className="account-section">
        <h2 id="vendors-heading">Vendors</h2>
        <ListTable
          label="Vendors"
          rows={booking.vendors}
          emptyText="No vendors yet."
          columns={[
            { header: 'Vendor', cell: (v) => v.displayName },
            { header: 'Role', cell: (v) => (v.role === 'venue' ? 'Venue' : 'Service') },
            { header: 'Status', cell: (v) => formatStatus(v.status) },
            { header: 'Agreed amount', className: 'num', cell: (v) => money(v.agreedAmountCents) },
          ]}
        />
      </section>

      <section aria-labelledby="payments-heading" className="account-section">
        <h2 id="payments-heading">Payments</h2>
        <ListTable
          label="Payments"
          rows={booking.payments}
          emptyText="No payment yet."
          columns={[
            { header: 'Date', cell: (p) => formatDateTime(p.createdAt) },
            { header: 'Kind', cell: (p) => formatStatus(p.kind) },
            { header: 'Status', cell: (p) => formatStatus(p.status) },
            { header: 'Amount', className: 'num', cell: (p) => money(p.amountCents) },
            { header: 'Refunded', className: 'num', cell: (p) => money(p.amountRefundedCents) },
          ]}
        />
      </section>

      <section aria-labelledby="files-heading" className="account-section">
        <h2 id="files-heading">Photos and files</h2>
        <ListTable
          label="Photos and files"
          rows={booking.files}
          emptyText="No photos or files yet."
          columns={[
            {
              header: 'File',
              // A plain link: the signed URL is for a click, not a prefetch.
              cell: (f) => (
                <a href={f.url} rel="noreferrer">
                  {f.fileName}
                </a>
              ),
            },
            { header: 'Type', cell: (f) => f.contentType },
            { header: 'Size', className: 'num', cell: (f) => fileSize(f.sizeBytes) },
          ]}
        />
        <p className="muted">
          Download links work for a few minutes; reload the page for fresh ones.
        </p>
      </section>
    </>
  );
}
