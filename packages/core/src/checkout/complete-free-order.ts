import type { TenantContext } from '../context';
import { confirmationEmail } from './confirmation-email';
import { createFulfillmentTasks } from './create-fulfillment-tasks';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { getOrCreateOrchestration, transitionOrchestration } from './orchestration';

/**
 * An order that costs nothing has nothing to collect, and the processor refuses a
 * zero-amount checkout: it is settled here, as a payment would settle it (invoice and
 * order paid, orchestration past payment, fulfillment tasks, confirmation email), in
 * the caller's transaction.
 */
export async function completeFreeOrder(
  ctx: TenantContext,
  order: { id: string; number: number; customerEmail: string },
  invoice: { id: string; number: number },
): Promise<void> {
  const now = new Date();
  await ctx.tx.invoice.update({ where: { id: invoice.id }, data: { status: 'paid', paidAt: now } });
  await ctx.tx.order.update({ where: { id: order.id }, data: { status: 'paid', paidAt: now } });
  const orchestration = await getOrCreateOrchestration(ctx.tx, ctx.orgId, order.id);
  await transitionOrchestration(
    ctx.tx,
    orchestration,
    'identity_verification',
    'No payment needed: the order is free',
  );
  await createFulfillmentTasks(ctx, order.id);
  // Same key as a paid order's confirmation, so it is sent once whichever path settles it.
  await enqueueOutbox(ctx, {
    dedupeKey: `order:${order.id}:confirmation`,
    channel: 'email',
    topic: 'order.confirmation',
    recipient: order.customerEmail,
    ...confirmationEmail({
      number: order.number,
      invoiceNumber: invoice.number,
      paid: null,
    }),
  });
}
