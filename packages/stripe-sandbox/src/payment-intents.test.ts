// PaymentIntents and the hosted PaymentIntent page, driven through @souk/payments'
// gateway (the real stripe SDK) the way the app drives them.
import { type PaymentGateway, createStripeGateway, verifyWebhookSignature } from '@souk/payments';
import { describe, expect, it } from 'vitest';
import { type StripeSandbox } from './server';
import {
  type Receiver,
  gatewayErrorOf,
  pressButton,
  receiverForTest,
  sandboxForTest,
} from './testing';
import { type PaymentIntent } from './types';

const SECRET = 'whsec_pi_test_secret';
const RETURN_URL = 'https://shop.test/orders/ord_1?step=pay';

async function setup(): Promise<{
  sandbox: StripeSandbox;
  gateway: PaymentGateway;
  receiver: Receiver;
}> {
  const receiver = await receiverForTest();
  const { sandbox } = await sandboxForTest({
    webhookEndpoints: [{ url: receiver.url, secret: SECRET }],
    retry: { baseDelayMs: 20, maxAttempts: 3 },
  });
  const gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });
  return { sandbox, gateway, receiver };
}

const orderIntent = {
  idempotencyKey: 'order-ord_1-pi',
  amountCents: 4860,
  currency: 'usd',
  metadata: { orderId: 'ord_1', tenant: 'acme' },
  description: 'Souk order #1001',
  transferGroup: 'ord_1',
  receiptEmail: 'buyer@example.test',
};

/** Verified webhook events of one type, as the worker would see them. */
async function delivered(sandbox: StripeSandbox, receiver: Receiver, type: string) {
  await sandbox.flushDeliveries();
  return receiver.received
    .map((r) => verifyWebhookSignature({ rawBody: r.raw, header: r.signature, secrets: [SECRET] }))
    .filter((e) => e.type === type)
    .map((e) => e.data.object);
}

async function sandboxJson<T>(sandbox: StripeSandbox, path: string, method = 'GET'): Promise<T> {
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${sandbox.controlToken}` },
  });
  return (await res.json()) as T;
}

async function openPage(gateway: PaymentGateway, pi: { id: string; clientSecret: string }) {
  const url = gateway.hostedPaymentUrl(pi, RETURN_URL);
  if (url === null) throw new Error('expected a sandbox page URL');
  const res = await fetch(url);
  return { res, html: await res.text() };
}

describe('PaymentIntents through the gateway', () => {
  it('creates once per idempotency key and refuses the key with other params', async () => {
    const { sandbox, gateway } = await setup();
    const [a, b] = await Promise.all([
      gateway.createPaymentIntent(orderIntent),
      gateway.createPaymentIntent(orderIntent),
    ]);
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({
      status: 'requires_payment_method',
      amountCents: 4860,
      currency: 'USD',
      metadata: { orderId: 'ord_1', tenant: 'acme' },
    });
    expect(a.clientSecret).toMatch(new RegExp(`^${a.id}_secret_\\w+$`));
    const listed = await sandboxJson<{ data: PaymentIntent[] }>(
      sandbox,
      '/_sandbox/payment_intents?metadata[orderId]=ord_1',
    );
    expect(listed.data.map((pi) => pi.id)).toEqual([a.id]);
    expect(listed.data[0]).toMatchObject({
      description: 'Souk order #1001',
      transfer_group: 'ord_1',
      receipt_email: 'buyer@example.test',
      automatic_payment_methods: { enabled: true },
    });

    const conflict = await gatewayErrorOf(
      gateway.createPaymentIntent({ ...orderIntent, amountCents: 1 }),
    );
    expect(conflict.message).toMatch(/^Keys for idempotent requests can only be used/);
    expect((await gateway.retrievePaymentIntent(a.id)).amountCents).toBe(4860);

    const missing = await gatewayErrorOf(gateway.retrievePaymentIntent('pi_missing'));
    expect(missing.code).toBe('resource_missing');
  });

  it('links to the sandbox page only in sandbox mode', () => {
    const live = createStripeGateway({ secretKey: 'sk_test_not_used' });
    expect(live.hostedPaymentUrl({ id: 'pi_1', clientSecret: 'pi_1_secret_x' }, RETURN_URL)).toBe(
      null,
    );
    const sandboxed = createStripeGateway({
      secretKey: 'sk_test_sandbox',
      apiUrl: 'http://127.0.0.1:9',
    });
    const url = new URL(
      sandboxed.hostedPaymentUrl({ id: 'pi_1', clientSecret: 'pi_1_secret_x' }, RETURN_URL) ?? '',
    );
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:9/pay/payment_intents/pi_1');
    expect(url.searchParams.get('client_secret')).toBe('pi_1_secret_x');
    expect(url.searchParams.get('return_url')).toBe(RETURN_URL);
  });

  it('hosted page: Pay succeeds, redirects, and the webhook carries metadata and amount', async () => {
    const { sandbox, gateway, receiver } = await setup();
    const pi = await gateway.createPaymentIntent(orderIntent);
    const { res, html } = await openPage(gateway, pi);
    expect(res.status).toBe(200);
    expect(html).toContain('$48.60');
    expect(html).toContain('Souk order #1001');
    expect(html).toContain('Sandbox payments — no real money moves');
    for (const label of ['Pay', 'Decline card', 'Cancel']) {
      expect(html).toContain(`>${label}</button>`);
    }

    const paid = await pressButton(html, 'Pay');
    expect(paid.status).toBe(303);
    const location = new URL(paid.headers.get('location') ?? '');
    expect(location.origin + location.pathname).toBe('https://shop.test/orders/ord_1');
    expect(Object.fromEntries(location.searchParams)).toEqual({
      step: 'pay',
      payment_intent: pi.id,
      redirect_status: 'succeeded',
    });
    expect((await gateway.retrievePaymentIntent(pi.id)).status).toBe('succeeded');

    const [succeeded, ...more] = await delivered(sandbox, receiver, 'payment_intent.succeeded');
    expect(more).toEqual([]);
    expect(succeeded).toMatchObject({
      id: pi.id,
      amount_received: 4860,
      metadata: { orderId: 'ord_1', tenant: 'acme' },
      transfer_group: 'ord_1',
    });
    expect(succeeded?.['latest_charge']).toMatch(/^ch_/);

    // Back button or a second tab: the page says so rather than charging twice.
    const again = await openPage(gateway, pi);
    expect(again.html).toContain('This payment is already complete.');
    expect(again.html).not.toContain('<button');
    const payTwice = await fetch(`${sandbox.url}/pay/payment_intents/${pi.id}/pay`, {
      method: 'POST',
      body: new URLSearchParams({ client_secret: pi.clientSecret, return_url: RETURN_URL }),
    });
    expect(payTwice.status).toBe(409);
    expect(await payTwice.text()).toContain('This payment is already complete.');
    expect(sandbox.store.charges.size).toBe(1);

    await gateway.refund({ paymentIntentId: pi.id, amountCents: 860, idempotencyKey: 'rf-1' });
    await gateway.refund({ paymentIntentId: pi.id, idempotencyKey: 'rf-2' });
    const refunded = await delivered(sandbox, receiver, 'charge.refunded');
    expect(refunded.map((c) => [c['amount_refunded'], c['refunded']])).toEqual([
      [860, false],
      [4860, true],
    ]);
    expect(refunded[0]).toMatchObject({
      payment_intent: pi.id,
      metadata: { orderId: 'ord_1', tenant: 'acme' },
    });
  });

  it('hosted page: a declined card can be retried on the same intent', async () => {
    const { sandbox, gateway, receiver } = await setup();
    const pi = await gateway.createPaymentIntent(orderIntent);
    const declined = await pressButton((await openPage(gateway, pi)).html, 'Decline card');
    expect(declined.status).toBe(200);
    const retryPage = await declined.text();
    expect(retryPage).toContain('Your card was declined.');
    expect((await gateway.retrievePaymentIntent(pi.id)).status).toBe('requires_payment_method');
    const [failed] = await delivered(sandbox, receiver, 'payment_intent.payment_failed');
    expect(failed).toMatchObject({
      id: pi.id,
      status: 'requires_payment_method',
      last_payment_error: { message: 'Your card was declined.' },
      metadata: { orderId: 'ord_1' },
    });

    const paid = await pressButton(retryPage, 'Pay');
    expect(paid.status).toBe(303);
    expect((await gateway.retrievePaymentIntent(pi.id)).status).toBe('succeeded');
    expect(sandbox.store.paymentIntents.size).toBe(1);
  });

  it('hosted page: Cancel only leaves; cancelPaymentIntent is safe to repeat', async () => {
    const { sandbox, gateway, receiver } = await setup();
    const pi = await gateway.createPaymentIntent(orderIntent);
    const left = await pressButton((await openPage(gateway, pi)).html, 'Cancel');
    expect(left.status).toBe(303);
    const location = new URL(left.headers.get('location') ?? '');
    expect(location.searchParams.get('redirect_status')).toBe('canceled');
    expect(location.searchParams.get('payment_intent')).toBe(pi.id);
    expect((await gateway.retrievePaymentIntent(pi.id)).status).toBe('requires_payment_method');

    await gateway.cancelPaymentIntent(pi.id);
    await gateway.cancelPaymentIntent(pi.id);
    expect((await gateway.retrievePaymentIntent(pi.id)).status).toBe('canceled');
    expect(await delivered(sandbox, receiver, 'payment_intent.canceled')).toHaveLength(1);
    const page = await openPage(gateway, pi);
    expect(page.html).toContain('This payment was canceled');
    expect(page.html).not.toContain('<button');

    const paid = await gateway.createPaymentIntent({ ...orderIntent, idempotencyKey: 'other' });
    await sandboxJson(sandbox, `/_sandbox/payment_intents/${paid.id}/succeed`, 'POST');
    const refused = await gatewayErrorOf(gateway.cancelPaymentIntent(paid.id));
    expect(refused.code).toBe('payment_intent_unexpected_state');
  });

  it('hosted page: refuses a wrong client secret, a missing return_url and unknown ids', async () => {
    const { sandbox, gateway } = await setup();
    const pi = await gateway.createPaymentIntent(orderIntent);
    const base = `${sandbox.url}/pay/payment_intents`;
    const wrongSecret = await fetch(
      `${base}/${pi.id}?client_secret=${pi.id}_secret_nope&return_url=${encodeURIComponent(RETURN_URL)}`,
    );
    expect(wrongSecret.status).toBe(400);
    expect(await wrongSecret.text()).not.toContain('<button');
    const noReturn = await fetch(`${base}/${pi.id}?client_secret=${pi.clientSecret}`);
    expect(noReturn.status).toBe(400);
    const unknown = await fetch(`${base}/pi_nope?client_secret=x&return_url=https://a.test`);
    expect(unknown.status).toBe(404);
    const forged = await fetch(`${base}/${pi.id}/pay`, {
      method: 'POST',
      body: new URLSearchParams({ client_secret: 'guess', return_url: RETURN_URL }),
    });
    expect(forged.status).toBe(400);
    expect((await gateway.retrievePaymentIntent(pi.id)).status).toBe('requires_payment_method');
  });

  it('/_sandbox controls fail and succeed through the page code path', async () => {
    const { sandbox, gateway, receiver } = await setup();
    const pi = await gateway.createPaymentIntent(orderIntent);
    const failed = await sandboxJson<PaymentIntent>(
      sandbox,
      `/_sandbox/payment_intents/${pi.id}/fail`,
      'POST',
    );
    expect(failed.last_payment_error?.message).toBe('Your card was declined.');
    const succeeded = await sandboxJson<PaymentIntent>(
      sandbox,
      `/_sandbox/payment_intents/${pi.id}/succeed`,
      'POST',
    );
    expect(succeeded).toMatchObject({ status: 'succeeded', amount_received: 4860 });
    const twice = await fetch(`${sandbox.url}/_sandbox/payment_intents/${pi.id}/succeed`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.controlToken}` },
    });
    expect(twice.status).toBe(400);
    expect(await delivered(sandbox, receiver, 'payment_intent.payment_failed')).toHaveLength(1);
    expect(await delivered(sandbox, receiver, 'payment_intent.succeeded')).toHaveLength(1);

    const state = await sandboxJson<Record<string, number>>(sandbox, '/_sandbox/state');
    expect(state).toMatchObject({ payment_intents: 1, charges: 1, transfers: 0 });
    const none = await sandboxJson<{ data: unknown[] }>(
      sandbox,
      '/_sandbox/payment_intents?metadata[orderId]=ord_other',
    );
    expect(none.data).toEqual([]);
  });
});
