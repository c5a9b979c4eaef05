import type { OutboxChannel } from '@souk/db';
import type { TenantContext } from '../context';

export interface OutboxMessage {
  /** Unique per org: the same logical message is enqueued once, however often it is asked for. */
  dedupeKey: string;
  channel: OutboxChannel;
  topic: string;
  recipient?: string | null;
  subject?: string | null;
  body: string;
}

/**
 * Written in the caller's transaction, so the message exists exactly when the
 * state change that caused it commits. Returns false when the key was already used.
 */
export async function enqueueOutbox(ctx: TenantContext, message: OutboxMessage): Promise<boolean> {
  const { count } = await ctx.tx.outboxEvent.createMany({
    data: [
      {
        orgId: ctx.orgId,
        dedupeKey: message.dedupeKey,
        channel: message.channel,
        topic: message.topic,
        recipient: message.recipient ?? null,
        subject: message.subject ?? null,
        body: message.body,
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}
