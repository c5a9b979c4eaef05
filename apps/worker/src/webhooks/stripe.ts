import type { IncomingMessage } from 'node:http';
import { ingestProcessorEvent, orgIdOf, webhookSecretsFor } from '@souk/core';
import { withOrg, type Db } from '@souk/db';
import {
  verifyWebhookSignature,
  WebhookSignatureError,
  type ProcessorEventEnvelope,
} from '@souk/payments';
import { sendJson, sendProblem, type RouteHandler } from '../http';
import type { Metrics } from '../metrics';

const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLargeError extends Error {}

async function readRawBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function looksLikeEvent(value: unknown): value is ProcessorEventEnvelope {
  const v = value as ProcessorEventEnvelope | null;
  return Boolean(v && typeof v.id === 'string' && typeof v.type === 'string' && v.data?.object);
}

/**
 * POST /webhooks/stripe: verify the signature on the raw bytes, store the event in
 * the ledger, apply it. 200 for processed, duplicate, ignored and "target not
 * found" (a retry would not help); 500 otherwise so the processor retries.
 */
export function stripeWebhookRoute({
  db,
  platformSecrets,
  metrics,
}: {
  db: Db;
  platformSecrets: string[];
  metrics: Metrics;
}): RouteHandler {
  return async ({ req, res, log }) => {
    let raw: Buffer;
    try {
      raw = await readRawBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendProblem(res, 413, 'Payload too large');
      throw error;
    }
    let unverified: unknown;
    try {
      unverified = JSON.parse(raw.toString('utf8'));
    } catch {
      metrics.webhookEvents.inc({ type: 'unknown', outcome: 'rejected' });
      return sendProblem(res, 400, 'The body is not JSON');
    }
    if (!looksLikeEvent(unverified)) {
      metrics.webhookEvents.inc({ type: 'unknown', outcome: 'rejected' });
      return sendProblem(res, 400, 'The body is not a processor event');
    }
    // The org only chooses which secrets to try; nothing is trusted before verification.
    const orgId = orgIdOf(unverified);
    const orgSecrets = orgId ? await withOrg(db, orgId, (tx) => webhookSecretsFor(tx, orgId)) : [];
    let event: ProcessorEventEnvelope;
    try {
      event = verifyWebhookSignature({
        rawBody: raw,
        header: req.headers['stripe-signature'] as string | undefined,
        secrets: [...new Set([...orgSecrets, ...platformSecrets])],
      });
    } catch (error) {
      if (!(error instanceof WebhookSignatureError)) throw error;
      metrics.webhookEvents.inc({ type: unverified.type, outcome: 'rejected' });
      log.warn({ eventId: unverified.id, reason: error.message }, 'webhook signature rejected');
      return sendProblem(res, 400, error.message);
    }

    const outcome = await ingestProcessorEvent({ db, event });
    metrics.webhookEvents.inc({ type: event.type, outcome: outcome.status });
    if (outcome.status === 'failed' && outcome.retry) {
      return sendProblem(res, 500, 'The event could not be applied; it will be retried', {
        eventId: event.id,
      });
    }
    sendJson(res, 200, { received: true, eventId: event.id, status: outcome.status });
  };
}
