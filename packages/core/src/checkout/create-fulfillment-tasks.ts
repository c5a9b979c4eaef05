import type { TenantContext } from '../context';

export const FULFILLMENT_TASK_KINDS = ['confirm_order', 'prepare_delivery'] as const;

/** A paid order gets its tasks once (unique per order + kind). */
export async function createFulfillmentTasks(ctx: TenantContext, orderId: string): Promise<void> {
  await ctx.tx.fulfillmentTask.createMany({
    data: FULFILLMENT_TASK_KINDS.map((kind) => ({ orgId: ctx.orgId, orderId, kind })),
    skipDuplicates: true,
  });
}
