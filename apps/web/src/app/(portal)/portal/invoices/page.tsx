import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatStatus } from '@souk/ui';
import { ListTable } from '@/components/list-table';
import { PageLinks, pageParam, type SearchParams } from '@/components/page-links';
import { requirePortal } from '@/lib/portal';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'Invoices' };
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 20;

export default async function PortalInvoices({ searchParams }: { searchParams: SearchParams }) {
  await requirePortal();
  const page = pageParam((await searchParams).page);
  const list = await (await serverCaller()).portal.listInvoices({ page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  return (
    <>
      <h1>Your invoices</h1>
      <ListTable
        label="Your invoices"
        rows={list.items}
        emptyText="No invoices yet."
        columns={[
          {
            header: 'Invoice',
            cell: (i) => <Link href={`/portal/invoices/${i.id}`}>Invoice #{i.number}</Link>,
          },
          { header: 'Issued', cell: (i) => formatDate(i.issuedAt) },
          { header: 'Order', cell: (i) => `#${i.orderNumber}` },
          { header: 'Status', cell: (i) => formatStatus(i.status) },
          { header: 'Total', className: 'num', cell: (i) => formatMoney(i.totalCents, i.currency) },
          {
            header: 'Balance due',
            className: 'num',
            cell: (i) => formatMoney(i.balanceDueCents, i.currency),
          },
          {
            header: 'Actions',
            hideHeader: true,
            cell: (i) =>
              i.payUrl ? (
                // A plain link: the route redirects to a payment page, never on a prefetch.
                <a href={i.payUrl}>Pay invoice #{i.number}</a>
              ) : i.receiptUrl ? (
                <Link href={i.receiptUrl}>Receipt for invoice #{i.number}</Link>
              ) : null,
          },
        ]}
      />
      <PageLinks
        label="Invoice pages"
        page={page}
        pages={pages}
        href={(n) => `/portal/invoices?page=${n}`}
        count={`${list.total} invoices`}
      />
    </>
  );
}
