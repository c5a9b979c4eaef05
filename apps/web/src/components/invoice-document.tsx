import { Fragment, type ReactNode } from 'react';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatNumber, formatStatus } from '@souk/ui';

/** 825 basis points as "8.25%". */
export function formatRate(bps: number): string {
  return `${formatNumber(bps / 100)}%`;
}

export interface InvoiceLine {
  id: string;
  description: string;
  quantity: number;
  unitAmountCents: number;
  taxRateBps: number;
  totalCents: number;
}

/** One row of the totals table; `null` leaves a row out (e.g. nothing refunded). */
export type InvoiceTotal = { label: ReactNode; cents: number; strong?: boolean } | null;

/** One `<dt>`/`<dd>` pair of the invoice's details; `null` leaves it out. */
export type InvoiceDetail = readonly [term: string, value: ReactNode] | null;

/** Issued, order and status: the details every invoice states. */
export function invoiceFacts(invoice: {
  issuedAt: Date | string;
  orderNumber: number;
  status: string;
}): InvoiceDetail[] {
  return [
    ['Issued', formatDate(invoice.issuedAt)],
    ['Order', `#${invoice.orderNumber}`],
    ['Status', formatStatus(invoice.status)],
  ];
}

function Details({ details, className }: { details: InvoiceDetail[]; className?: string }) {
  return (
    <dl className={className}>
      {details.map((detail) =>
        detail ? (
          <Fragment key={detail[0]}>
            <dt>{detail[0]}</dt>
            <dd>{detail[1]}</dd>
          </Fragment>
        ) : null,
      )}
    </dl>
  );
}

/**
 * The invoice as a document (admin print view, portal invoice and receipt): title, details,
 * lines and totals. Each page says which totals it shows and adds its own sections around.
 * `letterhead` puts the seller's name under the title with the details beside it, as printed.
 */
export function InvoiceDocument({
  title,
  currency,
  details,
  letterhead,
  lines,
  totals,
  beforeLines,
  afterLines,
  children,
}: {
  title: string;
  currency: string;
  details: InvoiceDetail[];
  letterhead?: string;
  lines: readonly InvoiceLine[];
  totals: InvoiceTotal[];
  beforeLines?: ReactNode;
  afterLines?: ReactNode;
  /** After the totals: the payments. */
  children?: ReactNode;
}) {
  const money = (cents: number) => formatMoney(cents, currency);
  return (
    <article className="invoice" aria-labelledby="invoice-title">
      {letterhead === undefined ? (
        <>
          <h1 id="invoice-title">{title}</h1>
          <Details details={details} className="booking-details" />
        </>
      ) : (
        <div className="invoice-head">
          <div>
            <h1 id="invoice-title">{title}</h1>
            <p>
              <strong>{letterhead}</strong>
            </p>
          </div>
          <Details details={details} />
        </div>
      )}
      {beforeLines}
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
          {lines.map((line) => (
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
      {afterLines}
      <table className="totals" aria-label="Totals">
        <tbody>
          {totals.map((total, i) =>
            total ? (
              <tr key={i}>
                <th scope="row">{total.label}</th>
                <td className="num">
                  {total.strong ? <strong>{money(total.cents)}</strong> : money(total.cents)}
                </td>
              </tr>
            ) : null,
          )}
        </tbody>
      </table>
      {children}
    </article>
  );
}
