import type { TenantContext } from '../context';
import { AppError } from '../errors';
import {
  getOrCreateOrchestration,
  orchestrationView,
  type OrchestrationView,
} from './orchestration';
import { STAGE_COPY } from './orchestration-stages';

/**
 * The customer's slice of an orchestration: no operator names, internal notes,
 * escalations or event log. An operator's transition reads as the stage it led to.
 */
function customerView(view: OrchestrationView) {
  const last = view.lastTransition;
  return {
    stage: view.stage,
    stageTitle: view.stageTitle,
    stageDescription: view.stageDescription,
    lastTransition: last
      ? {
          fromStage: last.fromStage,
          toStage: last.toStage,
          at: last.at,
          note: last.byOperator
            ? `Moved to ${last.toStage ? STAGE_COPY[last.toStage].title : 'the next stage'}`
            : last.note,
        }
      : null,
    pendingLoyaltySteps: view.pendingLoyaltySteps,
  };
}

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
    orchestration: customerView(await orchestrationView(ctx.tx, orchestration)),
  };
}
export type CheckoutStatus = Awaited<ReturnType<typeof getCheckoutStatus>>;
