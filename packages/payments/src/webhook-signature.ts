import Stripe from 'stripe';
import type { ProcessorEventEnvelope } from './gateway';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
}

const verifier = new Stripe('sk_verify_only');

/**
 * Checks a `Stripe-Signature` header over the raw body with the SDK, without parsing
 * the body (the caller already has), and also refuses timestamps too far in the
 * future (the SDK only checks the past). Throws WebhookSignatureError.
 */
export function checkWebhookSignature({
  rawBody,
  header,
  secrets,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
}: {
  rawBody: Buffer | string;
  header: string | undefined;
  secrets: string[];
  nowSeconds?: number;
  toleranceSeconds?: number;
}): void {
  if (!header) throw new WebhookSignatureError('Missing Stripe-Signature header');
  const timestamp = Number(/(?:^|,)t=(\d+)/.exec(header)?.[1]);
  if (!Number.isFinite(timestamp)) throw new WebhookSignatureError('Signature has no timestamp');
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
    throw new WebhookSignatureError('Signature timestamp is outside the tolerance window');
  }
  for (const secret of secrets) {
    try {
      if (verifier.webhooks.signature!.verifyHeader(rawBody, header, secret, toleranceSeconds)) {
        return;
      }
    } catch {
      // try the next secret (platform secret, then the org's own)
    }
  }
  throw new WebhookSignatureError('No valid signature for this payload');
}

/** checkWebhookSignature, then the body as an event. */
export function verifyWebhookSignature(options: {
  rawBody: Buffer | string;
  header: string | undefined;
  secrets: string[];
  nowSeconds?: number;
  toleranceSeconds?: number;
}): ProcessorEventEnvelope {
  checkWebhookSignature(options);
  return JSON.parse(options.rawBody.toString()) as ProcessorEventEnvelope;
}
