import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatStatus } from '@souk/ui';
import { ListTable } from '@/components/list-table';
import { orNotFound } from '@/lib/or-not-found';
import { uuidParam, validParam } from '@/lib/params';
import { requirePortal } from '@/lib/portal';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'Order' };
export const dynamic = 'force-dynamic';

export default async function PortalOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  await requirePortal();
  const order = await orNotFound((await serverCaller()).portal.getOrder({ id }));
  const money = (cents: number) => formatMoney(cents, order.currency);
  const totals = [
    { id: 'subtotal', label: 'Subtotal', value: money(order.subtotalCents) },
    { id: 'tax', label: 'Tax', value: money(order.taxCents) },
    { id: 'total', label: 'Total', value: money(order.totalCents) },
  ];
  return (
    <>
      <p>
        <Link href="/portal/orders">← Your orders</Link>
      </p>
      <h1>Order #{order.number}</h1>
      <p className="muted">
        Placed {formatDate(order.createdAt)} · {formatStatus(order.status)}
        {order.invoice ? (
          <>
            {' · '}
            <Link href={`/portal/invoices/${order.invoice.id}`}>
              Invoice #{order.invoice.number}
            </Link>
          </>
        ) : null}
      </p>
      <ListTable
        label={`Items in order #${order.number}`}
        rows={order.items}
        columns={[
          { header: 'Item', cell: (i) => i.productName },
          { header: 'Quantity', className: 'num', cell: (i) => i.quantity },
          { header: 'Price', className: 'num', cell: (i) => money(i.unitPriceCents) },
          { header: 'Amount', className: 'num', cell: (i) => money(i.totalCents) },
        ]}
      />
      <ListTable
        label={`Totals of order #${order.number}`}
        rows={totals}
        columns={[
          { header: 'Line', cell: (row) => row.label },
          { header: 'Amount', className: 'num', cell: (row) => row.value },
        ]}
      />
    </>
  );
}
