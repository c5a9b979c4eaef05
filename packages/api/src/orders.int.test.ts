// The admin's orders (issue 12): list, detail, resend confirmation, cancel unpaid and the
// CSV export, through tRPC on a real database with the stripe sandbox paying orders and
// its signed webhooks applied as the worker would.
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrgScope } from '@souk/core';
import { listExportNamed } from '@souk/core/export';
import { withOrg } from '@souk/db';
import { apiEnv } from './env';
import { callerAs, type Caller } from './test/harness';
import { sandboxStackForFile } from './test/sandbox-stack';
import { codeOf, errorOf } from './test/trpc-errors';

const stack = sandboxStackForFile({
  secret: 'whsec_orders_test',
  logins: {
    admin: 'admin@souk.test',
    viewer: 'viewer@souk.test',
    customer: 'customer@souk.test',
    acme: 'admin@acme.test',
  },
});
const { testDb, sessions: s, as, db } = stack;

let shop: Caller;
let acmeOrgId = '';
let growthProductId = '';
let photoProductId = '';

async function startGrowthCheckout() {
  const p = await as.anonymous.catalog.getProductBySlug({ slug: 'instagram-growth' });
  const audience = p.optionGroups.find((g) => g.name === 'Audience size')!;
  const handle = p.customFields.find((f) => f.label === 'Instagram handle')!;
  return shop.checkout.startCheckout({
    productSlug: 'instagram-growth',
    selection: {
      options: { [audience.id]: [audience.options[1]!.id] },
      addOnIds: [],
      planId: p.subscriptionPlans.find((plan) => plan.isDefault)!.id,
      customFields: { [handle.id]: '@soukshop' },
    },
  });
}

/** The customer presses Pay on the processor's page; its webhooks are applied. */
async function pay(checkoutUrl: string) {
  const res = await fetch(`${checkoutUrl}/pay`, { method: 'POST', redirect: 'manual' });
  expect(res.status).toBe(303);
  await stack.settle();
}

async function paidOrder() {
  const started = await startGrowthCheckout();
  await pay(started.checkoutUrl);
  return started;
}

const audits = (action: string, entityId: string) =>
  db((tx) => tx.auditLog.findMany({ where: { action, entityId } }));

async function exportCsv(orgId: string, filters: Record<string, string> = {}) {
  const scope = createOrgScope({ db: testDb.db, orgId });
  return new Response(listExportNamed('orders')!.open({ scope, filters })).text();
}

let pending: Awaited<ReturnType<typeof startGrowthCheckout>>;
let paid: Awaited<ReturnType<typeof startGrowthCheckout>>;
let walkInId = '';
let walkInNumber = 0;
let acmeNumber = 0;

beforeAll(async () => {
  shop = callerAs(testDb.db, s.customer, undefined, {
    apiKey: apiEnv.CHECKOUT_API_KEY,
    gateway: stack.gateway,
  });
  acmeOrgId = s.acme.orgId;
  await testDb.ownerDb.user.update({
    where: { id: s.customer.user.id },
    data: { name: 'Zelda Quill' },
  });
  const products = await db((tx) => tx.product.findMany({ select: { id: true, slug: true } }));
  growthProductId = products.find((p) => p.slug === 'instagram-growth')!.id;
  photoProductId = products.find((p) => p.slug !== 'instagram-growth')!.id;

  pending = await startGrowthCheckout();
  paid = await paidOrder();
  // A phone order from last winter, without an account, for another product.
  const walkIn = await db((tx) =>
    tx.order.create({
      data: {
        orgId: stack.orgId,
        customerEmail: 'walkin@example.test',
        currency: 'USD',
        subtotalCents: 12_000,
        taxCents: 0,
        totalCents: 12_000,
        status: 'paid',
        createdAt: new Date('2026-01-15T12:00:00Z'),
        items: {
          create: {
            orgId: stack.orgId,
            productId: photoProductId,
            productName: 'Brand Photo Session',
            quantity: 1,
            unitPriceCents: 12_000,
            totalCents: 12_000,
            configuration: {},
          },
        },
      },
    }),
  );
  walkInId = walkIn.id;
  walkInNumber = walkIn.number;
  // Another tenant's order for the same email and product name.
  acmeNumber = (
    await withOrg(testDb.ownerDb, acmeOrgId, (tx) =>
      tx.order.create({
        data: {
          orgId: acmeOrgId,
          customerEmail: 'customer@souk.test',
          customerId: s.customer.user.id,
          currency: 'USD',
          subtotalCents: 500,
          taxCents: 0,
          totalCents: 500,
          items: {
            create: {
              orgId: acmeOrgId,
              productName: 'Acme secret',
              quantity: 1,
              unitPriceCents: 500,
              totalCents: 500,
              configuration: {},
            },
          },
        },
      }),
    )
  ).number;
});

const numbers = (page: { items: { number: number }[] }) => page.items.map((o) => o.number);

describe('orders.listOrders', () => {
  it('finds orders by number, customer email and customer name, in this org only', async () => {
    expect(numbers(await as.admin.orders.listOrders({ search: `#${paid.orderNumber}` }))).toEqual([
      paid.orderNumber,
    ]);
    expect(numbers(await as.admin.orders.listOrders({ search: 'WALKIN@example' }))).toEqual([
      walkInNumber,
    ]);
    const byName = await as.admin.orders.listOrders({ search: 'zelda' });
    expect(numbers(byName).sort()).toEqual([pending.orderNumber, paid.orderNumber].sort());
    expect(byName.items[0]!.customer).toEqual({ name: 'Zelda Quill' });

    const all = await as.admin.orders.listOrders({});
    expect(all.total).toBe(3);
    expect(numbers(all)).not.toContain(acmeNumber);
    expect(numbers(await as.admin.orders.listOrders({ search: String(acmeNumber) }))).toEqual([]);
    expect(numbers(await as.acme.orders.listOrders({}))).toEqual([acmeNumber]);
  });

  it('filters by status, date range and product', async () => {
    expect(numbers(await as.admin.orders.listOrders({ status: 'pending_payment' }))).toEqual([
      pending.orderNumber,
    ]);
    expect(
      numbers(await as.admin.orders.listOrders({ from: '2026-01-15', to: '2026-01-15' })),
    ).toEqual([walkInNumber]);
    expect(numbers(await as.admin.orders.listOrders({ to: '2026-01-14' }))).toEqual([]);
    const recent = await as.admin.orders.listOrders({ from: '2026-01-16' });
    expect(numbers(recent).sort()).toEqual([pending.orderNumber, paid.orderNumber].sort());
    expect(numbers(await as.admin.orders.listOrders({ productId: photoProductId }))).toEqual([
      walkInNumber,
    ]);
    expect((await as.admin.orders.listOrders({ productId: growthProductId })).total).toBe(2);
  });

  it('refuses a year-0 or malformed date in words', async () => {
    const yearZero = await errorOf(as.admin.orders.listOrders({ from: '0000-01-01' }));
    expect(yearZero.code).toBe('BAD_REQUEST');
    expect(yearZero.message).toContain('From must be between 1900 and 2200');
    const malformed = await errorOf(as.admin.orders.listOrders({ to: '2026-13-45' }));
    expect(malformed.code).toBe('BAD_REQUEST');
    expect(malformed.message).toContain('To must be a date (YYYY-MM-DD)');
  });

  it('sorts and pages without overlap', async () => {
    const byTotal = await as.admin.orders.listOrders({ sort: 'totalCents', order: 'desc' });
    expect(byTotal.items.map((o) => o.totalCents)).toEqual(
      [...byTotal.items.map((o) => o.totalCents)].sort((a, b) => b - a),
    );
    const first = await as.admin.orders.listOrders({ sort: 'number', order: 'asc', pageSize: 2 });
    const second = await as.admin.orders.listOrders({
      sort: 'number',
      order: 'asc',
      pageSize: 2,
      page: 2,
    });
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect([...numbers(first), ...numbers(second)]).toEqual(
      [walkInNumber, pending.orderNumber, paid.orderNumber].sort((a, b) => a - b),
    );
  });
});

describe('orders.getOrder', () => {
  it('shows items in words, the invoice with its tax snapshot, payments, sessions, tasks and emails', async () => {
    const order = await as.admin.orders.getOrder({ id: paid.orderId });
    expect(order).toMatchObject({
      number: paid.orderNumber,
      status: 'paid',
      customer: { id: s.customer.user.id, name: 'Zelda Quill' },
      orgName: 'Souk Demo',
    });
    expect(order.items).toHaveLength(1);
    expect(order.items[0]!.choices.map((c) => c.label)).toEqual([
      expect.stringMatching(/^Audience size: /),
    ]);
    expect(order.items[0]!.customFields).toEqual([
      { label: 'Instagram handle', value: '@soukshop' },
    ]);
    expect(order.items[0]!.plan?.billingCycle).toBeTruthy();
    expect(order.invoice).toMatchObject({
      status: 'paid',
      totalCents: paid.totalCents,
      amountPaidCents: paid.totalCents,
      amountRefundedCents: 0,
    });
    expect(order.invoice!.lineItems[0]!.description).toBe('Instagram Growth');
    expect(order.payments).toEqual([
      expect.objectContaining({ amountCents: paid.totalCents, status: 'succeeded' }),
    ]);
    expect(order.refunds).toEqual([]);
    expect((await as.admin.orders.getOrder({ id: walkInId })).customer).toBeNull();
    expect(order.sessions).toEqual([expect.objectContaining({ status: 'completed' })]);
    expect(order.tasks.length).toBeGreaterThan(0);
    expect(order.outbox).toEqual([
      expect.objectContaining({
        topic: 'order.confirmation',
        recipient: 'customer@souk.test',
        subject: `Order #${paid.orderNumber} confirmed`,
      }),
    ]);
  });

  it('shows refunds with who made them', async () => {
    const payment = (await as.admin.orders.getOrder({ id: paid.orderId })).payments[0]!;
    await db((tx) =>
      tx.refund.create({
        data: {
          orgId: stack.orgId,
          orderId: paid.orderId,
          paymentId: payment.id,
          amountCents: 100,
          currency: payment.currency,
          reason: 'Late delivery',
          status: 'pending',
          idempotencyKey: `test-refund-${paid.orderId}`,
          createdById: s.admin.user.id,
        },
      }),
    );
    const order = await as.admin.orders.getOrder({ id: paid.orderId });
    expect(order.refunds).toEqual([
      expect.objectContaining({
        amountCents: 100,
        reason: 'Late delivery',
        status: 'pending',
        createdByEmail: 'admin@souk.test',
      }),
    ]);
  });

  it("answers another org's order exactly like a missing one", async () => {
    const acmeOrder = await testDb.ownerDb.order.findFirstOrThrow({
      where: { orgId: acmeOrgId },
      select: { id: true },
    });
    expect(await codeOf(as.admin.orders.getOrder({ id: acmeOrder.id }))).toBe('NOT_FOUND');
    expect(await codeOf(as.admin.orders.getOrder({ id: crypto.randomUUID() }))).toBe('NOT_FOUND');
    expect(await codeOf(as.acme.orders.getOrder({ id: paid.orderId }))).toBe('NOT_FOUND');
  });
});

describe('staff actions', () => {
  it('a viewer can read orders but neither cancel nor resend', async () => {
    expect((await as.viewer.orders.getOrder({ id: pending.orderId })).status).toBe(
      'pending_payment',
    );
    expect(await codeOf(as.viewer.orders.cancelOrder({ id: pending.orderId }))).toBe('FORBIDDEN');
    expect(await codeOf(as.viewer.orders.resendConfirmation({ id: paid.orderId }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(as.customer.orders.listOrders({}))).toBe('FORBIDDEN');
  });

  it('resend puts exactly one new confirmation in the outbox and audits it', async () => {
    const before = (await as.admin.orders.getOrder({ id: paid.orderId })).outbox;
    await as.admin.orders.resendConfirmation({ id: paid.orderId });
    const after = (await as.admin.orders.getOrder({ id: paid.orderId })).outbox;
    expect(after).toHaveLength(before.length + 1);
    const added = after.find((m) => !before.some((b) => b.id === m.id))!;
    expect(added).toMatchObject({
      topic: 'order.confirmation',
      recipient: 'customer@souk.test',
      subject: `Order #${paid.orderNumber} confirmed`,
      body: before[0]!.body,
      status: 'pending',
    });
    expect(await audits('order.confirmation_resent', paid.orderId)).toHaveLength(1);
  });

  it('resend refuses an unpaid order in words', async () => {
    const error = await errorOf(as.admin.orders.resendConfirmation({ id: pending.orderId }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      `Order #${pending.orderNumber} is awaiting payment: only a paid order has a confirmation to resend`,
    );
  });

  it('cancels an unpaid order: invoice void, pages expired here and at the processor, audited', async () => {
    const started = await startGrowthCheckout();
    const result = await as.admin.orders.cancelOrder({ id: started.orderId });
    expect(result).toEqual({
      id: started.orderId,
      number: started.orderNumber,
      status: 'cancelled',
    });
    const order = await as.admin.orders.getOrder({ id: started.orderId });
    expect(order.status).toBe('cancelled');
    expect(order.invoice!.status).toBe('void');
    expect(order.sessions.map((x) => x.status)).toEqual(['expired']);
    const page = await stack.gateway.retrieveCheckoutSession(order.sessions[0]!.processorSessionId);
    expect(page.status).toBe('expired');
    // The page can no longer take the money.
    const res = await fetch(`${started.checkoutUrl}/pay`, { method: 'POST', redirect: 'manual' });
    expect(res.status).toBe(409);
    await stack.settle();
    expect((await as.admin.orders.getOrder({ id: started.orderId })).status).toBe('cancelled');

    const rows = await audits('order.cancelled', started.orderId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorEmail: 'admin@souk.test',
      entityType: 'order',
      before: { status: 'pending_payment', invoiceStatus: 'open' },
      after: { status: 'cancelled', invoiceStatus: 'void' },
    });
  });

  it('refuses to cancel a paid order, in words, and changes nothing', async () => {
    const error = await errorOf(as.admin.orders.cancelOrder({ id: paid.orderId }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      `Order #${paid.orderNumber} is paid: only an order awaiting payment can be cancelled; refund it instead`,
    );
    const order = await as.admin.orders.getOrder({ id: paid.orderId });
    expect(order.status).toBe('paid');
    expect(order.invoice!.status).toBe('paid');
    expect(await audits('order.cancelled', paid.orderId)).toEqual([]);
  });

  it("cannot cancel another org's order", async () => {
    expect(await codeOf(as.acme.orders.cancelOrder({ id: pending.orderId }))).toBe('NOT_FOUND');
    expect((await as.admin.orders.getOrder({ id: pending.orderId })).status).toBe(
      'pending_payment',
    );
  });
});

describe('orders CSV export', () => {
  it("holds only this org's orders and applies the list's filters", async () => {
    const all = await exportCsv(stack.orgId);
    const lines = all.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Order number');
    expect(all).toContain(String(walkInNumber));
    expect(all).not.toContain('Acme secret');
    expect(lines).toHaveLength(1 + (await as.admin.orders.listOrders({})).total);

    const walkIns = await exportCsv(stack.orgId, { search: 'walkin', from: '2026-01-01' });
    expect(walkIns.trim().split(/\r?\n/)).toHaveLength(2);
    expect(walkIns).toContain('walkin@example.test');

    const acme = await exportCsv(acmeOrgId);
    expect(acme).toContain('Acme secret');
    expect(acme).not.toContain('walkin@example.test');

    await expect(exportCsv(stack.orgId, { from: '0000-01-01' })).rejects.toThrow(
      /the from filter: From must be between 1900 and 2200/,
    );
  });
});
