import type { IncomingMessage } from 'node:http';
import type { ProcessorEventIngest } from '@souk/core';
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
 * POST /webhooks/stripe (and /webhooks/stripe/connect): verify on the raw bytes,
 * store durably, answer. 200 once the event's row is committed (applying happens
 * later in the worker, retried by Souk itself); 400 for a bad signature or body;
 * 503 when the database did not take it, so the processor delivers again.
 * The answer table is in docs/webhooks.md.
 */
export function stripeWebhookRoute({
  ingest,
  endpoint,
  metrics,
}: {
  ingest: ProcessorEventIngest;
  endpoint: 'account' | 'connect';
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
    let outcome: Awaited<ReturnType<ProcessorEventIngest['accept']>>;
    try {
      outcome = await ingest.accept({
        rawBody,
        signature: req.headers['stripe-signature'] as string | undefined,
        endpoint,
      });
    } catch (error) {
      log.error({ err: error }, 'webhook not stored');
      metrics.webhookEvents.inc({ type: 'unknown', outcome: 'unavailable' });
      return sendProblem(res, 503, 'The event could not be stored; deliver it again');
    }
    if (outcome.status === 'rejected') {
      metrics.webhookEvents.inc({ type: 'unknown', outcome: 'rejected' });
      log.warn({ reason: outcome.reason }, 'webhook rejected');
      return sendProblem(res, 400, outcome.reason);
    }
    metrics.webhookEvents.inc({ type: outcome.type, outcome: outcome.status });
    sendJson(res, 200, { received: true, eventId: outcome.eventId, status: outcome.status });
  };
}
