import type { IncomingMessage } from 'node:http';
import { receiveProcessorEvent } from '@souk/core';
import type { Db } from '@souk/db';
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

/**
 * POST /webhooks/stripe: the raw bytes go to core, which verifies, stores and
 * applies. 400 for a bad signature or body; 200 for processed, duplicate,
 * ignored and "target not found" (a retry would not help); 500 otherwise so the
 * processor retries.
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
    let rawBody: Buffer;
    try {
      rawBody = await readRawBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return sendProblem(res, 413, 'Payload too large');
      throw error;
    }
    const outcome = await receiveProcessorEvent({
      db,
      rawBody,
      signature: req.headers['stripe-signature'] as string | undefined,
      platformSecrets,
    });
    if (outcome.status === 'rejected') {
      metrics.webhookEvents.inc({ type: 'unknown', outcome: 'rejected' });
      log.warn({ reason: outcome.reason }, 'webhook rejected');
      return sendProblem(res, 400, outcome.reason);
    }
    metrics.webhookEvents.inc({ type: outcome.type, outcome: outcome.status });
    if (outcome.status === 'failed' && outcome.retry) {
      return sendProblem(res, 500, 'The event could not be applied; it will be retried', {
        eventId: outcome.eventId,
      });
    }
    sendJson(res, 200, { received: true, eventId: outcome.eventId, status: outcome.status });
  };
}
