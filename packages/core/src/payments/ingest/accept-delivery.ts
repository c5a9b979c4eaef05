import { withOrg, type Db, type RouterPool } from '@souk/db';
import {
  decryptSecret,
  paymentsEnv,
  checkWebhookSignature,
  WebhookSignatureError,
} from '@souk/payments';
import { objectIdOf, orgHintOf, parseEventEnvelope, type EventEnvelope } from '../event-envelope';
import { ProcessorEventWriter, type WriteResult } from './event-writer';

export type DeliveryOutcome =
  | { status: WriteResult; eventId: string; type: string; orgId: string | null }
  | { status: 'rejected'; reason: string };

export interface ProcessorEventIngest {
  /**
   * Verifies one delivery on its raw bytes and stores it durably. `stored` and
   * `duplicate` mean the row is committed (answer 2xx); `rejected` means the
   * body or signature is bad (answer 400). Anything thrown means the database
   * did not take it (answer 503: the processor retries).
   */
  accept(input: {
    rawBody: Buffer;
    signature: string | undefined;
    endpoint: 'account' | 'connect';
  }): Promise<DeliveryOutcome>;
  writer: ProcessorEventWriter;
}

// Per-org webhook secrets and the set of org ids, re-read once a minute per process
// rather than on every delivery. A newly stored secret applies within the TTL.
const TTL_MS = 60_000;
const orgSecrets = new Map<string, { secret: string | null; at: number }>();

/** Drops a cached org secret (its credentials changed in this process). */
export function forgetWebhookSecrets(orgId: string): void {
  orgSecrets.delete(orgId);
}

/**
 * The webhook ingest (ARCHITECTURE "Payment event flow"): no tenant is scanned and
 * nothing is written before the signature verifies. The platform secret is tried
 * first with no database work at all; only a delivery it does not verify costs one
 * cached lookup of the org the event names (metadata, else processor_objects).
 */
export function createProcessorEventIngest({
  db,
  router,
  platformSecrets,
  connectSecrets = [],
  onStored,
}: {
  db: Db;
  router: RouterPool;
  platformSecrets: string[];
  /** Signing secrets of the Connect endpoint (events from connected accounts). */
  connectSecrets?: string[];
  onStored?: (count: number) => void;
}): ProcessorEventIngest {
  const writer = new ProcessorEventWriter(router, { onStored });
  let orgIds: { ids: Set<string>; at: number } | null = null;

  async function knownOrg(orgId: string): Promise<boolean> {
    if (!orgIds || Date.now() - orgIds.at > TTL_MS) {
      const rows = await db.organization.findMany({ select: { id: true } });
      orgIds = { ids: new Set(rows.map((r) => r.id)), at: Date.now() };
    }
    return orgIds.ids.has(orgId);
  }

  async function ownSecretOf(orgId: string): Promise<string | null> {
    const cached = orgSecrets.get(orgId);
    if (cached && Date.now() - cached.at < TTL_MS) return cached.secret;
    const account = await withOrg(db, orgId, (tx) =>
      tx.paymentAccount.findUnique({ where: { orgId }, select: { webhookSecretEncrypted: true } }),
    );
    const key = paymentsEnv.PAYMENTS_ENCRYPTION_KEY;
    const secret =
      account?.webhookSecretEncrypted && key
        ? decryptSecret(account.webhookSecretEncrypted, key)
        : null;
    orgSecrets.set(orgId, { secret, at: Date.now() });
    return secret;
  }

  async function orgOfObject(objectId: string): Promise<string | null> {
    if (!objectId) return null;
    const { rows } = await router.query<{ orgId: string }>(
      `SELECT "orgId" FROM processor_objects WHERE id = $1`,
      [objectId],
    );
    return rows[0]?.orgId ?? null;
  }

  const verifies = (rawBody: Buffer, header: string | undefined, secrets: string[]) => {
    try {
      checkWebhookSignature({ rawBody, header, secrets });
      return null;
    } catch (error) {
      if (error instanceof WebhookSignatureError) return error.message;
      throw error;
    }
  };

  return {
    writer,
    async accept({ rawBody, signature, endpoint }) {
      const parsed = parseEventEnvelope(rawBody);
      if ('reason' in parsed) return { status: 'rejected', reason: parsed.reason };
      const event: EventEnvelope = parsed;
      const objectId = objectIdOf(event);
      let orgHint = orgHintOf(event);

      const shared = endpoint === 'connect' ? connectSecrets : platformSecrets;
      const failure =
        shared.length > 0
          ? verifies(rawBody, signature, shared)
          : 'No signing secret is configured';
      if (failure !== null) {
        // Maybe signed with an org's own secret (an org on its own processor account).
        const candidate =
          endpoint === 'account'
            ? orgHint && (await knownOrg(orgHint))
              ? orgHint
              : await orgOfObject(objectId)
            : null;
        const own = candidate ? await ownSecretOf(candidate) : null;
        if (!own || verifies(rawBody, signature, [own]) !== null) {
          return { status: 'rejected', reason: failure };
        }
        orgHint = candidate;
      }
      const status = await writer.write({
        eventId: event.id,
        type: event.type,
        created: event.created,
        objectId,
        orgHint,
        payload: rawBody.toString('utf8'),
      });
      return { status, eventId: event.id, type: event.type, orgId: orgHint };
    },
  };
}
