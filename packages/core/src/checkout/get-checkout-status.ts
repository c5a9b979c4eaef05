import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { getOrCreateOrchestration, orchestrationView } from './orchestration';

/**
 * What the success page shows: the order, its payment state and the recovery
 * banner. Keyed by the processor session id from the success URL, which only the
 * paying customer's browser receives.
 */
export async function getCheckoutStatus({
  ctx,
  sessionId,
}: {
  ctx: TenantContext;
  sessionId: string;
}) {
  const session = await ctx.tx.hostedCheckoutSession.findUnique({
    where: { processorSessionId: sessionId },
    include: { invoice: { include: { order: true } } },
  });
  if (!session) throw AppError.notFound('Checkout');
  const order = session.invoice.order;
  const orchestration = await getOrCreateOrchestration(ctx.tx, ctx.orgId, order.id);
  return {
    order: {
      id: order.id,
      number: order.number,
      status: order.status,
      totalCents: order.totalCents,
      currency: order.currency,
    },
    invoice: { number: session.invoice.number, status: session.invoice.status },
    session: { status: session.status },
    orchestration: await orchestrationView(ctx.tx, orchestration),
  };
}
export type CheckoutStatus = Awaited<ReturnType<typeof getCheckoutStatus>>;
