import {
  withOrg,
  type Db,
  type ExportStatus,
  type OutboxChannel,
  type OutboxEvent,
  type Tx,
} from '@souk/db';
import { coreEnv } from '../env';
import { isLastAttempt, retryDelaySeconds, type RetryPolicy } from '../jobs/retry-policy';
import type { Transports } from './transports';

export interface DeliverOutboxOptions {
  db: Db;
  orgId: string;
  transports: Transports;
  limit?: number;
  /** Per-message retries; `outboxRetryPolicy()` (spec 002 settings) by default. */
  retry?: RetryPolicy;
  /** How long a claimed row is hidden from other workers while it is being sent. */
  leaseSeconds?: number;
  now?: () => Date;
}

export interface DeliverOutboxResult {
  delivered: number;
  retried: number;
  dead: number;
}

/** OUTBOX_BASE_BACKOFF_SECONDS doubling per attempt, capped at one day; dead after OUTBOX_MAX_ATTEMPTS. */
export function outboxRetryPolicy(): RetryPolicy {
  return {
    maxAttempts: coreEnv.OUTBOX_MAX_ATTEMPTS,
    baseBackoffSeconds: coreEnv.OUTBOX_BASE_BACKOFF_SECONDS,
    backoffMultiplier: 2,
    maxBackoffSeconds: 86_400,
    jitterSeconds: 0,
  };
}

/**
 * Claims due rows for configured channels (SKIP LOCKED, so replicas share the
 * work), sends each outside any transaction, then records the outcome. A crash
 * after sending and before recording re-sends after the lease: at least once,
 * and the email's Message-ID is the row id so receivers can drop the repeat.
 */
export async function deliverOutbox(options: DeliverOutboxOptions): Promise<DeliverOutboxResult> {
  const {
    db,
    orgId,
    transports,
    limit = 50,
    retry = outboxRetryPolicy(),
    leaseSeconds = 120,
    now = () => new Date(),
  } = options;
  const channels = Object.keys(transports) as OutboxChannel[];
  const result: DeliverOutboxResult = { delivered: 0, retried: 0, dead: 0 };
  if (channels.length === 0) return result;

  const claimed = await withOrg(
    db,
    orgId,
    (tx) =>
      tx.$queryRaw<OutboxEvent[]>`
      UPDATE outbox_events SET "attempts" = "attempts" + 1,
        "nextAttemptAt" = ${new Date(now().getTime() + leaseSeconds * 1000)}, "updatedAt" = now()
      WHERE id IN (
        SELECT id FROM outbox_events
        WHERE status = 'pending' AND "nextAttemptAt" <= ${now()}
          AND channel::text = ANY(${channels})
        ORDER BY "nextAttemptAt" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING *`,
  );

  for (const event of claimed) {
    const send = transports[event.channel];
    try {
      if (!send) throw new Error(`no transport for ${event.channel}`);
      const via = await send(event);
      await withOrg(db, orgId, async (tx) => {
        await tx.outboxEvent.update({
          where: { id: event.id },
          data: { status: 'delivered', deliveredAt: now(), deliveredVia: via, lastError: null },
        });
        await mirrorOntoExport(tx, event, { status: 'delivered', lastError: null });
      });
      result.delivered += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const isDead = isLastAttempt(retry, event.attempts);
      await withOrg(db, orgId, async (tx) => {
        await tx.outboxEvent.update({
          where: { id: event.id },
          data: {
            status: isDead ? 'dead' : 'pending',
            lastError: message.slice(0, 500),
            nextAttemptAt: new Date(
              now().getTime() + retryDelaySeconds(retry, event.attempts) * 1000,
            ),
          },
        });
        await mirrorOntoExport(tx, event, {
          status: isDead ? 'failed' : 'pending',
          lastError: message.slice(0, 500),
        });
      });
      if (isDead) result.dead += 1;
      else result.retried += 1;
    }
  }
  return result;
}

/** Outbox topics of export deliveries (`export.accounting`): their rows mirror onto `export_events`. */
export const EXPORT_TOPIC_PREFIX = 'export.';

export const isExportTopic = (topic: string): boolean => topic.startsWith(EXPORT_TOPIC_PREFIX);

/**
 * Spec 002: a dead export delivery also fails its `export_events` row, so finance sees
 * it beside the file and the DLQ lists it as kind `export`. Same transaction as the
 * outbox row's own update.
 */
async function mirrorOntoExport(
  tx: Tx,
  event: OutboxEvent,
  outcome: { status: ExportStatus; lastError: string | null },
): Promise<void> {
  if (!isExportTopic(event.topic)) return;
  await tx.exportEvent.updateMany({
    where: { outboxEventId: event.id },
    data: { ...outcome, attempts: event.attempts },
  });
}
