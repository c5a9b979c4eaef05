import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@souk/auth';
import { formatMoney } from '@souk/core/money';
import { formatDateTime, formatStatus } from '@souk/ui';
import { formatRate, InvoiceDocument, invoiceFacts } from '@/components/invoice-document';
import { uuidParam, validParam } from '@/lib/params';
import { requireStaff } from '@/lib/session';
import { orderOrNotFound, planWords } from '../order-view';

export const metadata: Metadata = { title: 'Invoice' };

// Printing shows the invoice alone: the admin's bar, menu and this page's own links go.
const PRINT_CSS = `
@media print {
  .topbar, .admin-nav, .skip-link, .no-print { display: none !important; }
  .admin-shell, .admin-main { display: block; padding: 0; margin: 0; }
  .invoice { border: none; box-shadow: none; }
}
.invoice { max-width: 48rem; }
.invoice table { margin: 1rem 0; }
.invoice .totals { margin-left: auto; width: auto; }
.invoice .totals td { text-align: right; }
.invoice-head { display: flex; justify-content: space-between; gap: 2rem; flex-wrap: wrap; }
`;

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  const session = await requireStaff(`/admin/orders/${id}/invoice`);
  if (!can(session.role, 'orders.read')) {
    return (
      <>
        <h1>No access</h1>
        <p className="muted">Your role ({session.role}) does not include orders.</p>
      </>
    );
  }
  const order = await orderOrNotFound(id);
  const invoice = order.invoice ?? notFound();
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const balance = invoice.totalCents - invoice.amountPaidCents;

  return (
    <>
      <style>{PRINT_CSS}</style>
      <p className="no-print">
        <Link href={`/admin/orders/${order.id}`}>← Order #{order.number}</Link> · Use your
        browser&apos;s Print to print or save this invoice as PDF.
      </p>
      <InvoiceDocument
        title={`Invoice #${invoice.number}`}
        currency={invoice.currency}
        letterhead={order.orgName}
        details={invoiceFacts({ ...invoice, orderNumber: order.number })}
        beforeLines={
          <>
            <h2>Bill to</h2>
            <p>
              {order.customer?.name ? (
                <>
                  {order.customer.name}
                  <br />
                </>
              ) : null}
              {order.customerEmail}
            </p>
          </>
        }
        lines={invoice.lineItems}
        afterLines={
          order.items.some((i) => i.choices.length + i.customFields.length > 0 || i.plan) ? (
            <ul className="plain-list">
              {order.items.map((item) => (
                <li key={item.id}>
                  {item.productName}:{' '}
                  {[
                    ...item.choices.map((c) => c.label),
                    ...item.customFields.map((f) => `${f.label}: ${f.value}`),
                    ...(item.plan ? [`Plan: ${planWords(item.plan)}`] : []),
                  ].join('; ')}
                </li>
              ))}
            </ul>
          ) : null
        }
        totals={[
          { label: 'Subtotal', cents: invoice.subtotalCents },
          { label: 'Taxable subtotal', cents: invoice.taxableSubtotalCents },
          { label: `Tax (${formatRate(invoice.taxRateBps)})`, cents: invoice.taxCents },
          { label: 'Total', cents: invoice.totalCents, strong: true },
          { label: 'Paid', cents: invoice.amountPaidCents },
          { label: 'Refunded', cents: invoice.amountRefundedCents },
          invoice.status === 'open' ? { label: 'Balance due', cents: Math.max(balance, 0) } : null,
        ]}
      >
        {order.payments.length > 0 || order.refunds.length > 0 ? (
          <>
            <h2>Payments and refunds</h2>
            <table aria-label="Payments and refunds">
              <thead>
                <tr>
                  <th>Date</th>
                  <th>Entry</th>
                  <th>Status</th>
                  <th className="num">Amount</th>
                </tr>
              </thead>
              <tbody>
                {order.payments.map((p) => (
                  <tr key={p.id}>
                    <td>{formatDateTime(p.createdAt)}</td>
                    <td>Payment</td>
                    <td>{formatStatus(p.status)}</td>
                    <td className="num">{money(p.amountCents)}</td>
                  </tr>
                ))}
                {order.refunds.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDateTime(r.createdAt)}</td>
                    <td>Refund: {r.reason}</td>
                    <td>{formatStatus(r.status)}</td>
                    <td className="num">{money(-r.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </InvoiceDocument>
    </>
  );
}
