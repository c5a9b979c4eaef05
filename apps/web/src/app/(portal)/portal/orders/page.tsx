import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatStatus } from '@souk/ui';
import { ListTable } from '@/components/list-table';
import { PageLinks, pageParam, type SearchParams } from '@/components/page-links';
import { requirePortal } from '@/lib/portal';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'Orders' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

export default async function PortalOrders({ searchParams }: { searchParams: SearchParams }) {
  await requirePortal();
  const page = pageParam((await searchParams).page);
  const list = await (await serverCaller()).portal.listOrders({ page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  return (
    <>
      <h1>Your orders</h1>
      <ListTable
        label="Your orders"
        rows={list.items}
        emptyText="No orders yet."
        columns={[
          {
            header: 'Order',
            cell: (o) => <Link href={`/portal/orders/${o.id}`}>Order #{o.number}</Link>,
          },
          { header: 'Date', cell: (o) => formatDate(o.createdAt) },
          {
            header: 'Items',
            cell: (o) => o.items.map((i) => `${i.productName} × ${i.quantity}`).join(', ') || '—',
          },
          { header: 'Total', className: 'num', cell: (o) => formatMoney(o.totalCents, o.currency) },
          { header: 'Status', cell: (o) => formatStatus(o.status) },
          {
            header: 'Invoice',
            cell: (o) =>
              o.invoice ? (
                <Link href={`/portal/invoices/${o.invoice.id}`}>Invoice #{o.invoice.number}</Link>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <PageLinks
        label="Order pages"
        page={page}
        pages={pages}
        href={(n) => `/portal/orders?page=${n}`}
        count={`${list.total} orders`}
      />
    </>
  );
}
