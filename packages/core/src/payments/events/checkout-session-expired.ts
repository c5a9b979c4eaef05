import type { TenantContext } from '../../context';
import { checkoutSessionFor } from './checkout-session-target';

export async function checkoutSessionExpired(ctx: TenantContext, object: Record<string, unknown>) {
  const session = await checkoutSessionFor(ctx, object);
  // Only a live session can expire: a late "expired" after "completed" does nothing.
  await ctx.tx.hostedCheckoutSession.updateMany({
    where: { id: session.id, status: { in: ['open', 'abandoned'] } },
    data: { status: 'expired', expiredAt: new Date() },
  });
  return { invoiceId: session.invoiceId };
}
