import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { checkoutSessionSelect } from './checkout-session-select';

export async function getCheckoutSession({ ctx, id }: { ctx: TenantContext; id: string }) {
  const session = await ctx.tx.hostedCheckoutSession.findUnique({
    where: { id },
    select: checkoutSessionSelect,
  });
  if (!session) throw AppError.notFound('Checkout session');
  return session;
}
