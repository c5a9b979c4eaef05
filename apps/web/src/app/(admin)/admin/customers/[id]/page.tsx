import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@souk/auth';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatDateTime, formatStatus, StatusBadge } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { ListTable, type ListColumn } from '@/components/list-table';
import { orNotFound } from '@/lib/or-not-found';
import { uuidParam, validParam } from '@/lib/params';
import { requireStaff } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { NoteForm } from './note-form';

export const metadata: Metadata = { title: 'Customer' };

type Profile = RouterOutputs['customers']['getCustomer'];

const ORDER_COLUMNS: ListColumn<Profile['orders'][number]>[] = [
  {
    header: 'Order',
    cell: (o) => <Link href={`/admin/orders/${o.id}`}>#{o.number}</Link>,
  },
  { header: 'Date', cell: (o) => formatDateTime(o.createdAt) },
  { header: 'Status', cell: (o) => <StatusBadge status={o.status} /> },
  { header: 'Total', className: 'num', cell: (o) => formatMoney(o.totalCents, o.currency) },
];

const BOOKING_COLUMNS: ListColumn<Profile['bookings'][number]>[] = [
  {
    header: 'Booking',
    cell: (b) => <Link href={`/admin/marketplace/bookings/${b.id}`}>#{b.number}</Link>,
  },
  { header: 'Event date', cell: (b) => formatDate(b.eventDate) },
  { header: 'Status', cell: (b) => <StatusBadge status={b.status} /> },
  { header: 'Total', className: 'num', cell: (b) => formatMoney(b.totalCents, b.currency) },
  { header: 'Created', cell: (b) => formatDateTime(b.createdAt) },
];

/** "Showing the newest 50 of 73" when the profile holds only part of a list. */
function partOf(shown: number, total: number, noun: string) {
  return shown < total ? (
    <p className="muted">
      Showing the newest {shown} of {total} {noun}.
    </p>
  ) : null;
}

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  const session = await requireStaff(`/admin/customers/${id}`);
  if (!can(session.role, 'customers.read')) {
    return (
      <>
        <h1>No access</h1>
        <p className="muted">Your role ({session.role}) does not include customers.</p>
      </>
    );
  }
  // Another org's customer, or someone who is not a customer here, is the 404 page.
  const customer = await orNotFound((await serverCaller()).customers.getCustomer({ id }));
  return (
    <>
      <p>
        <Link href="/admin/customers">← Customers</Link>
      </p>
      <h1>{customer.name ?? customer.email}</h1>
      <section aria-label="Identity">
        <dl className="summary-list">
          <dt>Name</dt>
          <dd>{customer.name ?? '—'}</dd>
          <dt>Email</dt>
          <dd>{customer.email}</dd>
          <dt>Customer since</dt>
          <dd>{formatDate(customer.memberSince)}</dd>
          <dt>Role in this store</dt>
          <dd>{customer.role ? formatStatus(customer.role.toLowerCase()) : 'No account role'}</dd>
          <dt>Lifetime value</dt>
          <dd>{formatMoney(customer.lifetimeValueCents, customer.currency)}</dd>
          <dt>Order updates by email</dt>
          <dd>{customer.preferences.orderUpdates ? 'Yes' : 'No'}</dd>
        </dl>
      </section>

      <section aria-labelledby="customer-orders">
        <h2 id="customer-orders">Orders ({customer.ordersCount})</h2>
        {partOf(customer.orders.length, customer.ordersCount, 'orders')}
        <ListTable
          label="Orders"
          columns={ORDER_COLUMNS}
          rows={customer.orders}
          emptyText="No orders yet."
        />
      </section>

      <section aria-labelledby="customer-bookings">
        <h2 id="customer-bookings">Bookings ({customer.bookingsCount})</h2>
        {partOf(customer.bookings.length, customer.bookingsCount, 'bookings')}
        <ListTable
          label="Bookings"
          columns={BOOKING_COLUMNS}
          rows={customer.bookings}
          emptyText="No bookings yet."
        />
      </section>

      <section aria-labelledby="customer-notes">
        <h2 id="customer-notes">Notes ({customer.notesCount})</h2>
        {can(session.role, 'customers.write') ? <NoteForm customerId={customer.id} /> : null}
        {partOf(customer.notes.length, customer.notesCount, 'notes')}
        {customer.notes.length === 0 ? (
          <p className="muted">No notes yet.</p>
        ) : (
          <div>
            {customer.notes.map((note) => (
              <article key={note.id} className="panel">
                <p className="muted">
                  {note.author ? (note.author.name ?? note.author.email) : 'Former staff member'}
                  {' · '}
                  {formatDateTime(note.createdAt)}
                </p>
                <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{note.body}</p>
              </article>
            ))}
          </div>
        )}
      </section>
    </>
  );
}
