import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature, WebhookSignatureError } from './webhook-signature';
import { decryptSecret, encryptSecret } from './crypto';

const secret = 'whsec_test_secret';
const body = JSON.stringify({
  id: 'evt_1',
  type: 'checkout.session.completed',
  created: 1,
  data: { object: {} },
});
const sign = (t: number, s = secret, payload = body) =>
  `t=${t},v1=${createHmac('sha256', s).update(`${t}.${payload}`).digest('hex')}`;
const now = 1_800_000_000;
/** Verifies `body` signed now with `secret`, as received at `now`; `changes` alters one part. */
const verify = (changes: Partial<Parameters<typeof verifyWebhookSignature>[0]> = {}) =>
  verifyWebhookSignature({
    rawBody: body,
    header: sign(now),
    secrets: [secret],
    nowSeconds: now,
    ...changes,
  });

describe('verifyWebhookSignature', () => {
  it('accepts a fresh signature and returns the event', () => {
    const event = verify();
    expect(event.id).toBe('evt_1');
  });
  it('accepts the second secret when the first does not match', () => {
    const event = verify({ secrets: ['whsec_other', secret] });
    expect(event.type).toBe('checkout.session.completed');
  });
  it('rejects a tampered body, a wrong secret, a missing header', () => {
    expect(() => verify({ rawBody: body + ' ' })).toThrow(WebhookSignatureError);
    expect(() => verify({ header: sign(now, 'whsec_x') })).toThrow(WebhookSignatureError);
    expect(() => verify({ header: undefined })).toThrow(/Missing/);
  });
  it('rejects timestamps older or newer than 300 s, accepts the edges', () => {
    expect(() => verify({ header: sign(now - 301) })).toThrow(/tolerance/);
    expect(() => verify({ header: sign(now + 301) })).toThrow(/tolerance/);
    expect(verify({ header: sign(now + 300) }).id).toBe('evt_1');
  });
});

describe('secret encryption', () => {
  const key = 'a'.repeat(64);
  it('round-trips and never stores the plain text', () => {
    const stored = encryptSecret('sk_live_123', key);
    expect(stored).not.toContain('sk_live_123');
    expect(decryptSecret(stored, key)).toBe('sk_live_123');
  });
  it('fails on a different key', () => {
    expect(() => decryptSecret(encryptSecret('x', key), 'b'.repeat(64))).toThrow();
  });
});
