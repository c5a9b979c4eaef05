import type { Metadata } from 'next';
import Link from 'next/link';
import { STAGE_COPY } from '@souk/core/client';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatStatus } from '@souk/ui';
import { requireSession } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { PreferencesForm } from './preferences-form';

export const metadata: Metadata = { title: 'My account' };
export const dynamic = 'force-dynamic';

const ORDERS_PAGE_SIZE = 20;

export default async function AccountPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireSession('/account');
  const caller = await serverCaller();
  const { paid, page: pageParam } = await searchParams;
  const requested = typeof pageParam === 'string' ? Number(pageParam) : 1;
  const page =
    Number.isSafeInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
  const [list, preferences] = await Promise.all([
    caller.checkout.myOrders({ page, pageSize: ORDERS_PAGE_SIZE }),
    caller.checkout.myPreferences(),
  ]);
  const orders = list.items;
  const pages = Math.max(1, Math.ceil(list.total / ORDERS_PAGE_SIZE));
  const paidOrder = typeof paid === 'string' ? orders.find((o) => o.id === paid) : undefined;

  return (
    <>
      <h1>My account</h1>
      <p className="muted">Signed in as {session.user.email}</p>
      {paidOrder ? (
        <div className="notice notice-success" role="status">
          Order #{paidOrder.number} is paid. Thank you!
        </div>
      ) : null}

      <section aria-labelledby="orders-heading" className="account-section">
        <h2 id="orders-heading">Orders</h2>
        {list.total === 0 ? (
          <p className="empty">No orders yet.</p>
        ) : (
          <div className="table-wrap" role="region" aria-label="Your orders" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th>Order</th>
                  <th>Date</th>
                  <th>Items</th>
                  <th className="num">Total</th>
                  <th>Status</th>
                  <th>Stage</th>
                  <th>
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {orders.map((order) => (
                  <tr key={order.id}>
                    <td>#{order.number}</td>
                    <td>{formatDate(order.createdAt)}</td>
                    <td>{order.items.map((i) => `${i.productName} × ${i.quantity}`).join(', ')}</td>
                    <td className="num">{formatMoney(order.totalCents, order.currency)}</td>
                    <td>{formatStatus(order.status)}</td>
                    <td>{STAGE_COPY[order.stage].title}</td>
                    <td>
                      {order.status === 'pending_payment' && order.resumeToken ? (
                        // A plain link: the route handler redirects off-site, and a
                        // prefetch must not open a pay page.
                        <a href={`/checkout/resume/${encodeURIComponent(order.resumeToken)}`}>
                          Resume checkout
                        </a>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages > 1 ? (
          <nav className="pagination" aria-label="Order pages">
            <span>
              Page {page} of {pages} ({list.total} orders)
            </span>
            {page > 1 ? (
              <Link href={`/account?page=${page - 1}`} className="button-small">
                Previous
              </Link>
            ) : null}
            {page < pages ? (
              <Link href={`/account?page=${page + 1}`} className="button-small">
                Next
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="notifications-heading" className="account-section">
        <h2 id="notifications-heading">Notifications</h2>
        <PreferencesForm initial={preferences} />
      </section>
    </>
  );
}
