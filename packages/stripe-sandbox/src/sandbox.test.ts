import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { formatAmount } from './money';
import { type StripeSandbox, type StripeSandboxOptions } from './server';
import { signPayload } from './signature';
import { type Receiver, receiverForTest, sandboxForTest } from './testing';

const SECRET = 'whsec_test_secret';

async function setup(
  options: StripeSandboxOptions = {},
  status?: (attempt: number) => number,
): Promise<{ sandbox: StripeSandbox; stripe: Stripe; receiver: Receiver }> {
  const receiver = await receiverForTest(status);
  const { sandbox, stripe } = await sandboxForTest({
    webhookEndpoints: [{ url: receiver.url, secret: SECRET }],
    retry: { baseDelayMs: 20, maxAttempts: 5 },
    ...options,
  });
  return { sandbox, stripe, receiver };
}

function sessionParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return {
    mode: 'payment',
    success_url: 'https://shop.test/done?session_id={CHECKOUT_SESSION_ID}',
    cancel_url: 'https://shop.test/cart',
    line_items: [
      {
        price_data: { currency: 'usd', unit_amount: 4860, product_data: { name: 'Tote bag' } },
        quantity: 2,
      },
    ],
    metadata: { orderId: 'ord_1' },
    payment_intent_data: { metadata: { tenant: 'acme' } },
    ...overrides,
  } satisfies Stripe.Checkout.SessionCreateParams;
}

async function caught(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (err) {
    return err as Stripe.errors.StripeError;
  }
  throw new Error('expected the promise to reject');
}

describe('stripe sandbox', () => {
  it('creates and retrieves checkout sessions with the real SDK', async () => {
    const { sandbox, stripe } = await setup();
    const created = await stripe.checkout.sessions.create(sessionParams());
    expect(created.id).toMatch(/^cs_test_/);
    expect(created.object).toBe('checkout.session');
    expect(created.status).toBe('open');
    expect(created.payment_status).toBe('unpaid');
    expect(created.amount_total).toBe(9720);
    expect(created.url).toBe(`${sandbox.url}/pay/${created.id}`);
    expect(created.metadata).toEqual({ orderId: 'ord_1' });
    expect(created.expires_at - created.created).toBe(24 * 60 * 60);

    const fetched = await stripe.checkout.sessions.retrieve(created.id);
    expect(fetched.amount_total).toBe(created.amount_total);
    expect(fetched.url).toBe(created.url);

    const page = await fetch(created.url ?? '');
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Souk sandbox checkout');
    expect(html).toContain('$97.20');
    expect(html).toContain('Sandbox payments — no real money moves');
    for (const label of ['Pay', 'Decline card', 'Abandon checkout']) {
      expect(html).toContain(`>${label}</button>`);
    }

    const missing = await caught(stripe.checkout.sessions.retrieve('cs_test_nope'));
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing.statusCode).toBe(404);
    expect(missing.code).toBe('resource_missing');
  });

  it('pages lists with starting_after', async () => {
    const { stripe } = await setup();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await stripe.checkout.sessions.create(sessionParams())).id);
    const first = await stripe.checkout.sessions.list({ limit: 2 });
    expect(first.data.map((s) => s.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    const second = await stripe.checkout.sessions.list({ limit: 2, starting_after: ids[1] });
    expect(second.data.map((s) => s.id)).toEqual([ids[0]]);
    expect(second.has_more).toBe(false);
  });

  it('rejects missing and invalid params with the param name', async () => {
    const { stripe } = await setup();
    const noItems = await caught(
      stripe.checkout.sessions.create({ ...sessionParams(), line_items: [] }),
    );
    expect(noItems).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(noItems.param).toBe('line_items');
    expect(noItems.code).toBe('parameter_missing');

    const noName = await caught(
      stripe.checkout.sessions.create(
        sessionParams({
          line_items: [
            {
              price_data: { currency: 'usd', unit_amount: 100, product_data: { name: '' } },
              quantity: 1,
            },
          ],
        }),
      ),
    );
    expect(noName.param).toBe('line_items[0][price_data][product_data][name]');

    const soon = await caught(
      stripe.checkout.sessions.create(
        sessionParams({ expires_at: Math.floor(Date.now() / 1000) + 60 }),
      ),
    );
    expect(soon.param).toBe('expires_at');

    const noAmount = await caught(
      stripe.paymentIntents.create({ currency: 'usd' } as Stripe.PaymentIntentCreateParams),
    );
    expect(noAmount).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(noAmount.param).toBe('amount');

    const unauthorized = await fetch(`${(await setup()).sandbox.url}/v1/customers`, {
      method: 'POST',
    });
    expect(unauthorized.status).toBe(401);
  });

  it('expires sessions and delivers a verifiable checkout.session.expired', async () => {
    const { sandbox, stripe, receiver } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const expired = await stripe.checkout.sessions.expire(session.id);
    expect(expired.status).toBe('expired');

    const again = await caught(stripe.checkout.sessions.expire(session.id));
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(again.message).toBe('Only Checkout Sessions with a status in ["open"] can be expired.');

    await sandbox.flushDeliveries();
    expect(receiver.received).toHaveLength(1);
    const delivery = receiver.received[0]!;
    const event = stripe.webhooks.constructEvent(delivery.raw, delivery.signature, SECRET);
    expect(event.type).toBe('checkout.session.expired');
    expect((event.data.object as Stripe.Checkout.Session).id).toBe(session.id);

    const page = await (await fetch(`${sandbox.url}/pay/${session.id}`)).text();
    expect(page).toContain('This checkout session is no longer available (status: expired)');
    expect(page).not.toContain('<button');

    const listed = await stripe.events.list({ type: 'checkout.session.expired' });
    expect(listed.data.map((e) => e.id)).toEqual([event.id]);
  });

  it('expires due sessions on its own clock', async () => {
    let now = Date.now();
    const { sandbox, stripe } = await setup({ clock: () => now });
    const session = await stripe.checkout.sessions.create(
      sessionParams({ expires_at: Math.floor(now / 1000) + 1800 }),
    );
    expect(sandbox.expireDueSessions()).toEqual([]);
    now += 1801 * 1000;
    expect(sandbox.expireDueSessions()).toEqual([session.id]);
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('expired');
  });

  it('replays idempotent requests and rejects a reused key with other params', async () => {
    const { sandbox, stripe } = await setup();
    const [a, b] = await Promise.all([
      stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'key-1' }),
      stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'key-1' }),
    ]);
    const c = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'key-1' });
    expect(a.id).toBe(b.id);
    expect(c.id).toBe(a.id);
    expect(sandbox.store.sessions.size).toBe(1);

    const err = await caught(
      stripe.checkout.sessions.create(sessionParams({ metadata: { orderId: 'other' } }), {
        idempotencyKey: 'key-1',
      }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(err.rawType).toBe('idempotency_error');

    const createCustomer = () =>
      fetch(`${sandbox.url}/v1/customers`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${sandbox.apiKey}`,
          'idempotency-key': 'key-2',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'email=a%40b.test',
      });
    const raw = await createCustomer();
    const replay = await createCustomer();
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(await raw.text());
  });

  it('confirms payment intents: visa succeeds, a declined card throws StripeCardError', async () => {
    const { sandbox, stripe } = await setup();
    const pi = await stripe.paymentIntents.create({
      amount: 2500,
      currency: 'usd',
      metadata: { orderId: 'ord_9' },
    });
    expect(pi.status).toBe('requires_payment_method');
    const confirmed = await stripe.paymentIntents.confirm(pi.id, {
      payment_method: 'pm_card_visa',
    });
    expect(confirmed.status).toBe('succeeded');
    expect(confirmed.amount_received).toBe(2500);
    expect(confirmed.latest_charge).toMatch(/^ch_/);

    const declined = await stripe.paymentIntents.create({ amount: 700, currency: 'usd' });
    const err = await caught(
      stripe.paymentIntents.confirm(declined.id, { payment_method: 'pm_card_chargeDeclined' }),
    );
    expect(err).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(err.code).toBe('card_declined');
    expect(err.message).toBe('Your card was declined.');
    const after = await stripe.paymentIntents.retrieve(declined.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error?.code).toBe('card_declined');

    const canceled = await stripe.paymentIntents.cancel(declined.id);
    expect(canceled.status).toBe('canceled');
    const refused = await caught(stripe.paymentIntents.cancel(pi.id));
    expect(refused).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);

    await sandbox.flushDeliveries();
    const types = (await stripe.events.list({ limit: 10 })).data.map((e) => e.type).reverse();
    expect(types).toEqual([
      'payment_intent.succeeded',
      'payment_intent.payment_failed',
      'payment_intent.canceled',
    ]);
  });

  it('refunds and emits charge.refunded with the payment intent metadata', async () => {
    const { sandbox, stripe, receiver } = await setup();
    const pi = await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      metadata: { orderId: 'ord_7' },
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(pi.status).toBe('succeeded');

    const tooMuch = await caught(stripe.refunds.create({ payment_intent: pi.id, amount: 2001 }));
    expect(tooMuch.param).toBe('amount');

    const partial = await stripe.refunds.create({ payment_intent: pi.id, amount: 500 });
    expect(partial.status).toBe('succeeded');
    expect(partial.amount).toBe(500);
    expect((await stripe.refunds.retrieve(partial.id)).charge).toBe(pi.latest_charge);
    const rest = await stripe.refunds.create({ payment_intent: pi.id });
    expect(rest.amount).toBe(1500);

    await sandbox.flushDeliveries();
    const refunds = receiver.received
      .map((r) => stripe.webhooks.constructEvent(r.raw, r.signature, SECRET))
      .filter((e) => e.type === 'charge.refunded')
      .map((e) => e.data.object);
    expect(refunds.map((c) => [c.amount_refunded, c.refunded])).toEqual([
      [500, false],
      [2000, true],
    ]);
    expect(refunds[0]?.metadata).toEqual({ orderId: 'ord_7' });
    expect(refunds[0]?.payment_intent).toBe(pi.id);
  });

  it('hosted page: pay redirects to success_url and completes the session', async () => {
    const { sandbox, stripe, receiver } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const res = await fetch(`${sandbox.url}/pay/${session.id}/pay`, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`https://shop.test/done?session_id=${session.id}`);

    const done = await stripe.checkout.sessions.retrieve(session.id);
    expect(done.status).toBe('complete');
    expect(done.payment_status).toBe('paid');
    const pi = await stripe.paymentIntents.retrieve(done.payment_intent as string);
    expect(pi.status).toBe('succeeded');
    expect(pi.amount).toBe(9720);
    expect(pi.metadata).toEqual({ orderId: 'ord_1', tenant: 'acme' });

    await sandbox.flushDeliveries();
    expect(receiver.received.map((r) => r.event.type)).toEqual(
      expect.arrayContaining(['payment_intent.succeeded', 'checkout.session.completed']),
    );
  });

  it('hosted page: decline shows the error and keeps the session open; abandon redirects', async () => {
    const { sandbox, stripe } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const res = await fetch(`${sandbox.url}/pay/${session.id}/decline`, { method: 'POST' });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('Your card was declined.');
    expect(html).toContain('>Pay</button>');
    const open = await stripe.checkout.sessions.retrieve(session.id);
    expect(open.status).toBe('open');
    const failed = await stripe.paymentIntents.retrieve(open.payment_intent as string);
    expect(failed.status).toBe('requires_payment_method');

    const abandon = await fetch(`${sandbox.url}/pay/${session.id}/abandon`, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(abandon.status).toBe(303);
    expect(abandon.headers.get('location')).toBe('https://shop.test/cart');
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe('open');

    // Paying after a decline reuses the same PaymentIntent.
    await fetch(`${sandbox.url}/pay/${session.id}/pay`, { method: 'POST', redirect: 'manual' });
    const paid = await stripe.checkout.sessions.retrieve(session.id);
    expect(paid.payment_intent).toBe(failed.id);
  });

  it('duplicate mode delivers the same event id twice', async () => {
    const { sandbox, receiver } = await setup();
    sandbox.setDeliveryMode({ duplicate: 1 });
    const event = sandbox.emit('invoice.payment_failed', { id: 'in_1', object: 'invoice' });
    await sandbox.flushDeliveries();
    expect(receiver.received.map((r) => r.event.id)).toEqual([event.id, event.id]);
  });

  it('reorder mode delivers checkout.session.completed before payment_intent.succeeded', async () => {
    const { sandbox, stripe, receiver } = await setup();
    await fetch(`${sandbox.url}/_sandbox/delivery-mode`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.controlToken}` },
      body: JSON.stringify({ reorder: true }),
    });
    const session = await stripe.checkout.sessions.create(sessionParams());
    await fetch(`${sandbox.url}/pay/${session.id}/pay`, { method: 'POST', redirect: 'manual' });
    expect(receiver.received).toHaveLength(0);
    await fetch(`${sandbox.url}/_sandbox/flush`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.controlToken}` },
    });
    expect(receiver.received.map((r) => r.event.type)).toEqual([
      'checkout.session.completed',
      'payment_intent.succeeded',
    ]);
  });

  it('retries failed deliveries with fresh signatures until a 2xx', async () => {
    const { sandbox, stripe, receiver } = await setup({}, (attempt) => (attempt <= 2 ? 500 : 200));
    const event = sandbox.emit('invoice.payment_failed', { id: 'in_2', object: 'invoice' });
    await sandbox.flushDeliveries();
    expect(sandbox.deliveries().map((d) => [d.eventId, d.attempt, d.status])).toEqual([
      [event.id, 1, 500],
      [event.id, 2, 500],
      [event.id, 3, 200],
    ]);
    for (const r of receiver.received) {
      expect(stripe.webhooks.constructEvent(r.raw, r.signature, SECRET).id).toBe(event.id);
    }
    expect((await stripe.events.retrieve(event.id)).pending_webhooks).toBe(0);
  });

  it('signs payloads exactly like Stripe and formats money with integers', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event' });
    const header = signPayload(payload, SECRET);
    const stripe = new Stripe('sk_test_x');
    expect(stripe.webhooks.constructEvent(payload, header, SECRET).id).toBe('evt_1');
    expect(formatAmount(9720, 'usd')).toBe('$97.20');
    expect(formatAmount(5, 'eur')).toBe('€0.05');
    expect(formatAmount(123456789, 'usd')).toBe('$1,234,567.89');
    expect(formatAmount(1200, 'jpy')).toBe('¥1,200');
  });

  it('answers unknown routes like Stripe', async () => {
    const { sandbox } = await setup();
    const res = await fetch(`${sandbox.url}/v1/nope`, {
      headers: { authorization: `Bearer ${sandbox.apiKey}` },
    });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { type: string; message: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/^Unrecognized request URL \(GET: \/v1\/nope\)/);
  });
});

describe('minimum charge', () => {
  it("refuses totals below Stripe's minimum for the currency with amount_too_small, allows no-cost sessions", async () => {
    const { stripe } = await setup();
    const item = (currency: string, unit_amount: number) => ({
      line_items: [
        { price_data: { currency, unit_amount, product_data: { name: 'Sticker' } }, quantity: 1 },
      ],
    });

    const oneCent = await caught(stripe.checkout.sessions.create(sessionParams(item('usd', 1))));
    expect(oneCent).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(oneCent.statusCode).toBe(400);
    expect(oneCent.code).toBe('amount_too_small');
    expect(oneCent.message).toContain('at least $0.50 usd');

    const gbp = await caught(stripe.checkout.sessions.create(sessionParams(item('gbp', 29))));
    expect(gbp.code).toBe('amount_too_small');
    expect(
      (await stripe.checkout.sessions.create(sessionParams(item('gbp', 30)))).amount_total,
    ).toBe(30);
    expect(
      (await stripe.checkout.sessions.create(sessionParams(item('usd', 50)))).amount_total,
    ).toBe(50);
    expect(
      (await stripe.checkout.sessions.create(sessionParams(item('usd', 0)))).amount_total,
    ).toBe(0);

    const pi = await caught(stripe.paymentIntents.create({ amount: 49, currency: 'usd' }));
    expect(pi.statusCode).toBe(400);
    expect(pi.code).toBe('amount_too_small');
    expect(pi.param).toBe('amount');
    expect(pi.message).toBe('Amount must be at least $0.50 usd');
    expect((await stripe.paymentIntents.create({ amount: 50, currency: 'usd' })).amount).toBe(50);
  });
});
