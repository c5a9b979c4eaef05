import type { TenantContext } from '../../context';
import { MissingTargetError, str } from './missing-target';

export async function checkoutSessionExpired(ctx: TenantContext, object: Record<string, unknown>) {
  const processorSessionId = str(object.id);
  const session = processorSessionId
    ? await ctx.tx.hostedCheckoutSession.findUnique({ where: { processorSessionId } })
    : null;
  if (!session) {
    throw new MissingTargetError(
      `checkout session ${processorSessionId} not found`,
      processorSessionId,
    );
  }
  // Only a live session can expire: a late "expired" after "completed" does nothing.
  await ctx.tx.hostedCheckoutSession.updateMany({
    where: { id: session.id, status: { in: ['open', 'abandoned'] } },
    data: { status: 'expired', expiredAt: new Date() },
  });
  return { invoiceId: session.invoiceId };
}
