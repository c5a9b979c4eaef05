// Checkout and catalog correctness: prices that can be paid (no negative totals, free
// orders without the processor, the processor's minimum charge), session lifetime
// margin, expiring resume links, fulfillment that fulfills, and lists that page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processFulfillmentTasks, RESUME_LINK_EXPIRED, resumeToken } from '@souk/core';
import { lockAndSettleSucceededPayment } from '@souk/core/testing';
import { withOrg } from '@souk/db';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { createStripeGateway, type PaymentGateway } from '@souk/payments';
import { startStripeSandbox, type StripeSandbox } from '@souk/stripe-sandbox';
import { fieldErrorsOf } from './errors';
import { apiEnv } from './env';
import { callerAs, seededCallers } from './test/harness';
import { optionGroup } from './test/products';
import { errorOf } from './test/trpc-errors';

let testDb: TestDatabase;
let sandbox: StripeSandbox;
let gateway: PaymentGateway;
let c: Awaited<ReturnType<typeof seededCallers>>;
let orgId: string;
let shop: ReturnType<typeof callerAs>;
let admin: ReturnType<typeof callerAs>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  sandbox = await startStripeSandbox({ port: 0 });
  gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });
  c = await seededCallers(testDb.db);
  orgId = c.sessions.admin.orgId;
  await testDb.ownerDb.organization.update({ where: { id: orgId }, data: { taxRateBps: 0 } });
  shop = callerAs(testDb.db, c.sessions.customer, undefined, {
    apiKey: apiEnv.CHECKOUT_API_KEY,
    gateway,
  });
  admin = callerAs(testDb.db, c.sessions.admin, undefined, { gateway });
});
afterAll(async () => {
  await sandbox?.stop();
  await testDb?.drop();
});

let seq = 0;
function product(overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    slug: `correct-${seq}-${Date.now()}`,
    name: `Correctness product ${seq}`,
    basePriceCents: 2500,
    currency: 'USD' as const,
    status: 'active' as const,
    ...overrides,
  };
}

const noSelection = { options: {}, addOnIds: [], planId: null, customFields: {} };
const owner = <T>(fn: (tx: Parameters<Parameters<typeof withOrg>[2]>[0]) => Promise<T>) =>
  withOrg(testDb.ownerDb, orgId, fn);

async function payOrder(orderId: string) {
  const invoice = await owner((tx) => tx.invoice.findUniqueOrThrow({ where: { orderId } }));
  // The same code the processor's payment webhooks run.
  await withOrg(testDb.db, orgId, (tx) =>
    lockAndSettleSucceededPayment(
      { tx, orgId, actor: null, requestId: null },
      {
        invoiceId: invoice.id,
        paymentIntentId: `pi_test_${orderId.slice(0, 8)}`,
        amountCents: invoice.totalCents,
      },
    ),
  );
}

describe('custom-field patterns at save', () => {
  it('refuses a pattern RE2 cannot run, in words on the pattern field, and saves nothing', async () => {
    const input = product({
      configuration: {
        customFields: [{ label: 'Code', fieldType: 'text' as const, pattern: '(a)\\1' }],
      },
    });
    const error = await errorOf(admin.catalog.createProduct(input));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error.cause)).toEqual({
      'configuration.customFields.0.pattern': [
        'Back-references (\\1, \\2, …) are not supported; describe the format without them',
      ],
    });
    expect(await owner((tx) => tx.product.count({ where: { slug: input.slug } }))).toBe(0);
  });

  it('a nested-quantifier pattern is checked at checkout without stalling', async () => {
    const created = await admin.catalog.createProduct(
      product({
        configuration: {
          customFields: [
            { label: 'Code', fieldType: 'text' as const, isRequired: true, pattern: '(a+)+$' },
          ],
        },
      }),
    );
    const fieldId = created.configuration.customFields[0]!.id;
    const started = performance.now();
    const error = await errorOf(
      shop.checkout.startCheckout({
        productSlug: created.slug,
        selection: { ...noSelection, customFields: { [fieldId]: `${'a'.repeat(30)}b` } },
      }),
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(fieldErrorsOf(error.cause)).toEqual({
      [`selection.customFields.${fieldId}`]: ['Code is not in the expected format'],
    });
  });
});

describe('prices that can be paid', () => {
  it('refuses at save a product whose cheapest combination is below zero; an edit that would do it changes nothing', async () => {
    const negative = product({
      basePriceCents: 1000,
      configuration: {
        optionGroups: [optionGroup('Size', 'single', true, { 'Mega discount': -5000 })],
      },
    });
    const error = await errorOf(admin.catalog.createProduct(negative));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error.cause)?.basePriceCents?.[0]).toMatch(
      /^The cheapest combination a customer can choose .* comes to -\$40\.00; a price cannot go below \$0\.00/,
    );
    expect(await owner((tx) => tx.product.count({ where: { slug: negative.slug } }))).toBe(0);

    const ok = await admin.catalog.createProduct(
      product({
        basePriceCents: 1000,
        configuration: {
          optionGroups: [optionGroup('Size', 'single', true, { Small: -500 })],
        },
      }),
    );
    const edit = await errorOf(admin.catalog.updateProduct({ id: ok.id, basePriceCents: 100 }));
    expect(fieldErrorsOf(edit.cause)?.basePriceCents?.[0]).toMatch(/comes to -\$4\.00/);
    expect((await admin.catalog.getProduct({ id: ok.id })).basePriceCents).toBe(1000);
  });

  it('refuses at save a non-zero base price below the processor minimum', async () => {
    const error = await errorOf(admin.catalog.createProduct(product({ basePriceCents: 25 })));
    expect(fieldErrorsOf(error.cause)).toEqual({
      basePriceCents: [
        'The payment processor cannot charge less than $0.50 in USD: set the base price to $0.00 (free) or at least $0.50.',
      ],
    });
  });

  it('refuses at checkout a stored product whose total is negative (no clamping to free)', async () => {
    // Saved before the rule existed: written straight to the table.
    const slug = `legacy-negative-${Date.now()}`;
    const legacy = await owner((tx) =>
      tx.product.create({
        data: {
          orgId,
          slug,
          name: 'Legacy',
          basePriceCents: 1000,
          currency: 'USD',
          status: 'active',
          optionGroups: {
            create: [
              {
                orgId,
                name: 'Size',
                selectionType: 'single',
                isRequired: true,
                position: 0,
                options: {
                  create: [{ orgId, label: 'Mega discount', priceDeltaCents: -5000, position: 0 }],
                },
              },
            ],
          },
        },
        include: { optionGroups: { include: { options: true } } },
      }),
    );
    const group = legacy.optionGroups[0]!;
    const before = await owner((tx) => tx.order.count());
    const error = await errorOf(
      shop.checkout.startCheckout({
        productSlug: slug,
        selection: { ...noSelection, options: { [group.id]: [group.options[0]!.id] } },
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error.cause)).toEqual({
      'selection.total': ['This combination comes to less than nothing; choose other options'],
    });
    expect(await owner((tx) => tx.order.count())).toBe(before);
  });

  it('refuses at checkout a total above zero but below the processor minimum', async () => {
    const created = await admin.catalog.createProduct(
      product({
        basePriceCents: 0,
        configuration: { addOns: [{ label: 'Sticker', priceDeltaCents: 20 }] },
      }),
    );
    const before = await owner((tx) => tx.order.count());
    const error = await errorOf(
      shop.checkout.startCheckout({
        productSlug: created.slug,
        selection: { ...noSelection, addOnIds: [created.configuration.addOns[0]!.id] },
      }),
    );
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(
      'The payment processor cannot charge less than $0.50 in USD; this order comes to $0.20. Add options or increase the quantity.',
    );
    expect(await owner((tx) => tx.order.count())).toBe(before);
  });

  it('completes a free order without the processor: paid, confirmed, shown to the customer', async () => {
    const created = await admin.catalog.createProduct(product({ basePriceCents: 0 }));
    const dead = createStripeGateway({ secretKey: 'sk_test_x', apiUrl: 'http://127.0.0.1:9' });
    const noProcessor = callerAs(testDb.db, c.sessions.customer, undefined, {
      apiKey: apiEnv.CHECKOUT_API_KEY,
      gateway: dead,
    });
    const result = await noProcessor.checkout.startCheckout({
      productSlug: created.slug,
      selection: noSelection,
    });
    expect(result).toMatchObject({ isFree: true, sessionId: null, totalCents: 0 });
    expect(result.checkoutUrl).toBe(`/account?paid=${result.orderId}`);

    const rows = await owner(async (tx) => ({
      order: await tx.order.findUniqueOrThrow({ where: { id: result.orderId } }),
      invoice: await tx.invoice.findUniqueOrThrow({ where: { id: result.invoiceId } }),
      sessions: await tx.hostedCheckoutSession.count({ where: { invoiceId: result.invoiceId } }),
      tasks: await tx.fulfillmentTask.findMany({ where: { orderId: result.orderId } }),
      mail: await tx.outboxEvent.findMany({
        where: { dedupeKey: `order:${result.orderId}:confirmation` },
      }),
      orchestration: await tx.checkoutOrchestration.findUniqueOrThrow({
        where: { orderId: result.orderId },
      }),
    }));
    expect(rows.order.status).toBe('paid');
    expect(rows.order.paidAt).not.toBeNull();
    expect(rows.invoice.status).toBe('paid');
    expect(rows.sessions).toBe(0);
    expect(rows.tasks.map((t) => t.kind).sort()).toEqual(['confirm_order', 'prepare_delivery']);
    expect(rows.mail.map((m) => m.subject)).toEqual([`Order #${result.orderNumber} confirmed`]);
    expect(rows.orchestration.stage).toBe('identity_verification');

    const mine = await c.customer.checkout.listMyOrders({});
    expect(mine.items.find((o) => o.id === result.orderId)).toMatchObject({
      status: 'paid',
      totalCents: 0,
      resumeToken: null,
    });
  });
});

describe('hosted session lifetime', () => {
  it('asks the processor for 23 h 50 min, not the 24 h limit', async () => {
    const created = await admin.catalog.createProduct(product());
    const before = Date.now();
    const result = await shop.checkout.startCheckout({
      productSlug: created.slug,
      selection: noSelection,
    });
    const session = await owner((tx) =>
      tx.hostedCheckoutSession.findUniqueOrThrow({ where: { id: result.sessionId! } }),
    );
    const minutes = (session.expiresAt.getTime() - before) / 60_000;
    // Whole seconds at the processor: within a minute of 1430, well clear of 1440.
    expect(minutes).toBeGreaterThan(1429);
    expect(minutes).toBeLessThan(1431);
  });
});

describe('resume links expire', () => {
  const TTL_S = 168 * 3600;

  it('an expired link says so and changes nothing; a link inside the TTL still works', async () => {
    const created = await admin.catalog.createProduct(product());
    const started = await shop.checkout.startCheckout({
      productSlug: created.slug,
      selection: noSelection,
    });
    const sessions = () =>
      owner((tx) =>
        tx.hostedCheckoutSession.findMany({
          where: { invoiceId: started.invoiceId },
          select: { id: true, status: true },
          orderBy: { createdAt: 'asc' },
        }),
      );
    const initial = await sessions();
    expect(initial.map((s) => s.status)).toEqual(['open']);

    const expired = resumeToken(started.orderId, {
      now: new Date(Date.now() - (TTL_S + 600) * 1000),
    });
    const abandonError = await errorOf(shop.checkout.abandonCheckout({ token: expired }));
    expect(abandonError.code).toBe('BAD_REQUEST');
    expect(abandonError.message).toBe(RESUME_LINK_EXPIRED);
    expect(abandonError.message).toMatch(/^This link has expired/);
    const resumeError = await errorOf(shop.checkout.resumeCheckout({ token: expired }));
    expect(resumeError.message).toBe(RESUME_LINK_EXPIRED);
    expect(await sessions()).toEqual(initial);

    const valid = resumeToken(started.orderId, {
      now: new Date(Date.now() - (TTL_S - 600) * 1000),
    });
    expect(await shop.checkout.abandonCheckout({ token: valid })).toMatchObject({ abandoned: 1 });
    const resumed = await shop.checkout.resumeCheckout({ token: valid });
    expect(resumed).toMatchObject({ status: 'open', orderId: started.orderId });
    expect((await sessions()).map((s) => s.status)).toEqual(['superseded', 'open']);
  });
});

describe('fulfillment', () => {
  it("a paid order's tasks fulfill it: order fulfilled, orchestration completed through fulfillment readiness, customer sees it", async () => {
    const created = await admin.catalog.createProduct(product());
    const started = await shop.checkout.startCheckout({
      productSlug: created.slug,
      selection: noSelection,
    });
    await payOrder(started.orderId);
    const mineNow = async () =>
      (await c.customer.checkout.listMyOrders({})).items.find((o) => o.id === started.orderId);
    expect(await mineNow()).toMatchObject({ status: 'paid', stage: 'identity_verification' });
    const tasks = () =>
      owner((tx) =>
        tx.fulfillmentTask.findMany({
          where: { orderId: started.orderId },
          orderBy: { kind: 'asc' },
        }),
      );

    // Before the operators' stages are passed, confirmation runs and delivery waits (no attempt used).
    const early = await processFulfillmentTasks({ db: testDb.db, orgId, batchSize: 50 });
    expect(early.failed).toBe(0);
    expect(early.waiting).toBeGreaterThanOrEqual(1);
    expect((await tasks()).map((t) => [t.kind, t.status, t.attempts, t.lastError])).toEqual([
      ['confirm_order', 'completed', 1, null],
      [
        'prepare_delivery',
        'pending',
        0,
        'Waiting: the order is at Identity verification; delivery is prepared once it reaches Fulfillment readiness',
      ],
    ]);
    expect(await mineNow()).toMatchObject({ status: 'paid' });

    // The operator passes identity verification and the loyalty hold; the waiting task is due again.
    for (const note of ['Identity checked', 'No loyalty steps']) {
      await admin.checkout.postOrchestrationEvent({
        orderId: started.orderId,
        kind: 'advance',
        note,
      });
    }
    const result = await processFulfillmentTasks({ db: testDb.db, orgId, batchSize: 50 });
    expect(result.failed).toBe(0);

    const view = await admin.checkout.getOrchestration({ orderId: started.orderId });
    expect(view.stage).toBe('completed');
    const transitions = view.events
      .filter((e) => e.kind === 'transition')
      .map((e) => `${e.fromStage}->${e.toStage}`)
      .reverse();
    expect(transitions).toEqual([
      'payment->identity_verification',
      'identity_verification->loyalty_hold',
      'loyalty_hold->fulfillment_readiness',
      'fulfillment_readiness->completed',
    ]);
    expect(view.events.filter((e) => e.kind === 'fulfillment').map((e) => e.note)).toEqual([
      'All 2 fulfillment tasks done',
      'Delivery prepared by the fulfillment worker',
      'Order confirmed: $25.00 received',
    ]);
    const rows = await owner(async (tx) => ({
      order: await tx.order.findUniqueOrThrow({ where: { id: started.orderId } }),
      mail: await tx.outboxEvent.findMany({
        where: { dedupeKey: `order:${started.orderId}:fulfilled` },
      }),
    }));
    expect(rows.order.status).toBe('fulfilled');
    expect((await tasks()).map((t) => t.status)).toEqual(['completed', 'completed']);
    expect(rows.mail.map((m) => m.subject)).toEqual([`Order #${started.orderNumber} fulfilled`]);

    expect(await mineNow()).toMatchObject({ status: 'fulfilled', stage: 'completed' });
  });
});

describe('paged lists', () => {
  it("the customer's 51st order is reachable", async () => {
    const customerId = c.sessions.customer.user.id;
    // Older than anything else in this file, so they are the last pages.
    await owner((tx) =>
      tx.order.createMany({
        data: Array.from({ length: 51 }, (_, i) => ({
          orgId,
          customerId,
          customerEmail: 'customer@souk.test',
          currency: 'USD',
          subtotalCents: 100 + i,
          taxCents: 0,
          totalCents: 100 + i,
          createdAt: new Date(Date.UTC(2020, 0, 1, 0, i)),
        })),
      }),
    );
    const oldest = await owner((tx) =>
      tx.order.findFirstOrThrow({ where: { customerId }, orderBy: { createdAt: 'asc' } }),
    );
    const total = await owner((tx) => tx.order.count({ where: { customerId } }));
    expect(total).toBeGreaterThanOrEqual(51);

    const first = await c.customer.checkout.listMyOrders({ page: 1, pageSize: 20 });
    expect(first.total).toBe(total);
    expect(first.items).toHaveLength(20);
    const lastPage = Math.ceil(total / 20);
    const last = await c.customer.checkout.listMyOrders({ page: lastPage, pageSize: 20 });
    expect(last.items.at(-1)?.id).toBe(oldest.id);

    const seen = new Set<string>();
    for (let page = 1; page <= lastPage; page += 1) {
      for (const o of (await c.customer.checkout.listMyOrders({ page, pageSize: 20 })).items) {
        seen.add(o.id);
      }
    }
    expect(seen.size).toBe(total);
  });

  it('the 11th recovery run is reachable', async () => {
    await owner((tx) =>
      tx.hostedSessionRecoveryRun.createMany({
        data: Array.from({ length: 11 }, (_, i) => ({
          orgId,
          trigger: i === 0 ? 'oldest' : 'scheduled',
          startedAt: new Date(Date.UTC(2020, 0, 1, i)),
        })),
      }),
    );
    const first = await admin.checkout.listRecoveryRuns({});
    expect(first.items).toHaveLength(10);
    expect(first.total).toBeGreaterThanOrEqual(11);
    const last = await admin.checkout.listRecoveryRuns({
      page: Math.ceil(first.total / 10),
      pageSize: 10,
    });
    expect(last.items.at(-1)?.trigger).toBe('oldest');
  });

  it("an order's 21st orchestration event is reachable", async () => {
    const created = await admin.catalog.createProduct(product());
    const started = await shop.checkout.startCheckout({
      productSlug: created.slug,
      selection: noSelection,
    });
    for (let i = 1; i <= 21; i += 1) {
      await admin.checkout.postOrchestrationEvent({
        orderId: started.orderId,
        kind: 'note',
        note: `Note ${i}`,
      });
    }
    const first = await admin.checkout.getOrchestration({ orderId: started.orderId });
    expect(first.eventsTotal).toBe(22); // "Checkout started" + 21 notes
    expect(first.events).toHaveLength(20);
    expect(first.events[0]?.note).toBe('Note 21');
    // The last transition is found even when it is not on the page shown.
    expect(first.lastTransition?.note).toBe('Checkout started');
    const second = await admin.checkout.getOrchestration({
      orderId: started.orderId,
      eventsPage: 2,
    });
    expect(second.events.map((e) => e.note)).toEqual(['Note 1', 'Checkout started']);
  });
});
