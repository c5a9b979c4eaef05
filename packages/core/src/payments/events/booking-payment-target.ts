import type { TenantContext } from '../../context';
import { MissingTargetError, paymentIntentIdOf } from './missing-target';

/** The booking payment a PaymentIntent, charge or refund object is about. */
export async function bookingPaymentFor(ctx: TenantContext, object: Record<string, unknown>) {
  const paymentIntentId = paymentIntentIdOf(object);
  const payment = paymentIntentId
    ? await ctx.tx.bookingPayment.findUnique({
        where: { processorPaymentIntentId: paymentIntentId },
      })
    : null;
  if (!payment) {
    throw new MissingTargetError(
      `booking payment ${paymentIntentId ?? '(no id)'} not found`,
      paymentIntentId,
    );
  }
  return payment;
}
