import type { Metadata } from 'next';
import Link from 'next/link';
import { STAGE_COPY } from '@souk/core/client';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatStatus } from '@souk/ui';
import { ListTable } from '@/components/list-table';
import { PageLinks, pageParam, type SearchParams } from '@/components/page-links';
import { requireSession } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { PreferencesForm } from './preferences-form';

export const metadata: Metadata = { title: 'My account' };
export const dynamic = 'force-dynamic';

const ORDERS_PAGE_SIZE = 20;

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireSession('/account');
  const caller = await serverCaller();
  const { paid, page: rawPage } = await searchParams;
  const page = pageParam(rawPage);
  const [list, preferences] = await Promise.all([
    caller.checkout.listMyOrders({ page, pageSize: ORDERS_PAGE_SIZE }),
    caller.checkout.getMyPreferences(),
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
          <ListTable
            label="Your orders"
            rows={orders}
            columns={[
              {
                header: 'Order',
                cell: (order) => (
                  <Link href={`/account/orders/${order.id}`}>Order #{order.number}</Link>
                ),
              },
              { header: 'Date', cell: (order) => formatDate(order.createdAt) },
              {
                header: 'Items',
                cell: (order) =>
                  order.items.map((i) => `${i.productName} × ${i.quantity}`).join(', '),
              },
              {
                header: 'Total',
                className: 'num',
                cell: (order) => formatMoney(order.totalCents, order.currency),
              },
              { header: 'Status', cell: (order) => formatStatus(order.status) },
              { header: 'Stage', cell: (order) => STAGE_COPY[order.stage].title },
              {
                header: 'Actions',
                hideHeader: true,
                cell: (order) =>
                  order.status === 'pending_payment' && order.resumeToken ? (
                    // A plain link: the route handler redirects off-site, and a
                    // prefetch must not open a pay page.
                    <a href={`/checkout/resume/${encodeURIComponent(order.resumeToken)}`}>
                      Resume checkout
                    </a>
                  ) : null,
              },
            ]}
          />
        )}
        <PageLinks
          label="Order pages"
          page={page}
          pages={pages}
          href={(n) => `/account?page=${n}`}
          count={`${list.total} orders`}
        />
      </section>

      <section aria-labelledby="notifications-heading" className="account-section">
        <h2 id="notifications-heading">Notifications</h2>
        <PreferencesForm initial={preferences} />
      </section>
    </>
  );
}
