import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@souk/auth';
import { formatMoney } from '@souk/core/money';
import { formatDateTime, formatStatus, StatusBadge } from '@souk/ui';
import { formatRate } from '@/components/invoice-document';
import { ListTable } from '@/components/list-table';
import { uuidParam, validParam } from '@/lib/params';
import { requireStaff } from '@/lib/session';
import { getQueryClient, HydrateClient, serverCaller, trpc } from '@/trpc/server';
import { OrchestrationPanel } from './orchestration-panel';
import { OrderActions } from './order-actions';
import { OrderMessages } from './order-messages';
import { orderOrNotFound, planWords, type OrderDetail } from './order-view';
import { RefundPanel } from './refund-panel';

export const metadata: Metadata = { title: 'Order' };

type Item = OrderDetail['items'][number];

// The admin's summary-list styles live under .admin-marketplace; this page sets its own.
const summaryStyle = {
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  gap: '0.35rem 1.25rem',
} as const;

function ItemChoices({ item, currency }: { item: Item; currency: string }) {
  const lines = [
    ...item.choices.map(
      (c) =>
        `${c.label}${c.amountCents > 0 ? ` (+${formatMoney(c.amountCents, currency)})` : c.amountCents < 0 ? ` (${formatMoney(c.amountCents, currency)})` : ''}`,
    ),
    ...item.customFields.map((f) => `${f.label}: ${f.value}`),
    ...(item.plan ? [`Plan: ${planWords(item.plan)}`] : []),
  ];
  if (lines.length === 0) return <span className="muted">No options chosen</span>;
  return (
    <ul className="plain-list">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  const session = await requireStaff(`/admin/orders/${id}`);
  if (!can(session.role, 'orders.read')) {
    return (
      <>
        <h1>No access</h1>
        <p className="muted">Your role ({session.role}) does not include orders.</p>
      </>
    );
  }
  const order = await orderOrNotFound(id);
  const money = (cents: number) => formatMoney(cents, order.currency);
  const canManage = can(session.role, 'orders.manage');
  const showsOrchestration = can(session.role, 'checkout.read');

  // Seed the client cache with what the panels would fetch, instead of fetching it twice.
  const caller = await serverCaller();
  const queryClient = getQueryClient();
  if (showsOrchestration) {
    queryClient.setQueryData(
      trpc.checkout.getOrchestration.queryKey({ orderId: id }),
      await caller.checkout.getOrchestration({ orderId: id }),
    );
  }
  queryClient.setQueryData(
    trpc.orders.listRefunds.queryKey({ orderId: id }),
    await caller.orders.listRefunds({ orderId: id }),
  );

  return (
    <HydrateClient>
      <p>
        <Link href="/admin/orders">← Orders</Link>
      </p>
      <div className="page-head">
        <h1>Order #{order.number}</h1>
        <StatusBadge status={order.status} />
        {order.invoice ? (
          <Link className="button" href={`/admin/orders/${order.id}/invoice`}>
            Printable invoice
          </Link>
        ) : null}
      </div>
      <OrderActions
        orderId={order.id}
        orderNumber={order.number}
        customerEmail={order.customerEmail}
        canResend={canManage && (order.status === 'paid' || order.status === 'fulfilled')}
        canCancel={canManage && order.status === 'pending_payment'}
      />

      <section aria-labelledby="order-summary">
        <h2 id="order-summary">Summary</h2>
        <dl className="summary-list" style={summaryStyle}>
          <dt>Placed</dt>
          <dd>{formatDateTime(order.createdAt)}</dd>
          <dt>Paid</dt>
          <dd>{formatDateTime(order.paidAt, 'Not paid')}</dd>
          <dt>Customer</dt>
          <dd>
            {order.customer ? (
              <Link href={`/admin/customers/${order.customer.id}`}>
                {order.customer.name ?? order.customer.email}
              </Link>
            ) : (
              <span className="muted">Guest</span>
            )}{' '}
            <span className="muted">{order.customerEmail}</span>
          </dd>
          <dt>Total</dt>
          <dd>{money(order.totalCents)}</dd>
        </dl>
      </section>

      <section aria-labelledby="order-items">
        <h2 id="order-items">Items</h2>
        <ListTable
          label="Items"
          rows={order.items}
          columns={[
            { header: 'Product', cell: (i) => i.productName },
            { header: 'Chosen', cell: (i) => <ItemChoices item={i} currency={order.currency} /> },
            { header: 'Quantity', className: 'num', cell: (i) => i.quantity },
            { header: 'Unit price', className: 'num', cell: (i) => money(i.unitPriceCents) },
            { header: 'Total', className: 'num', cell: (i) => money(i.totalCents) },
          ]}
        />
      </section>

      <section aria-labelledby="order-invoice">
        <h2 id="order-invoice">Invoice</h2>
        {order.invoice ? (
          <>
            <dl className="summary-list" style={summaryStyle}>
              <dt>Number</dt>
              <dd>
                #{order.invoice.number} <StatusBadge status={order.invoice.status} />
              </dd>
              <dt>Issued</dt>
              <dd>{formatDateTime(order.invoice.issuedAt)}</dd>
              <dt>Subtotal</dt>
              <dd>{money(order.invoice.subtotalCents)}</dd>
              <dt>Taxable subtotal</dt>
              <dd>{money(order.invoice.taxableSubtotalCents)}</dd>
              <dt>Tax rate</dt>
              <dd>{formatRate(order.invoice.taxRateBps)}</dd>
              <dt>Tax</dt>
              <dd>{money(order.invoice.taxCents)}</dd>
              <dt>Total</dt>
              <dd>{money(order.invoice.totalCents)}</dd>
              <dt>Paid</dt>
              <dd>{money(order.invoice.amountPaidCents)}</dd>
              <dt>Refunded</dt>
              <dd>{money(order.invoice.amountRefundedCents)}</dd>
            </dl>
            <ListTable
              label="Invoice lines"
              rows={order.invoice.lineItems}
              columns={[
                { header: 'Description', cell: (l) => l.description },
                { header: 'Quantity', className: 'num', cell: (l) => l.quantity },
                { header: 'Unit', className: 'num', cell: (l) => money(l.unitAmountCents) },
                { header: 'Tax rate', className: 'num', cell: (l) => formatRate(l.taxRateBps) },
                { header: 'Total', className: 'num', cell: (l) => money(l.totalCents) },
              ]}
            />
          </>
        ) : (
          <p className="muted">No invoice was issued for this order.</p>
        )}
      </section>

      <section aria-labelledby="order-payments">
        <h2 id="order-payments">Payments</h2>
        <ListTable
          label="Payments"
          rows={order.payments}
          emptyText="No payments yet."
          columns={[
            { header: 'When', cell: (p) => formatDateTime(p.createdAt) },
            { header: 'Amount', className: 'num', cell: (p) => money(p.amountCents) },
            { header: 'Refunded', className: 'num', cell: (p) => money(p.amountRefundedCents) },
            { header: 'Status', cell: (p) => <StatusBadge status={p.status} /> },
            {
              header: 'Payment intent',
              cell: (p) => <span className="muted">{p.processorPaymentIntentId}</span>,
            },
          ]}
        />
        {/* The refund form and the refunds list (it refreshes after a refund). */}
        <RefundPanel orderId={order.id} canRefund={can(session.role, 'orders.refund')} />
      </section>

      <section aria-labelledby="order-sessions">
        <h2 id="order-sessions">Checkout sessions</h2>
        <ListTable
          label="Checkout sessions"
          rows={order.sessions}
          emptyText="No checkout pages (a free order needs none)."
          columns={[
            { header: 'Opened', cell: (x) => formatDateTime(x.createdAt) },
            { header: 'Status', cell: (x) => <StatusBadge status={x.status} /> },
            { header: 'Amount', className: 'num', cell: (x) => money(x.amountCents) },
            { header: 'Expires', cell: (x) => formatDateTime(x.expiresAt) },
            {
              header: 'Outcome',
              cell: (x) =>
                x.lastPaymentError ??
                (x.completedAt
                  ? `Completed ${formatDateTime(x.completedAt)}`
                  : x.expiredAt
                    ? `Expired ${formatDateTime(x.expiredAt)}`
                    : x.abandonedAt
                      ? `Abandoned ${formatDateTime(x.abandonedAt)}`
                      : '—'),
            },
            {
              header: 'Processor session',
              cell: (x) => <span className="muted">{x.processorSessionId}</span>,
            },
          ]}
        />
      </section>

      {showsOrchestration ? (
        <section aria-labelledby="order-orchestration">
          <h2 id="order-orchestration">Orchestration</h2>
          <OrchestrationPanel orderId={id} canManage={can(session.role, 'checkout.manage')} />
        </section>
      ) : null}

      <section aria-labelledby="order-tasks">
        <h2 id="order-tasks">Fulfillment tasks</h2>
        <ListTable
          label="Fulfillment tasks"
          rows={order.tasks}
          emptyText="No fulfillment tasks yet: they start once the order is paid."
          columns={[
            { header: 'Task', cell: (t) => formatStatus(t.kind) },
            { header: 'Status', cell: (t) => <StatusBadge status={t.status} /> },
            { header: 'Attempts', className: 'num', cell: (t) => t.attempts },
            {
              header: 'Done',
              cell: (t) => formatDateTime(t.completedAt, t.lastError ?? '—'),
            },
          ]}
        />
      </section>

      <section aria-labelledby="order-messages">
        <h2 id="order-messages">Messages</h2>
        <OrderMessages messages={order.outbox} />
      </section>
    </HydrateClient>
  );
}
