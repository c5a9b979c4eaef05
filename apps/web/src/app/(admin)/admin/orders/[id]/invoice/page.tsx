import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@souk/auth';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatDateTime, formatStatus } from '@souk/ui';
import { uuidParam, validParam } from '@/lib/params';
import { requireStaff } from '@/lib/session';
import { formatRate, orderOrNotFound, planWords } from '../order-view';

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
      <article className="invoice" aria-labelledby="invoice-title">
        <div className="invoice-head">
          <div>
            <h1 id="invoice-title">Invoice #{invoice.number}</h1>
            <p>
              <strong>{order.orgName}</strong>
            </p>
          </div>
          <dl>
            <dt>Issued</dt>
            <dd>{formatDate(invoice.issuedAt)}</dd>
            <dt>Order</dt>
            <dd>#{order.number}</dd>
            <dt>Status</dt>
            <dd>{formatStatus(invoice.status)}</dd>
          </dl>
        </div>
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

        <table aria-label="Invoice lines">
          <thead>
            <tr>
              <th>Description</th>
              <th className="num">Quantity</th>
              <th className="num">Unit price</th>
              <th className="num">Tax rate</th>
              <th className="num">Amount</th>
            </tr>
          </thead>
          <tbody>
            {invoice.lineItems.map((line) => (
              <tr key={line.id}>
                <td>{line.description}</td>
                <td className="num">{line.quantity}</td>
                <td className="num">{money(line.unitAmountCents)}</td>
                <td className="num">{formatRate(line.taxRateBps)}</td>
                <td className="num">{money(line.totalCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {order.items.some((i) => i.choices.length + i.customFields.length > 0 || i.plan) ? (
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
        ) : null}

        <table className="totals" aria-label="Totals">
          <tbody>
            <tr>
              <th scope="row">Subtotal</th>
              <td>{money(invoice.subtotalCents)}</td>
            </tr>
            <tr>
              <th scope="row">Taxable subtotal</th>
              <td>{money(invoice.taxableSubtotalCents)}</td>
            </tr>
            <tr>
              <th scope="row">Tax ({formatRate(invoice.taxRateBps)})</th>
              <td>{money(invoice.taxCents)}</td>
            </tr>
            <tr>
              <th scope="row">Total</th>
              <td>
                <strong>{money(invoice.totalCents)}</strong>
              </td>
            </tr>
            <tr>
              <th scope="row">Paid</th>
              <td>{money(invoice.amountPaidCents)}</td>
            </tr>
            <tr>
              <th scope="row">Refunded</th>
              <td>{money(invoice.amountRefundedCents)}</td>
            </tr>
            {invoice.status === 'open' ? (
              <tr>
                <th scope="row">Balance due</th>
                <td>{money(Math.max(balance, 0))}</td>
              </tr>
            ) : null}
          </tbody>
        </table>

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
      </article>
    </>
  );
}
