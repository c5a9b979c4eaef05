import { withOrg, type Db, type FulfillmentTask } from '@souk/db';
import { wantsOrderUpdates } from '../checkout/order-updates-consent';
import {
  followUpAt,
  getOrCreateOrchestration,
  transitionOrchestration,
} from '../checkout/orchestration';
import { STAGE_COPY } from '../checkout/orchestration-stages';
import type { TenantContext } from '../context';
import { isLastAttempt, retryDelaySeconds, type RetryPolicy } from '../jobs/retry-policy';
import { formatMoney } from '../money';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { FULFILLMENT_TASK_KINDS } from '../checkout/create-fulfillment-tasks';

/** A task's own retries (spec 001): 2 s, 4 s, 8 s, 16 s, then failed for good. */
export const FULFILLMENT_TASK_RETRY: RetryPolicy = {
  maxAttempts: 5,
  baseBackoffSeconds: 2,
  backoffMultiplier: 2,
  maxBackoffSeconds: 3_600,
  jitterSeconds: 0,
};

/** The order will never be fulfilled (refunded, cancelled): no point retrying. */
class FinalTaskError extends Error {}

/** Not a failure: the order is not ready for this task yet. Try again later, no attempt used. */
class WaitError extends Error {}

async function lockedOrchestration(ctx: TenantContext, orderId: string) {
  const current = await getOrCreateOrchestration(ctx.tx, ctx.orgId, orderId);
  // An operator's advance locks the same row: the two never skip or repeat a stage.
  await ctx.tx
    .$queryRaw`SELECT id FROM checkout_orchestrations WHERE id = ${current.id}::uuid FOR UPDATE`;
  return ctx.tx.checkoutOrchestration.findUniqueOrThrow({ where: { id: current.id } });
}

async function recordFulfillmentEvent(ctx: TenantContext, orchestrationId: string, note: string) {
  await ctx.tx.checkoutOrchestrationEvent.create({
    data: { orgId: ctx.orgId, orchestrationId, kind: 'fulfillment', note },
  });
}

/**
 * confirm_order checks the money really arrived (invoice paid in full) and records it.
 * prepare_delivery is fulfillment work proper: it waits until the order has passed the
 * operators' stages (identity verification, loyalty hold) and reached fulfillment
 * readiness, so the worker never overtakes a person's check.
 */
async function runTask(ctx: TenantContext, task: FulfillmentTask): Promise<void> {
  const order = await ctx.tx.order.findUniqueOrThrow({
    where: { id: task.orderId },
    include: { invoice: true },
  });
  if (order.status === 'refunded' || order.status === 'cancelled') {
    throw new FinalTaskError(`order #${order.number} is ${order.status}; not fulfilled`);
  }
  if (order.status !== 'paid' && order.status !== 'fulfilled') {
    throw new Error(`order #${order.number} is ${order.status}, not paid`);
  }
  const orchestration = await lockedOrchestration(ctx, order.id);
  if (task.kind === 'confirm_order') {
    const invoice = order.invoice;
    if (!invoice || invoice.status !== 'paid' || invoice.amountPaidCents < invoice.totalCents) {
      throw new Error(`order #${order.number}: invoice is not paid in full`);
    }
    await recordFulfillmentEvent(
      ctx,
      orchestration.id,
      `Order confirmed: ${formatMoney(invoice.amountPaidCents, invoice.currency)} received`,
    );
  } else if (task.kind === 'prepare_delivery') {
    if (orchestration.stage !== 'fulfillment_readiness' && orchestration.stage !== 'completed') {
      throw new WaitError(
        `Waiting: the order is at ${STAGE_COPY[orchestration.stage].title}; delivery is prepared ` +
          `once it reaches ${STAGE_COPY.fulfillment_readiness.title}`,
      );
    }
    await recordFulfillmentEvent(
      ctx,
      orchestration.id,
      'Delivery prepared by the fulfillment worker',
    );
  } else {
    throw new FinalTaskError(`unknown fulfillment task kind "${task.kind}"`);
  }
}

/**
 * The order's last task is done: the orchestration completes (from fulfillment
 * readiness, where prepare_delivery waited for it), the order is fulfilled and the
 * customer hears about it.
 */
async function fulfillOrder(ctx: TenantContext, orderId: string): Promise<void> {
  const orchestration = await lockedOrchestration(ctx, orderId);
  await transitionOrchestration(ctx.tx, orchestration, 'completed', 'All fulfillment tasks done');
  await recordFulfillmentEvent(
    ctx,
    orchestration.id,
    `All ${FULFILLMENT_TASK_KINDS.length} fulfillment tasks done`,
  );
  const { count } = await ctx.tx.order.updateMany({
    where: { id: orderId, status: 'paid' },
    data: { status: 'fulfilled' },
  });
  const order = await ctx.tx.order.findUniqueOrThrow({ where: { id: orderId } });
  if (count === 1 && (await wantsOrderUpdates(ctx, order.customerId))) {
    await enqueueOutbox(ctx, {
      dedupeKey: `order:${orderId}:fulfilled`,
      channel: 'email',
      topic: 'order.fulfilled',
      recipient: order.customerEmail,
      subject: `Order #${order.number} fulfilled`,
      body: `Good news: order #${order.number} is fulfilled. Thank you for shopping with us.`,
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
  retry = FULFILLMENT_TASK_RETRY,
  now = new Date(),
}: {
  db: Db;
  orgId: string;
  batchSize: number;
  retry?: RetryPolicy;
  now?: Date;
}): Promise<{ processed: number; failed: number; waiting: number }> {
  const due = await withOrg(db, orgId, (tx) =>
    tx.fulfillmentTask.findMany({
      where: { status: 'pending', runAfter: { lte: now } },
      orderBy: { runAfter: 'asc' },
      take: batchSize,
      select: { id: true },
    }),
  );
  const result = { processed: 0, failed: 0, waiting: 0 };
  for (const { id } of due) {
    try {
      const done = await withOrg(db, orgId, async (tx) => {
        const [task] = await tx.$queryRaw<FulfillmentTask[]>`
          SELECT * FROM fulfillment_tasks WHERE id = ${id}::uuid AND status = 'pending'
          FOR UPDATE SKIP LOCKED`;
        if (!task) return false;
        // Sibling tasks on other replicas wait here, so exactly one of them sees the
        // order's last task done and fulfills it.
        await tx.$queryRaw`SELECT id FROM orders WHERE id = ${task.orderId}::uuid FOR UPDATE`;
        const taskCtx: TenantContext = { tx, orgId, actor: null, requestId: null };
        await runTask(taskCtx, task);
        await tx.fulfillmentTask.update({
          where: { id },
          data: { status: 'completed', completedAt: new Date(), attempts: { increment: 1 } },
        });
        const open = await tx.fulfillmentTask.count({
          where: { orderId: task.orderId, status: { not: 'completed' } },
        });
        if (open === 0) await fulfillOrder(taskCtx, task.orderId);
        return true;
      });
      if (done) result.processed += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof WaitError) {
        result.waiting += 1;
        await withOrg(db, orgId, (tx) =>
          tx.fulfillmentTask.update({
            where: { id },
            data: { lastError: message.slice(0, 500), runAfter: followUpAt(now) },
          }),
        );
        continue;
      }
      result.failed += 1;
      await withOrg(db, orgId, async (tx) => {
        const task = await tx.fulfillmentTask.findUniqueOrThrow({ where: { id } });
        const attempts = task.attempts + 1;
        await tx.fulfillmentTask.update({
          where: { id },
          data: {
            attempts,
            lastError: message.slice(0, 500),
            status:
              isLastAttempt(retry, attempts) || error instanceof FinalTaskError
                ? 'failed'
                : 'pending',
            runAfter: new Date(now.getTime() + retryDelaySeconds(retry, attempts) * 1000),
          },
        });
      });
    }
  }
  return result;
}
