import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatDateTime, formatStatus } from '@souk/ui';
import { ListTable } from '@/components/list-table';
import { orNotFound } from '@/lib/or-not-found';
import { requireSession } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { OrderLines } from '../../order-lines';

export const metadata: Metadata = { title: 'Order' };
export const dynamic = 'force-dynamic';

export default async function MyOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSession(`/account/orders/${encodeURIComponent(id)}`);
  // Another customer's order, another org's or a malformed id: the same 404.
  const order = await orNotFound((await serverCaller()).checkout.getMyOrder({ orderId: id }));
  const money = (cents: number, currency = order.currency) => formatMoney(cents, currency);

  return (
    <>
      <p>
        <Link href="/account">← My account</Link>
      </p>
      <h1>Order #{order.number}</h1>
      <p className="muted">
        Placed {formatDate(order.createdAt)} · {formatStatus(order.status)}
        {order.invoice ? ` · Invoice #${order.invoice.number}` : ''}
      </p>

      <section aria-labelledby="stage-heading" className="card checkout-progress">
        <h2 id="stage-heading">Current stage: {order.stageTitle}</h2>
        <p>{order.stageDescription}</p>
      </section>

      <section aria-labelledby="items-heading" className="account-section">
        <h2 id="items-heading">Items and invoice</h2>
        <OrderLines order={order} />
      </section>

      <section aria-labelledby="payments-heading" className="account-section">
        <h2 id="payments-heading">Payments</h2>
        <ListTable
          label="Payments"
          rows={order.payments}
          emptyText="No payment yet."
          columns={[
            { header: 'Date', cell: (p) => formatDateTime(p.createdAt) },
            { header: 'Amount', className: 'num', cell: (p) => money(p.amountCents, p.currency) },
            {
              header: 'Refunded',
              className: 'num',
              cell: (p) => money(p.amountRefundedCents, p.currency),
            },
            { header: 'Status', cell: (p) => formatStatus(p.status) },
          ]}
        />
      </section>

      <section aria-labelledby="refunds-heading" className="account-section">
        <h2 id="refunds-heading">Refunds</h2>
        <ListTable
          label="Refunds"
          rows={order.refunds}
          emptyText="No refunds."
          columns={[
            { header: 'Date', cell: (r) => formatDateTime(r.createdAt) },
            { header: 'Amount', className: 'num', cell: (r) => money(r.amountCents, r.currency) },
            { header: 'Status', cell: (r) => formatStatus(r.status) },
          ]}
        />
      </section>
    </>
  );
}
