import { metadataOf, str } from './events/missing-target';

/** What Souk reads of a processor event before trusting it; the rest is stored as sent. */
export interface EventEnvelope {
  id: string;
  type: string;
  created: number;
  account?: string;
  data: { object: Record<string, unknown> };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_ID_LENGTH = 255;
// 9999-12-31: later (or negative) timestamps are not dates Postgres or Stripe produce.
const MAX_CREATED = 253_402_300_799;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasUnstorableText(value: unknown, depth = 0): boolean {
  if (depth > 64) return true;
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some((v) => hasUnstorableText(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(
      ([k, v]) => hasUnstorableText(k, depth + 1) || hasUnstorableText(v, depth + 1),
    );
  }
  return false;
}

/**
 * Parses a delivery body into an event, or says in words why it is not one. Checks
 * everything the ledger stores in typed columns, so that no body can make the
 * insert fail (a NUL or a lone surrogate in jsonb, a year-0 timestamp, a huge id).
 */
export function parseEventEnvelope(rawBody: Buffer): EventEnvelope | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return { reason: 'The body is not JSON' };
  }
  const v = value as Partial<EventEnvelope> | null;
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    return { reason: 'The body is not a processor event' };
  }
  if (typeof v.id !== 'string' || v.id.length === 0 || v.id.length > MAX_ID_LENGTH) {
    return { reason: `The event id must be a string of 1 to ${MAX_ID_LENGTH} characters` };
  }
  if (typeof v.type !== 'string' || v.type.length === 0 || v.type.length > MAX_ID_LENGTH) {
    return { reason: 'The event type must be a non-empty string' };
  }
  if (typeof v.created !== 'number' || !Number.isSafeInteger(v.created) || v.created < 0) {
    return { reason: 'The event created time must be a Unix timestamp in seconds' };
  }
  if (v.created > MAX_CREATED) return { reason: 'The event created time is out of range' };
  const object = v.data?.object;
  if (!object || typeof object !== 'object' || Array.isArray(object)) {
    return { reason: 'The event has no data.object' };
  }
  if (v.account !== undefined && v.account !== null && typeof v.account !== 'string') {
    return { reason: 'The event account must be a string' };
  }
  if (hasUnstorableText(value)) {
    return { reason: 'The body contains a NUL character or invalid Unicode' };
  }
  return v as EventEnvelope;
}

/**
 * The processor object an event is about, which is also the key that routes it
 * through processor_objects: a charge or refund belongs to its PaymentIntent (Souk
 * records PaymentIntents, never charges); everything else to its own id.
 */
export function objectIdOf(event: EventEnvelope): string {
  const object = event.data.object;
  const kind = str(object.object);
  if (kind === 'charge' || kind === 'refund' || kind === 'dispute') {
    return (str(object.payment_intent) ?? str(object.id) ?? '').slice(0, MAX_ID_LENGTH);
  }
  return (str(object.id) ?? '').slice(0, MAX_ID_LENGTH);
}

/** The org Souk wrote into the object's metadata, if it looks like one. A hint until verified. */
export function orgHintOf(event: EventEnvelope): string | null {
  const orgId = str(metadataOf(event.data.object).orgId);
  return orgId && UUID.test(orgId) ? orgId.toLowerCase() : null;
}
