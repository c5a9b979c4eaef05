import type { RouterOutputs } from '@souk/api';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatDateTime, formatStatus } from '@souk/ui';

export type PortalInvoice = RouterOutputs['portal']['getInvoice'];

const rate = (bps: number) => `${(bps / 100).toFixed(2).replace(/\.?0+$/, '')}%`;

/** The invoice as a document: lines, totals and payments (detail page and receipt). */
export function InvoiceDocument({ invoice, title }: { invoice: PortalInvoice; title: string }) {
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  return (
    <article className="invoice" aria-labelledby="invoice-title">
      <h1 id="invoice-title">{title}</h1>
      <dl className="booking-details">
        <dt>From</dt>
        <dd>{invoice.orgName}</dd>
        <dt>Billed to</dt>
        <dd>{invoice.billedTo}</dd>
        <dt>Issued</dt>
        <dd>{formatDate(invoice.issuedAt)}</dd>
        <dt>Order</dt>
        <dd>#{invoice.orderNumber}</dd>
        <dt>Status</dt>
        <dd>{formatStatus(invoice.status)}</dd>
        {invoice.paidAt ? (
          <>
            <dt>Paid</dt>
            <dd>{formatDateTime(invoice.paidAt)}</dd>
          </>
        ) : null}
      </dl>
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
          {invoice.lines.map((line) => (
            <tr key={line.id}>
              <td>{line.description}</td>
              <td className="num">{line.quantity}</td>
              <td className="num">{money(line.unitAmountCents)}</td>
              <td className="num">{rate(line.taxRateBps)}</td>
              <td className="num">{money(line.totalCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table aria-label="Totals">
        <tbody>
          <tr>
            <th scope="row">Subtotal</th>
            <td className="num">{money(invoice.subtotalCents)}</td>
          </tr>
          <tr>
            <th scope="row">Tax</th>
            <td className="num">{money(invoice.taxCents)}</td>
          </tr>
          <tr>
            <th scope="row">Total</th>
            <td className="num">
              <strong>{money(invoice.totalCents)}</strong>
            </td>
          </tr>
          <tr>
            <th scope="row">Paid</th>
            <td className="num">{money(invoice.amountPaidCents)}</td>
          </tr>
          {invoice.amountRefundedCents > 0 ? (
            <tr>
              <th scope="row">Refunded</th>
              <td className="num">{money(invoice.amountRefundedCents)}</td>
            </tr>
          ) : null}
          {invoice.balanceDueCents > 0 ? (
            <tr>
              <th scope="row">Balance due</th>
              <td className="num">{money(invoice.balanceDueCents)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {invoice.payments.length > 0 ? (
        <>
          <h2>Payments</h2>
          <table aria-label="Payments">
            <thead>
              <tr>
                <th>Date</th>
                <th>Status</th>
                <th className="num">Amount</th>
                <th className="num">Refunded</th>
              </tr>
            </thead>
            <tbody>
              {invoice.payments.map((p) => (
                <tr key={p.id}>
                  <td>{formatDateTime(p.createdAt)}</td>
                  <td>{formatStatus(p.status)}</td>
                  <td className="num">{money(p.amountCents)}</td>
                  <td className="num">{money(p.amountRefundedCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </article>
  );
}
