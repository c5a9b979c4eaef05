// Account endpoints and Connect endpoints: Stripe sends events that carry `account` (from a
// connected account) only to Connect endpoints, and every other event only to account endpoints.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { type StripeSandbox, type StripeSandboxOptions } from './server';
import { type Receiver, pressButton, receiverForTest, sandboxForTest } from './testing';

const ACCOUNT_SECRET = 'whsec_account_endpoint_secret';
const CONNECT_SECRET = 'whsec_connect_endpoint_secret';

function sandboxWith(options: StripeSandboxOptions = {}) {
  return sandboxForTest({ retry: { baseDelayMs: 20, maxAttempts: 3 }, ...options });
}

/** Verifies every delivery with `secret` (throws on a wrong signature); returns the types. */
function verifiedTypes(stripe: Stripe, r: Receiver, secret: string): string[] {
  return r.received.map((d) => stripe.webhooks.constructEvent(d.raw, d.signature, secret).type);
}

async function onboard(stripe: Stripe, accountId: string): Promise<void> {
  const link = await stripe.accountLinks.create({
    account: accountId,
    type: 'account_onboarding',
    refresh_url: 'https://shop.test/refresh',
    return_url: 'https://shop.test/return',
  });
  const html = await (await fetch(link.url)).text();
  expect((await pressButton(html, 'Complete onboarding')).status).toBe(303);
}

async function payCheckout(sandbox: StripeSandbox, stripe: Stripe): Promise<void> {
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    success_url: 'https://shop.test/done',
    line_items: [
      {
        price_data: { currency: 'usd', unit_amount: 2500, product_data: { name: 'Mug' } },
        quantity: 1,
      },
    ],
  });
  const paid = await fetch(`${sandbox.url}/pay/${session.id}/pay`, {
    method: 'POST',
    redirect: 'manual',
  });
  expect(paid.status).toBe(303);
}

describe('webhook endpoints: account vs Connect', () => {
  it('sends connected-account events only to Connect endpoints and the rest only to account endpoints', async () => {
    const platform = await receiverForTest();
    const connect = await receiverForTest();
    const { sandbox, stripe } = await sandboxWith({
      webhookEndpoints: [
        { url: platform.url, secret: ACCOUNT_SECRET },
        { url: connect.url, secret: CONNECT_SECRET, connect: true },
      ],
    });
    sandbox.setDeliveryMode({ paused: true });

    const account = await stripe.accounts.create({ type: 'express', email: 'maker@example.test' });
    await onboard(stripe, account.id);
    await payCheckout(sandbox, stripe);

    // Counted at creation the way they are delivered: one endpoint each.
    const events = (await stripe.events.list()).data;
    expect(events.map((e) => [e.type, e.account ?? null, e.pending_webhooks]).sort()).toEqual([
      ['account.updated', account.id, 1],
      ['checkout.session.completed', null, 1],
      ['payment_intent.succeeded', null, 1],
    ]);

    await sandbox.flushDeliveries();
    expect(verifiedTypes(stripe, connect, CONNECT_SECRET)).toEqual(['account.updated']);
    expect(verifiedTypes(stripe, platform, ACCOUNT_SECRET).sort()).toEqual([
      'checkout.session.completed',
      'payment_intent.succeeded',
    ]);
    const [update] = connect.received;
    expect(update?.event.account).toBe(account.id);
    // The account endpoint's secret does not open the Connect endpoint's delivery.
    expect(() =>
      stripe.webhooks.constructEvent(update?.raw ?? '', update?.signature ?? '', ACCOUNT_SECRET),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    for (const event of (await stripe.events.list()).data) expect(event.pending_webhooks).toBe(0);
  });

  it('an event nobody can receive has pending_webhooks 0', async () => {
    const platform = await receiverForTest();
    const { sandbox, stripe } = await sandboxWith({
      webhookEndpoints: [{ url: platform.url, secret: ACCOUNT_SECRET }],
    });
    const account = await stripe.accounts.create({ type: 'express' });
    await onboard(stripe, account.id);
    await sandbox.flushDeliveries();
    expect(platform.received).toHaveLength(0);
    const [event] = (await stripe.events.list({ type: 'account.updated' })).data;
    expect(event?.pending_webhooks).toBe(0);
    expect(sandbox.deliveries()).toEqual([]);
  });

  it('POST /v1/webhook_endpoints takes connect=true|false and refuses other values', async () => {
    const connect = await receiverForTest();
    const { sandbox, stripe } = await sandboxWith();
    const created = await stripe.webhookEndpoints.create({
      url: connect.url,
      enabled_events: ['*'],
      connect: true,
    });
    // Stripe's object shape: no `connect` field comes back.
    expect(created).not.toHaveProperty('connect');
    expect(await stripe.webhookEndpoints.retrieve(created.id)).not.toHaveProperty('connect');
    const secret = created.secret ?? '';
    expect(secret).toMatch(/^whsec_/);
    const plain = await stripe.webhookEndpoints.create({
      url: 'https://shop.test/hooks',
      enabled_events: ['*'],
      connect: false,
    });
    expect(sandbox.store.endpoints.get(plain.id)?.connect).toBe(false);
    expect(sandbox.store.endpoints.get(created.id)?.connect).toBe(true);

    const account = await stripe.accounts.create({ type: 'express' });
    await onboard(stripe, account.id);
    sandbox.emit('invoice.paid', { id: 'in_1', object: 'invoice' });
    await sandbox.flushDeliveries();
    expect(verifiedTypes(stripe, connect, secret)).toEqual(['account.updated']);

    const res = await fetch(`${sandbox.url}/v1/webhook_endpoints`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandbox.apiKey}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({
        url: 'https://shop.test/hooks',
        'enabled_events[]': '*',
        connect: 'maybe',
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { type: string; param?: string } };
    expect(body.error).toMatchObject({ type: 'invalid_request_error', param: 'connect' });
    expect(sandbox.store.endpoints.size).toBe(2);
  });

  it('addWebhookEndpoint and the control route take connect', async () => {
    const platform = await receiverForTest();
    const viaApi = await receiverForTest();
    const viaRoute = await receiverForTest();
    const { sandbox, stripe } = await sandboxWith();
    sandbox.addWebhookEndpoint(platform.url, ACCOUNT_SECRET);
    sandbox.addWebhookEndpoint(viaApi.url, CONNECT_SECRET, ['account.updated'], true);
    const post = (body: object) =>
      fetch(`${sandbox.url}/_sandbox/webhook-endpoints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${sandbox.controlToken}` },
        body: JSON.stringify(body),
      });
    const added = await post({ url: viaRoute.url, secret: CONNECT_SECRET, connect: true });
    expect(added.status).toBe(200);
    expect(await added.json()).not.toHaveProperty('connect');
    expect((await post({ url: viaRoute.url, secret: CONNECT_SECRET, connect: 'yes' })).status).toBe(
      400,
    );

    const account = await stripe.accounts.create({ type: 'express' });
    await onboard(stripe, account.id);
    sandbox.emit('invoice.paid', { id: 'in_1', object: 'invoice' });
    await sandbox.flushDeliveries();
    expect(verifiedTypes(stripe, viaApi, CONNECT_SECRET)).toEqual(['account.updated']);
    expect(verifiedTypes(stripe, viaRoute, CONNECT_SECRET)).toEqual(['account.updated']);
    expect(verifiedTypes(stripe, platform, ACCOUNT_SECRET)).toEqual(['invoice.paid']);
  });
});
