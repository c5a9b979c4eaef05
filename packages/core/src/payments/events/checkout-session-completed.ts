import type { TenantContext } from '../../context';
import { recordSucceededPayment } from './settle-invoice';
import { int, MissingTargetError, str } from './missing-target';

export async function checkoutSessionCompleted(
  ctx: TenantContext,
  object: Record<string, unknown>,
) {
  const processorSessionId = str(object.id);
  const session = processorSessionId
    ? await ctx.tx.hostedCheckoutSession.findUnique({ where: { processorSessionId } })
    : null;
  if (!session) throw new MissingTargetError(`checkout session ${processorSessionId} not found`);
  const paymentIntentId = str(object.payment_intent);
  // Completed is terminal and wins over any earlier or later expiry/abandonment.
  if (session.status !== 'completed') {
    await ctx.tx.hostedCheckoutSession.update({
      where: { id: session.id },
      data: { status: 'completed', completedAt: new Date(), paymentIntentId },
    });
  }
  if (object.payment_status === 'paid' && paymentIntentId) {
    await recordSucceededPayment(ctx, {
      invoiceId: session.invoiceId,
      paymentIntentId,
      amountCents: int(object.amount_total),
    });
  }
  return { invoiceId: session.invoiceId };
}
