import type { PaymentGateway } from '@souk/payments';
import type { TenantContext } from '../context';
import { resolveGateway } from '../payments/resolve-gateway';

/** Tests hand in a gateway bound to their sandbox; otherwise the org's processor account. */
export function gatewayFor(ctx: TenantContext, gateway?: PaymentGateway): Promise<PaymentGateway> {
  return gateway ? Promise.resolve(gateway) : resolveGateway(ctx.tx, ctx.orgId);
}

export function actorOrThrow(ctx: TenantContext) {
  if (!ctx.actor) throw new Error('this use case needs a signed-in actor');
  return ctx.actor;
}
