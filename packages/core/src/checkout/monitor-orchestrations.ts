import type { Prisma } from '@souk/db';
import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { coreEnv } from '../env';
import { createLogger } from '../logger';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { wantsOrderUpdates } from './order-updates-consent';
import { followUpAt } from './orchestration';
import { readMetadata, STAGE_COPY } from './orchestration-stages';
import { resumeUrl } from './resume-token';

const log = createLogger('checkout-monitor');

export const RECOVERY_SWEEP_NOTE = 'Recovery sweep executed';

interface Overdue {
  id: string;
  stage: keyof typeof STAGE_COPY;
  metadata: Prisma.JsonValue;
  nextActionAt: Date;
  orderId: string;
  orderNumber: number;
  customerId: string | null;
  customerEmail: string | null;
  customerExists: boolean;
}

/**
 * Job `monitor_checkout_orchestrations` for one org (spec 003): overdue
 * orchestrations, locked so concurrent runs split the work, get a recovery
 * prompt with the current stage and a resume link, unless the customer opted
 * out (skipped and logged). A missing customer is escalated instead. Either way
 * the event "Recovery sweep executed" is recorded and next_action_at moves on,
 * so the same orchestration is not prompted twice for one due time.
 */
export async function monitorCheckoutOrchestrations({
  ctx,
  now = new Date(),
  limit = 100,
  followUpMinutes = coreEnv.ORCHESTRATION_FOLLOW_UP_MINUTES,
}: {
  ctx: TenantContext;
  now?: Date;
  limit?: number;
  followUpMinutes?: number;
}) {
  const { tx, orgId } = ctx;
  const overdue = await tx.$queryRaw<Overdue[]>`
    SELECT c.id, c.stage::text AS stage, c.metadata, c."nextActionAt",
           o.id AS "orderId", o.number AS "orderNumber", o."customerId", o."customerEmail",
           (u.id IS NOT NULL) AS "customerExists"
    FROM checkout_orchestrations c
    JOIN orders o ON o.id = c."orderId"
    LEFT JOIN users u ON u.id = o."customerId"
    WHERE c."nextActionAt" IS NOT NULL AND c."nextActionAt" <= ${now} AND c.stage <> 'completed'
    ORDER BY c."nextActionAt"
    LIMIT ${limit}
    FOR UPDATE OF c SKIP LOCKED`;

  const summary = { processed: 0, prompted: 0, skipped: 0, escalated: 0 };
  for (const row of overdue) {
    summary.processed += 1;
    const stage = STAGE_COPY[row.stage];
    const event = (kind: string, note: string) =>
      tx.checkoutOrchestrationEvent.create({
        data: { orgId, orchestrationId: row.id, kind, note },
      });
    const next = followUpAt(now, followUpMinutes);

    if (!row.customerExists) {
      const metadata = readMetadata(row.metadata);
      const note = `${now.toISOString()}: no customer record for order #${row.orderNumber}; escalated`;
      await tx.checkoutOrchestration.update({
        where: { id: row.id },
        data: {
          escalations: { increment: 1 },
          nextActionAt: next,
          metadata: {
            ...metadata,
            notes: [...(metadata.notes ?? []), note],
          } as unknown as Prisma.InputJsonValue,
        },
      });
      await event('escalated', 'Customer missing; escalated to operators');
      summary.escalated += 1;
    } else if (!(await wantsOrderUpdates(ctx, row.customerId))) {
      await tx.checkoutOrchestration.update({
        where: { id: row.id },
        data: { nextActionAt: next },
      });
      await event(
        'recovery_skipped',
        'Recovery prompt skipped: customer opted out of order updates',
      );
      log.info({ orgId, orchestrationId: row.id }, 'recovery prompt skipped (opted out)');
      summary.skipped += 1;
    } else {
      const link =
        row.stage === 'payment' ? resumeUrl(row.orderId) : `${coreEnv.PUBLIC_WEB_URL}/account`;
      await enqueueOutbox(ctx, {
        dedupeKey: `orchestration:${row.id}:prompt:${row.nextActionAt.toISOString()}`,
        channel: 'email',
        topic: 'checkout_recovery_prompt',
        recipient: row.customerEmail,
        subject: `Order #${row.orderNumber}: ${stage.title}`,
        body: [
          `Your order #${row.orderNumber} is at the "${stage.title}" stage.`,
          stage.description,
          `Continue here: ${link}`,
        ].join('\n'),
      });
      await tx.checkoutOrchestration.update({
        where: { id: row.id },
        data: { nextActionAt: next },
      });
      summary.prompted += 1;
    }
    await event('recovery_sweep', RECOVERY_SWEEP_NOTE);
  }
  // A person starting the monitor answers for the prompts it sent; the scheduled job
  // (no actor) runs every few minutes and would drown the audit log.
  if (ctx.actor) {
    await recordAudit(ctx, {
      action: 'orchestration_monitor.ran',
      entityType: 'checkout_orchestration',
      entityId: null,
      after: { ...summary, orchestrationIds: overdue.map((row) => row.id) },
    });
  }
  return summary;
}
