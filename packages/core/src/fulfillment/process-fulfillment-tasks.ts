import { withOrg, type Db, type FulfillmentTask } from '@souk/db';
import { getOrCreateOrchestration } from '../checkout/orchestration';
import type { TenantContext } from '../context';
import { FULFILLMENT_TASK_KINDS } from './create-fulfillment-tasks';

const MAX_ATTEMPTS = 5;

/** The order will never be fulfilled (refunded, cancelled): no point retrying. */
class FinalTaskError extends Error {}

async function runTask(ctx: TenantContext, task: FulfillmentTask): Promise<void> {
  const order = await ctx.tx.order.findUniqueOrThrow({ where: { id: task.orderId } });
  if (order.status === 'refunded' || order.status === 'cancelled') {
    throw new FinalTaskError(`order #${order.number} is ${order.status}; not fulfilled`);
  }
  if (order.status !== 'paid' && order.status !== 'fulfilled') {
    throw new Error(`order #${order.number} is ${order.status}, not paid`);
  }
  if (task.kind === 'prepare_delivery') {
    const orchestration = await getOrCreateOrchestration(ctx.tx, ctx.orgId, order.id);
    await ctx.tx.checkoutOrchestrationEvent.create({
      data: {
        orgId: ctx.orgId,
        orchestrationId: orchestration.id,
        kind: 'fulfillment',
        note: 'Delivery prepared by the fulfillment worker',
      },
    });
  }
}

/**
 * One batch of due tasks for one org (spec 001 TaskProcessor). Each task runs in
 * its own transaction with its row locked (SKIP LOCKED), so replicas share work
 * and a failing task never rolls back another.
 */
export async function processFulfillmentTasks({
  db,
  orgId,
  batchSize,
  now = new Date(),
}: {
  db: Db;
  orgId: string;
  batchSize: number;
  now?: Date;
}): Promise<{ processed: number; failed: number }> {
  const due = await withOrg(db, orgId, (tx) =>
    tx.fulfillmentTask.findMany({
      where: { status: 'pending', runAfter: { lte: now } },
      orderBy: { runAfter: 'asc' },
      take: batchSize,
      select: { id: true },
    }),
  );
  const result = { processed: 0, failed: 0 };
  for (const { id } of due) {
    try {
      const done = await withOrg(db, orgId, async (tx) => {
        const [task] = await tx.$queryRaw<FulfillmentTask[]>`
          SELECT * FROM fulfillment_tasks WHERE id = ${id}::uuid AND status = 'pending'
          FOR UPDATE SKIP LOCKED`;
        if (!task) return false;
        await runTask({ tx, orgId, actor: null, requestId: null }, task);
        await tx.fulfillmentTask.update({
          where: { id },
          data: { status: 'completed', completedAt: new Date(), attempts: { increment: 1 } },
        });
        const open = await tx.fulfillmentTask.count({
          where: { orderId: task.orderId, status: { not: 'completed' } },
        });
        if (open === 0) {
          const orchestration = await getOrCreateOrchestration(tx, orgId, task.orderId);
          await tx.checkoutOrchestrationEvent.create({
            data: {
              orgId,
              orchestrationId: orchestration.id,
              kind: 'fulfillment',
              note: `All ${FULFILLMENT_TASK_KINDS.length} fulfillment tasks done`,
            },
          });
        }
        return true;
      });
      if (done) result.processed += 1;
    } catch (error) {
      result.failed += 1;
      const message = error instanceof Error ? error.message : String(error);
      await withOrg(db, orgId, async (tx) => {
        const task = await tx.fulfillmentTask.findUniqueOrThrow({ where: { id } });
        const attempts = task.attempts + 1;
        await tx.fulfillmentTask.update({
          where: { id },
          data: {
            attempts,
            lastError: message.slice(0, 500),
            status:
              attempts >= MAX_ATTEMPTS || error instanceof FinalTaskError ? 'failed' : 'pending',
            runAfter: new Date(now.getTime() + 2 ** attempts * 1000),
          },
        });
      });
    }
  }
  return result;
}
