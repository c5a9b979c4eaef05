import { withOrg, type Db, type Prisma, type Tx } from '@souk/db';
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

interface LedgerRow {
  id: string;
  status: string;
  type: string;
  payload: Prisma.JsonValue;
}

/**
 * Applies a locked ledger row inside a savepoint: on success the row is marked
 * processed; on any error the handler's writes are rolled back to the savepoint
 * and the row is marked failed, while the stored event itself stays.
 */
async function applyLedgerRow(
  tx: Tx,
  orgId: string,
  row: LedgerRow,
  eventId: string,
  force: boolean,
): Promise<IngestOutcome> {
  if (row.status === 'processed' && !force) return { status: 'duplicate', eventId };
  await tx.$executeRaw`SAVEPOINT apply_event`;
  try {
    const payload = row.payload as unknown as ProcessorEventEnvelope;
    const result = await applyProcessorEvent(
      { tx, orgId, actor: null, requestId: null },
      row.type,
      payload.data.object,
    );
    const note = result.handled ? null : 'No handler for this event type (stored only)';
    await tx.$executeRaw`
      UPDATE processor_events SET status = 'processed', "processedAt" = now(), error = ${note},
        attempts = attempts + 1, "invoiceId" = COALESCE(${result.invoiceId}::uuid, "invoiceId"),
        "bookingId" = COALESCE(${result.bookingId}::uuid, "bookingId")
      WHERE id = ${row.id}::uuid`;
    return { status: 'processed', eventId };
  } catch (error) {
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT apply_event`;
    const isMissing = error instanceof MissingTargetError;
    // Prisma prefixes the database's words with a code frame (file paths): keep the last line.
    const message =
      (error instanceof Error ? error.message : String(error)).trim().split('\n').pop() ?? 'error';
    if (!isMissing) log.error({ err: error, eventId, orgId }, 'processor event failed');
    await tx.$executeRaw`
      UPDATE processor_events SET status = 'failed', error = ${message.slice(0, 1000)},
        attempts = attempts + 1
      WHERE id = ${row.id}::uuid`;
    return { status: 'failed', eventId, error: message, retry: !isMissing };
  }
}

/**
 * Re-applies one stored event (replays): lock the ledger row, apply, mark. The
 * webhook route goes through the same applyLedgerRow.
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
  return withOrg(db, orgId, async (tx) => {
    const [row] = await tx.$queryRaw<LedgerRow[]>`
      SELECT id, status::text AS status, type, payload FROM processor_events
      WHERE processor = 'stripe' AND "eventId" = ${eventId} FOR UPDATE`;
    if (!row) {
      return {
        status: 'failed',
        eventId,
        error: `event ${eventId} is not in the ledger`,
        retry: false,
      } as const;
    }
    return applyLedgerRow(tx, orgId, row, eventId, force);
  });
}

export type ReceiveOutcome =
  (IngestOutcome & { type: string }) | { status: 'rejected'; reason: string };

function looksLikeEvent(value: unknown): value is ProcessorEventEnvelope {
  const v = value as ProcessorEventEnvelope | null;
  return Boolean(v && typeof v.id === 'string' && typeof v.type === 'string' && v.data?.object);
}

// Per-org webhook secrets and the org's existence, read once a minute per process
// rather than on every delivery. A newly stored secret applies within the TTL.
const SECRETS_TTL_MS = 60_000;
const secretsCache = new Map<string, { secrets: string[] | null; at: number }>();

export function forgetWebhookSecrets(orgId: string): void {
  secretsCache.delete(orgId);
}

async function orgWebhookSecrets(tx: Tx, orgId: string): Promise<string[] | null> {
  const cached = secretsCache.get(orgId);
  if (cached && Date.now() - cached.at < SECRETS_TTL_MS) return cached.secrets;
  const org = await tx.organization.findUnique({ where: { id: orgId }, select: { id: true } });
  const secrets = org ? await webhookSecretsFor(tx, orgId) : null;
  secretsCache.set(orgId, { secrets, at: Date.now() });
  return secrets;
}

/**
 * Charges may reach us without the PaymentIntent's metadata (depending on how they
 * were created): find the org by the PaymentIntent Souk recorded. One indexed
 * lookup per org, only for such events.
 */
async function orgOfPaymentIntent(db: Db, event: ProcessorEventEnvelope): Promise<string | null> {
  const paymentIntentId = str(event.data.object.payment_intent);
  if (!paymentIntentId) return null;
  const orgs = await db.organization.findMany({ select: { id: true } });
  for (const { id } of orgs) {
    const found = await withOrg(
      db,
      id,
      async (tx) =>
        (await tx.payment.findUnique({
          where: { processorPaymentIntentId: paymentIntentId },
          select: { id: true },
        })) ??
        tx.bookingPayment.findUnique({
          where: { processorPaymentIntentId: paymentIntentId },
          select: { id: true },
        }),
    );
    if (found) return id;
  }
  return null;
}

/**
 * The ledger (spec 000) for one webhook delivery, in one transaction: find the
 * org's secrets, verify the signature on the raw bytes (nothing is trusted or
 * written before that), store the event, then apply it inside a savepoint so a
 * failing handler leaves the stored event marked failed. A crash before commit
 * loses nothing: the processor did not get a 200 and delivers again. A repeat of a
 * processed event changes nothing; one whose earlier attempt failed is re-applied.
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
  const type = unverified.type;
  const verify = (secrets: string[]): ProcessorEventEnvelope | { reason: string } => {
    try {
      return verifyWebhookSignature({ rawBody, header: signature, secrets });
    } catch (error) {
      if (error instanceof WebhookSignatureError) return { reason: error.message };
      throw error;
    }
  };

  const orgId = orgIdOf(unverified) ?? (await orgOfPaymentIntent(db, unverified));
  if (!orgId) {
    // Not one of ours, but only a genuine event gets a 200.
    const checked = verify(platformSecrets);
    if ('reason' in checked) return { status: 'rejected', reason: checked.reason };
    return { status: 'ignored', eventId: checked.id, type, reason: 'no Souk org in metadata' };
  }

  return withOrg(db, orgId, async (tx): Promise<ReceiveOutcome> => {
    const orgSecrets = await orgWebhookSecrets(tx, orgId);
    const checked = verify([...new Set([...(orgSecrets ?? []), ...platformSecrets])]);
    if ('reason' in checked) return { status: 'rejected', reason: checked.reason };
    const event = checked;
    if (orgSecrets === null) {
      return { status: 'ignored', eventId: event.id, type, reason: 'unknown org' };
    }
    const payload = event as unknown as Prisma.InputJsonValue;
    const [inserted] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO processor_events (id, "orgId", processor, "eventId", type, status, payload, "eventCreatedAt")
      VALUES (${crypto.randomUUID()}::uuid, ${orgId}::uuid, 'stripe', ${event.id}, ${event.type}, 'received',
              ${JSON.stringify(payload)}::jsonb, ${new Date(event.created * 1000)})
      ON CONFLICT (processor, "eventId") DO NOTHING
      RETURNING id`;
    let row: LedgerRow | undefined = inserted
      ? {
          id: inserted.id,
          status: 'received',
          type: event.type,
          payload: payload as Prisma.JsonValue,
        }
      : undefined;
    if (!row) {
      // Stored before: locked so a concurrent repeat waits, then sees it processed.
      [row] = await tx.$queryRaw<LedgerRow[]>`
        SELECT id, status::text AS status, type, payload FROM processor_events
        WHERE processor = 'stripe' AND "eventId" = ${event.id} FOR UPDATE`;
      // Not visible: stored under another org (forged metadata). Nothing to do.
      if (!row) return { status: 'duplicate', eventId: event.id, type };
    }
    return { ...(await applyLedgerRow(tx, orgId, row, event.id, false)), type };
  });
}
