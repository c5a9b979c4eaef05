// The list calls reconciliation pages through, with Stripe's paging and `created` windows,
// through the real stripe SDK and through @souk/payments' gateway.
import { PaymentGatewayError, createStripeGateway, pageThrough } from '@souk/payments';
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { type StripeSandbox } from './server';
import { gatewayErrorOf, pressButton, sandboxForTest } from './testing';

const DAY_MS = 24 * 60 * 60 * 1000;
const START = Date.UTC(2026, 10, 2, 9, 0, 0);

/** A sandbox whose clock the test moves. */
async function setup(): Promise<{
  sandbox: StripeSandbox;
  stripe: Stripe;
  advance: (ms: number) => void;
}> {
  let now = START;
  const { sandbox, stripe } = await sandboxForTest({ clock: () => now });
  return { sandbox, stripe, advance: (ms) => (now += ms) };
}

/** Pays `count` PaymentIntents of 10.00, 10.01, …; returns them oldest first. */
async function payIntents(stripe: Stripe, count: number, tag = 'batch') {
  const paid: Stripe.PaymentIntent[] = [];
  for (let i = 0; i < count; i++) {
    paid.push(
      await stripe.paymentIntents.create({
        amount: 1000 + i,
        currency: 'usd',
        payment_method: 'pm_card_visa',
        confirm: true,
        metadata: { tag, n: String(i) },
      }),
    );
  }
  return paid;
}

const seconds = (ms: number): number => Math.floor(ms / 1000);

describe('sandbox list endpoints', () => {
  it('pages 25 charges newest first: 10, 10, 5 with has_more true, true, false and no repeats', async () => {
    const { stripe } = await setup();
    const paid = await payIntents(stripe, 25);

    const first = await stripe.charges.list({ limit: 10 });
    const second = await stripe.charges.list({ limit: 10, starting_after: first.data.at(-1)!.id });
    const third = await stripe.charges.list({ limit: 10, starting_after: second.data.at(-1)!.id });

    expect([first.data.length, second.data.length, third.data.length]).toEqual([10, 10, 5]);
    expect([first.has_more, second.has_more, third.has_more]).toEqual([true, true, false]);
    expect(first.object).toBe('list');
    expect(first.url).toBe('/v1/charges');
    const listed = [...first.data, ...second.data, ...third.data];
    expect(new Set(listed.map((c) => c.id)).size).toBe(25);
    // Newest first, each charge tied to the intent it paid.
    expect(listed.map((c) => c.payment_intent)).toEqual(paid.map((pi) => pi.id).reverse());
    expect(listed[0]).toMatchObject({
      object: 'charge',
      amount: 1024,
      amount_refunded: 0,
      refunded: false,
      status: 'succeeded',
    });
    expect(listed[0]!.id).toMatch(/^ch_/);

    // ending_before walks back toward the newest.
    const back = await stripe.charges.list({ limit: 10, ending_before: third.data[0]!.id });
    expect(back.data.map((c) => c.id)).toEqual(second.data.map((c) => c.id));
    // Stripe's default page is 10, and more than 100 is refused.
    expect((await stripe.charges.list()).data).toHaveLength(10);
    await expect(stripe.charges.list({ limit: 101 })).rejects.toMatchObject({ param: 'limit' });
  });

  it('honours created windows on charges, PaymentIntents, checkout sessions, refunds and events', async () => {
    const { stripe, advance } = await setup();
    const old = await payIntents(stripe, 2, 'old');
    const oldSession = await stripe.checkout.sessions.create(sessionParams());
    await stripe.refunds.create({ payment_intent: old[0]!.id, amount: 300 });
    advance(3 * DAY_MS);
    const recent = await payIntents(stripe, 3, 'recent');
    const recentSession = await stripe.checkout.sessions.create(sessionParams());
    await stripe.refunds.create({ payment_intent: recent[0]!.id, amount: 400 });

    const since = { gte: seconds(START + DAY_MS) };
    const until = { lte: seconds(START + DAY_MS) };
    const recentIds = recent.map((pi) => pi.id).reverse();

    expect(
      (await stripe.charges.list({ created: since })).data.map((c) => c.payment_intent),
    ).toEqual(recentIds);
    expect(
      (await stripe.charges.list({ created: until })).data.map((c) => c.payment_intent),
    ).toEqual(old.map((pi) => pi.id).reverse());
    expect((await stripe.paymentIntents.list({ created: since })).data.map((pi) => pi.id)).toEqual(
      recentIds,
    );
    expect((await stripe.checkout.sessions.list({ created: since })).data.map((s) => s.id)).toEqual(
      [recentSession.id],
    );
    expect((await stripe.checkout.sessions.list({ created: until })).data.map((s) => s.id)).toEqual(
      [oldSession.id],
    );
    expect((await stripe.refunds.list({ created: since })).data.map((r) => r.amount)).toEqual([
      400,
    ]);
    expect((await stripe.refunds.list({ created: until })).data.map((r) => r.amount)).toEqual([
      300,
    ]);
    const recentEvents = await stripe.events.list({ created: since, limit: 100 });
    expect(recentEvents.data.map((e) => e.type).sort()).toEqual([
      'charge.refunded',
      'payment_intent.succeeded',
      'payment_intent.succeeded',
      'payment_intent.succeeded',
    ]);
    // An exact second, and an open window that matches nothing.
    expect(
      (await stripe.charges.list({ created: seconds(START) })).data.map((c) => c.payment_intent),
    ).toEqual(old.map((pi) => pi.id).reverse());
    expect(
      (await stripe.charges.list({ created: { gt: seconds(START + 4 * DAY_MS) } })).data,
    ).toEqual([]);
  });

  it('lists refunds tied to their charge and intent, and the charge shows what was refunded', async () => {
    const { stripe } = await setup();
    const [pi, other] = await payIntents(stripe, 2);
    const partial = await stripe.refunds.create({ payment_intent: pi!.id, amount: 250 });
    const rest = await stripe.refunds.create({ payment_intent: pi!.id });
    await stripe.refunds.create({ payment_intent: other!.id, amount: 100 });

    const forIntent = await stripe.refunds.list({ payment_intent: pi!.id });
    expect(forIntent.data.map((r) => [r.id, r.amount, r.status])).toEqual([
      [rest.id, 750, 'succeeded'],
      [partial.id, 250, 'succeeded'],
    ]);
    const chargeId = forIntent.data[0]!.charge as string;
    expect((await stripe.refunds.list({ charge: chargeId })).data).toHaveLength(2);
    expect((await stripe.refunds.list()).data).toHaveLength(3);
    const [charge] = (await stripe.charges.list({ payment_intent: pi!.id })).data;
    expect(charge).toMatchObject({ id: chargeId, amount_refunded: 1000, refunded: true });
  });

  it('a checkout session paid on the hosted page leaves a charge for its PaymentIntent', async () => {
    const { sandbox, stripe } = await setup();
    const session = await stripe.checkout.sessions.create(sessionParams());
    const page = await (await fetch(`${sandbox.url}/pay/${session.id}`)).text();
    expect((await pressButton(page, 'Pay')).status).toBe(303);

    const [listed] = (await stripe.checkout.sessions.list({ limit: 1 })).data;
    expect(listed).toMatchObject({ id: session.id, status: 'complete', payment_status: 'paid' });
    const charges = await stripe.charges.list({ payment_intent: listed!.payment_intent as string });
    expect(charges.data.map((c) => [c.amount, c.status, c.refunded])).toEqual([
      [9720, 'succeeded', false],
    ]);
  });

  it('lists the events it emitted, newest first, by type and page', async () => {
    const { stripe } = await setup();
    const [pi] = await payIntents(stripe, 3);
    await stripe.refunds.create({ payment_intent: pi!.id });

    const all = await stripe.events.list({ limit: 100 });
    expect(all.data.map((e) => e.type)).toEqual([
      'charge.refunded',
      'payment_intent.succeeded',
      'payment_intent.succeeded',
      'payment_intent.succeeded',
    ]);
    expect((all.data[3]!.data.object as { id: string }).id).toBe(pi!.id);
    const succeeded = await stripe.events.list({ type: 'payment_intent.succeeded', limit: 2 });
    expect([succeeded.data.length, succeeded.has_more]).toEqual([2, true]);
    const rest = await stripe.events.list({
      type: 'payment_intent.succeeded',
      limit: 2,
      starting_after: succeeded.data[1]!.id,
    });
    expect([rest.data.length, rest.has_more]).toEqual([1, false]);
  });
});

describe('gateway list calls', () => {
  it('maps one page of each list, in cents, with dates and the links between objects', async () => {
    const { sandbox, stripe } = await setup();
    const gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });
    const [pi] = await payIntents(stripe, 1);
    const refund = await stripe.refunds.create({ payment_intent: pi!.id, amount: 400 });
    const session = await stripe.checkout.sessions.create(sessionParams());

    const charges = await gateway.listCharges({ limit: 5 });
    expect(charges.hasMore).toBe(false);
    expect(charges.data).toEqual([
      {
        id: refund.charge,
        paymentIntentId: pi!.id,
        amountCents: 1000,
        amountRefundedCents: 400,
        refunded: false,
        status: 'succeeded',
        paid: true,
        currency: 'USD',
        created: new Date(seconds(START) * 1000),
        metadata: { tag: 'batch', n: '0' },
      },
    ]);
    expect((await gateway.listRefunds({ paymentIntentId: pi!.id })).data).toEqual([
      {
        id: refund.id,
        chargeId: refund.charge,
        paymentIntentId: pi!.id,
        amountCents: 400,
        status: 'succeeded',
        currency: 'USD',
        created: new Date(seconds(START) * 1000),
        metadata: {},
      },
    ]);
    expect((await gateway.listPaymentIntents({})).data).toEqual([
      expect.objectContaining({
        id: pi!.id,
        status: 'succeeded',
        amountCents: 1000,
        amountReceivedCents: 1000,
        latestChargeId: refund.charge,
      }),
    ]);
    expect((await gateway.listCheckoutSessions({})).data).toEqual([
      expect.objectContaining({
        id: session.id,
        status: 'open',
        paymentStatus: 'unpaid',
        paymentIntentId: null,
        amountTotalCents: 9720,
        metadata: { orderId: 'ord_1' },
      }),
    ]);
    const events = await gateway.listEvents({ types: ['charge.refunded'] });
    expect(events.data).toHaveLength(1);
    expect(events.data[0]).toMatchObject({
      type: 'charge.refunded',
      objectId: refund.charge,
      objectType: 'charge',
      account: null,
      created: new Date(seconds(START) * 1000),
    });
    expect(events.data[0]!.envelope).toMatchObject({
      id: events.data[0]!.id,
      type: 'charge.refunded',
      data: { object: { id: refund.charge, amount_refunded: 400 } },
    });

    for (const limit of [0, 101, 2.5]) {
      const error = await gatewayErrorOf(gateway.listCharges({ limit }));
      expect(error).toBeInstanceOf(PaymentGatewayError);
      expect(error.param).toBe('limit');
    }
  });

  it('pageThrough walks every page of a window and keeps a cursor a killed walk resumes from', async () => {
    const { sandbox, stripe, advance } = await setup();
    const gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });
    await payIntents(stripe, 4, 'before the window');
    advance(2 * DAY_MS);
    const inWindow = await payIntents(stripe, 25, 'window');
    const expected = inWindow.map((pi) => pi.id).reverse();
    const window = { createdGte: new Date(START + DAY_MS), limit: 10 };

    const walk = pageThrough(gateway.listCharges, window);
    const seen: string[] = [];
    for await (const charge of walk) seen.push(charge.paymentIntentId!);
    expect(seen).toEqual(expected);
    expect(walk.pages).toBe(3);

    // A walk stopped after 12 objects (its checkpoint) resumes with the 13th.
    const killed = pageThrough(gateway.listCharges, window);
    let handled = 0;
    for await (const charge of killed) {
      void charge;
      if (++handled === 12) break;
    }
    const checkpoint = killed.cursor!;
    const resumed: string[] = [];
    for await (const charge of pageThrough(gateway.listCharges, {
      ...window,
      startingAfter: checkpoint,
    })) {
      resumed.push(charge.paymentIntentId!);
    }
    expect(resumed).toEqual(expected.slice(12));

    // Page by page, each page's cursor is its last id.
    const byPage = pageThrough(gateway.listPaymentIntents, window);
    const sizes: number[] = [];
    for await (const page of byPage.byPage()) {
      sizes.push(page.data.length);
      expect(page.cursor).toBe(page.data.at(-1)!.id);
      expect(byPage.cursor).toBe(page.cursor);
    }
    expect(sizes).toEqual([10, 10, 5]);
    expect(byPage.cursor).toBe(expected.at(-1));
  });
});

function sessionParams() {
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
  } satisfies Stripe.Checkout.SessionCreateParams;
}
