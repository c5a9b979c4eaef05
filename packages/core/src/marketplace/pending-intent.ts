/** Marks a payment row whose PaymentIntent is not made yet (unique, like the real ids). */
export const PENDING_INTENT = 'pending:';

/** A payment claimed by a pay request whose PaymentIntent is still being made. */
export function isPendingIntent(payment: { processorPaymentIntentId: string }): boolean {
  return payment.processorPaymentIntentId.startsWith(PENDING_INTENT);
}
