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

describe('verifyWebhookSignature', () => {
  it('accepts a fresh signature and returns the event', () => {
    const event = verifyWebhookSignature({
      rawBody: body,
      header: sign(now),
      secrets: [secret],
      nowSeconds: now,
    });
    expect(event.id).toBe('evt_1');
  });
  it('accepts the second secret when the first does not match', () => {
    const event = verifyWebhookSignature({
      rawBody: body,
      header: sign(now),
      secrets: ['whsec_other', secret],
      nowSeconds: now,
    });
    expect(event.type).toBe('checkout.session.completed');
  });
  it('rejects a tampered body, a wrong secret, a missing header', () => {
    expect(() =>
      verifyWebhookSignature({
        rawBody: body + ' ',
        header: sign(now),
        secrets: [secret],
        nowSeconds: now,
      }),
    ).toThrow(WebhookSignatureError);
    expect(() =>
      verifyWebhookSignature({
        rawBody: body,
        header: sign(now, 'whsec_x'),
        secrets: [secret],
        nowSeconds: now,
      }),
    ).toThrow(WebhookSignatureError);
    expect(() =>
      verifyWebhookSignature({
        rawBody: body,
        header: undefined,
        secrets: [secret],
        nowSeconds: now,
      }),
    ).toThrow(/Missing/);
  });
  it('rejects timestamps older or newer than 300 s, accepts the edges', () => {
    expect(() =>
      verifyWebhookSignature({
        rawBody: body,
        header: sign(now - 301),
        secrets: [secret],
        nowSeconds: now,
      }),
    ).toThrow(/tolerance/);
    expect(() =>
      verifyWebhookSignature({
        rawBody: body,
        header: sign(now + 301),
        secrets: [secret],
        nowSeconds: now,
      }),
    ).toThrow(/tolerance/);
    expect(
      verifyWebhookSignature({
        rawBody: body,
        header: sign(now + 300),
        secrets: [secret],
        nowSeconds: now,
      }).id,
    ).toBe('evt_1');
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
