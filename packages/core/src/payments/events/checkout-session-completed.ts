import type { TenantContext } from '../../context';
import { recordProcessorObject } from '../../processor/processor-objects';
import { lockAndSettleSucceededPayment } from './settle-invoice';
import { checkoutSessionFor } from './checkout-session-target';
import { int, str } from './missing-target';

export async function checkoutSessionCompleted(
  ctx: TenantContext,
  object: Record<string, unknown>,
) {
  const session = await checkoutSessionFor(ctx, object);
  const paymentIntentId = str(object.payment_intent);
  // Completed is terminal and wins over any earlier or later expiry/abandonment.
  if (session.status !== 'completed') {
    await ctx.tx.hostedCheckoutSession.update({
      where: { id: session.id },
      data: { status: 'completed', completedAt: new Date(), paymentIntentId },
    });
  }
  if (paymentIntentId) {
    // The session's PaymentIntent is made by the processor: learn it, so its charge and
    // refund events route here even without metadata.
    await recordProcessorObject(ctx.tx, ctx.orgId, {
      id: paymentIntentId,
      kind: 'payment_intent',
      invoiceId: session.invoiceId,
    });
  }
  if (object.payment_status === 'paid' && paymentIntentId) {
    await lockAndSettleSucceededPayment(ctx, {
      invoiceId: session.invoiceId,
      paymentIntentId,
      amountCents: int(object.amount_total),
    });
  }
  return {
    invoiceId: session.invoiceId,
    appeared: [session.processorSessionId, ...(paymentIntentId ? [paymentIntentId] : [])],
  };
}
