import { withOrg, type Db, type Prisma } from '@souk/db';
import {
  verifyWebhookSignature,
  WebhookSignatureError,
  type ProcessorEventEnvelope,
} from '@souk/payments';
import { createLogger } from '../logger';
import { applyProcessorEvent } from './apply-processor-event';
import { webhookSecretsFor } from './resolve-gateway';
import { MissingTargetError, metadataOf, str } from './events/missing-target';

const log = createLogger('payments');

export type IngestOutcome =
  | { status: 'processed'; eventId: string }
  | { status: 'duplicate'; eventId: string }
  | { status: 'failed'; eventId: string; error: string; retry: boolean }
  | { status: 'ignored'; eventId: string; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The org an event belongs to: every object Souk creates at the processor carries it. */
export function orgIdOf(event: ProcessorEventEnvelope): string | null {
  const orgId = str(metadataOf(event.data.object).orgId);
  return orgId && UUID.test(orgId) ? orgId : null;
}

/**
 * Applies one stored event in its own transaction: lock the ledger row, apply
 * the handler, mark it processed. Used by the webhook route and by replays, so
 * both run exactly the same code.
 */
export async function processStoredEvent({
  db,
  orgId,
  eventId,
  force = false,
}: {
  db: Db;
  orgId: string;
  eventId: string;
  /** Replays re-apply even a processed event; handlers are idempotent by state. */
  force?: boolean;
}): Promise<IngestOutcome> {
  try {
    return await withOrg(db, orgId, async (tx) => {
      const [row] = await tx.$queryRaw<
        { id: string; status: string; type: string; payload: Prisma.JsonValue }[]
      >`
        SELECT id, status::text AS status, type, payload FROM processor_events
        WHERE processor = 'stripe' AND "eventId" = ${eventId} FOR UPDATE`;
      if (!row) throw new MissingTargetError(`event ${eventId} is not in the ledger`);
      if (row.status === 'processed' && !force) return { status: 'duplicate', eventId } as const;
      const payload = row.payload as unknown as ProcessorEventEnvelope;
      const result = await applyProcessorEvent(
        { tx, orgId, actor: null, requestId: null },
        row.type,
        payload.data.object,
      );
      await tx.processorEvent.update({
        where: { id: row.id },
        data: {
          status: 'processed',
          processedAt: new Date(),
          error: result.handled ? null : 'No handler for this event type (stored only)',
          attempts: { increment: 1 },
          ...(result.invoiceId ? { invoiceId: result.invoiceId } : {}),
        },
      });
      return { status: 'processed', eventId } as const;
    });
  } catch (error) {
    const isMissing = error instanceof MissingTargetError;
    const message = error instanceof Error ? error.message : String(error);
    if (!isMissing) log.error({ err: error, eventId, orgId }, 'processor event failed');
    await withOrg(db, orgId, (tx) =>
      tx.processorEvent.updateMany({
        where: { processor: 'stripe', eventId },
        data: { status: 'failed', error: message.slice(0, 1000), attempts: { increment: 1 } },
      }),
    );
    return { status: 'failed', eventId, error: message, retry: !isMissing };
  }
}

export type ReceiveOutcome =
  (IngestOutcome & { type: string }) | { status: 'rejected'; reason: string };

function looksLikeEvent(value: unknown): value is ProcessorEventEnvelope {
  const v = value as ProcessorEventEnvelope | null;
  return Boolean(v && typeof v.id === 'string' && typeof v.type === 'string' && v.data?.object);
}

/**
 * The ledger (spec 000) for one webhook delivery. One transaction finds the org's
 * secrets, verifies the signature on the raw bytes (nothing is trusted or written
 * before that) and stores the event; a second applies it. A repeat delivery of a
 * processed event changes nothing; one whose earlier attempt failed is applied again.
 */
export async function receiveProcessorEvent({
  db,
  rawBody,
  signature,
  platformSecrets,
}: {
  db: Db;
  rawBody: Buffer;
  signature: string | undefined;
  platformSecrets: string[];
}): Promise<ReceiveOutcome> {
  let unverified: unknown;
  try {
    unverified = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { status: 'rejected', reason: 'The body is not JSON' };
  }
  if (!looksLikeEvent(unverified)) {
    return { status: 'rejected', reason: 'The body is not a processor event' };
  }
  const orgId = orgIdOf(unverified);
  if (!orgId) {
    // Not one of ours, but only a genuine event gets a 200.
    try {
      verifyWebhookSignature({ rawBody, header: signature, secrets: platformSecrets });
    } catch (error) {
      if (error instanceof WebhookSignatureError)
        return { status: 'rejected', reason: error.message };
      throw error;
    }
    return {
      status: 'ignored',
      eventId: unverified.id,
      type: unverified.type,
      reason: 'no Souk org in metadata',
    };
  }

  const stored = await withOrg(db, orgId, async (tx) => {
    const secrets = [...new Set([...(await webhookSecretsFor(tx, orgId)), ...platformSecrets])];
    let event: ProcessorEventEnvelope;
    try {
      event = verifyWebhookSignature({ rawBody, header: signature, secrets });
    } catch (error) {
      if (error instanceof WebhookSignatureError) {
        return { status: 'rejected', reason: error.message } as const;
      }
      throw error;
    }
    const known = await tx.organization.findUnique({ where: { id: orgId }, select: { id: true } });
    if (!known) return { status: 'ignored', eventId: event.id, reason: 'unknown org' } as const;
    const inserted = await tx.processorEvent.createMany({
      data: [
        {
          orgId,
          eventId: event.id,
          type: event.type,
          payload: event as unknown as Prisma.InputJsonValue,
          eventCreatedAt: new Date(event.created * 1000),
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 1) return { status: 'stored', eventId: event.id } as const;
    const existing = await tx.processorEvent.findUnique({
      where: { processor_eventId: { processor: 'stripe', eventId: event.id } },
      select: { status: true },
    });
    // Stored under another org (forged metadata) or already processed: nothing to do.
    if (!existing || existing.status === 'processed') {
      return { status: 'duplicate', eventId: event.id } as const;
    }
    return { status: 'stored', eventId: event.id } as const;
  });
  if (stored.status === 'rejected') return stored;
  if (stored.status !== 'stored') return { ...stored, type: unverified.type };
  return {
    ...(await processStoredEvent({ db, orgId, eventId: stored.eventId })),
    type: unverified.type,
  };
}
