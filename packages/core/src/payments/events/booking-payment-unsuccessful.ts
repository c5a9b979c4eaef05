import type { TenantContext } from '../../context';
import { bookingPaymentFor } from './booking-payment-target';

/**
 * Failed or canceled never overwrite a success, and a failure never overwrites a
 * cancel; either frees the booking for a new attempt.
 */
export async function bookingPaymentUnsuccessful(
  ctx: TenantContext,
  object: Record<string, unknown>,
  status: 'failed' | 'canceled',
) {
  const payment = await bookingPaymentFor(ctx, object);
  if (
    payment.status === 'succeeded' ||
    payment.status === status ||
    (payment.status === 'canceled' && status === 'failed')
  ) {
    return { bookingId: payment.bookingId };
  }
  const error = object.last_payment_error as { message?: string } | null | undefined;
  await ctx.tx.bookingPayment.update({
    where: { id: payment.id },
    data: {
      status,
      openBookingId: null,
      failureMessage: status === 'failed' ? (error?.message ?? 'The payment failed') : null,
    },
  });
  return { bookingId: payment.bookingId };
}
