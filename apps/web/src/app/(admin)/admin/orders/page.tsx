import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { requireStaff } from '@/lib/session';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { ORDERS_TABLE, PRODUCT_CHOICES } from './orders-query';
import { OrdersTable } from './orders-table';

export const metadata: Metadata = { title: 'Orders' };

export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireStaff('/admin/orders');
  if (!can(session.role, 'orders.read')) {
    return (
      <>
        <h1>No access</h1>
        <p className="muted">Your role ({session.role}) does not include orders.</p>
      </>
    );
  }
  // Awaited, for the page the URL names: the rows arrive with the HTML. A query still
  // pending here would render "Loading…" on the server and rows in the browser (#418).
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(
      trpc.orders.listOrders.queryOptions(parseTableQuery(await searchParams, ORDERS_TABLE)),
    ),
    can(session.role, 'catalog.read')
      ? queryClient.prefetchQuery(trpc.catalog.listProducts.queryOptions(PRODUCT_CHOICES))
      : null,
  ]);
  return (
    <HydrateClient>
      <OrdersTable canFilterByProduct={can(session.role, 'catalog.read')} />
    </HydrateClient>
  );
}
