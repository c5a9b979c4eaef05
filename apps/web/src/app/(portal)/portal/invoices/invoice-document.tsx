import type { RouterOutputs } from '@souk/api';
import { formatMoney } from '@souk/core/money';
import { formatDateTime, formatStatus } from '@souk/ui';
import { InvoiceDocument, invoiceFacts } from '@/components/invoice-document';

export type PortalInvoice = RouterOutputs['portal']['getInvoice'];

/** The customer's view of the invoice document (detail page and receipt), with its payments. */
export function PortalInvoiceDocument({
  invoice,
  title,
}: {
  invoice: PortalInvoice;
  title: string;
}) {
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  return (
    <InvoiceDocument
      title={title}
      currency={invoice.currency}
      details={[
        ['From', invoice.orgName],
        ['Billed to', invoice.billedTo],
        ...invoiceFacts(invoice),
        invoice.paidAt ? ['Paid', formatDateTime(invoice.paidAt)] : null,
      ]}
      lines={invoice.lines}
      totals={[
        { label: 'Subtotal', cents: invoice.subtotalCents },
        { label: 'Tax', cents: invoice.taxCents },
        { label: 'Total', cents: invoice.totalCents, strong: true },
        { label: 'Paid', cents: invoice.amountPaidCents },
        invoice.amountRefundedCents > 0
          ? { label: 'Refunded', cents: invoice.amountRefundedCents }
          : null,
        invoice.balanceDueCents > 0
          ? { label: 'Balance due', cents: invoice.balanceDueCents }
          : null,
      ]}
    >
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
    </InvoiceDocument>
  );
}
