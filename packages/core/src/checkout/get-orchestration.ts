import type { TenantContext } from '../context';
import { getOrCreateOrchestration, orchestrationView } from './orchestration';
import { findOrderOrThrow } from './order-or-not-found';

/** GET semantics with get-or-create: an order always has an orchestration to show. */
export async function getOrchestration({
  ctx,
  orderId,
  eventsPage = 1,
  eventsPageSize = 20,
}: {
  ctx: TenantContext;
  orderId: string;
  eventsPage?: number;
  eventsPageSize?: number;
}) {
  const order = await findOrderOrThrow(ctx, orderId);
  const view = await orchestrationView(
    ctx.tx,
    await getOrCreateOrchestration(ctx.tx, ctx.orgId, orderId),
    { page: eventsPage, pageSize: eventsPageSize },
  );
  return { ...view, orderNumber: order.number };
}
