import type { TenantContext } from '../../context';
import { MissingTargetError, str } from './missing-target';

/** The hosted checkout session a `checkout.session.*` object is about. */
export async function checkoutSessionFor(ctx: TenantContext, object: Record<string, unknown>) {
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
  return session;
}
