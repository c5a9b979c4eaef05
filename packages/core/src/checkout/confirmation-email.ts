import { formatMoney } from '../money';

/**
 * The order confirmation's subject and body: one wording for a paid order
 * (payments/events/settle-invoice.ts), a free one (complete-free-order.ts) and a resent
 * confirmation (orders/resend-confirmation.ts).
 */
export function confirmationEmail(order: {
  number: number;
  invoiceNumber: number;
  /** What the customer paid; null for a free order. */
  paid: { amountCents: number; currency: string } | null;
}): { subject: string; body: string } {
  const paid = order.paid && order.paid.amountCents > 0 ? order.paid : null;
  const thanks = paid
    ? `Thank you! We received ${formatMoney(paid.amountCents, paid.currency)} for order #${order.number}.`
    : `Thank you! Order #${order.number} is free, so no payment was needed.`;
  return {
    subject: `Order #${order.number} confirmed`,
    body: [thanks, `Invoice #${order.invoiceNumber} ${paid ? 'is paid' : 'is settled'}.`].join(
      '\n',
    ),
  };
}
