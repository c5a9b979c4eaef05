// Staff refunds of storefront orders (issue 12) through tRPC on a real database, with
// the real stripe SDK against the sandbox and its charge.refunded webhooks applied by
// the same ledger code the worker runs.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '@souk/core';
import { fieldErrorsOf } from './errors';
import { apiEnv } from './env';
import { callerAs, type Caller } from './test/harness';
import { sandboxStackForFile } from './test/sandbox-stack';
import { codeOf, errorOf } from './test/trpc-errors';

/** Set by a test: runs after the processor made a refund, before Souk records it. */
let afterProcessorRefund: (() => Promise<void>) | null = null;

const stack = sandboxStackForFile({
  secret: 'whsec_refunds_test',
  callerGateway: (inner) => ({
    ...inner,
    refund: async (params) => {
      const made = await inner.refund(params);
      await afterProcessorRefund?.();
      return made;
    },
  }),
  logins: {
    customer: 'customer@souk.test',
    admin: 'admin@souk.test',
    finance: 'finance@souk.test',
    viewer: 'viewer@souk.test',
    dispatcher: 'dispatcher@souk.test',
    acme: 'admin@acme.test',
  },
});
const { testDb, as, db, settle } = stack;
let shop: Caller;

beforeAll(() => {
  shop = callerAs(testDb.db, stack.sessions.customer, undefined, {
    apiKey: apiEnv.CHECKOUT_API_KEY,
    gateway: stack.gateway,
  });
});

/** The customer checks out a photo session and pays on the hosted page; the webhooks land. */
async function paidOrder() {
  const selection = { options: {}, addOnIds: [], planId: null, customFields: {} };
  const started = await shop.checkout.startCheckout({
    productSlug: 'brand-photo-session',
    selection,
  });
  const paid = await fetch(`${started.checkoutUrl}/pay`, { method: 'POST', redirect: 'manual' });
  expect(paid.status).toBe(303);
  await settle();
  const order = await db((tx) => tx.order.findUniqueOrThrow({ where: { id: started.orderId } }));
  expect(order.status).toBe('paid');
  return order;
}

const rowsOf = (orderId: string) =>
  db(async (tx) => ({
    order: await tx.order.findUniqueOrThrow({ where: { id: orderId } }),
    invoice: await tx.invoice.findUniqueOrThrow({ where: { orderId } }),
    payment: await tx.payment.findFirstOrThrow({ where: { invoice: { orderId } } }),
    refunds: await tx.refund.findMany({ where: { orderId }, orderBy: { createdAt: 'asc' } }),
    audit: await tx.auditLog.findMany({ where: { action: 'order.refunded', entityId: orderId } }),
    emails: await tx.outboxEvent.findMany({
      where: { topic: 'order.refunded', recipient: 'customer@souk.test' },
    }),
  }));

async function processorRefundCount(): Promise<number> {
  const res = await fetch(`${stack.sandbox.url}/_sandbox/state`, { headers: stack.controlAuth() });
  return ((await res.json()) as { refunds: number }).refunds;
}

const refund = (orderId: string, amountCents: number, key = crypto.randomUUID()) => ({
  orderId,
  amountCents,
  reason: 'Photos delivered late',
  idempotencyKey: key,
});

describe('orders.refundPayment', () => {
  it('refunds $10.00 of a paid order: the processor, the row, the audit, the email; the order stays paid', async () => {
    const order = await paidOrder();
    const before = await processorRefundCount();
    const made = await as.finance.orders.refundPayment(refund(order.id, 1000));
    expect(made).toMatchObject({ status: 'succeeded', amountCents: 1000, currency: 'USD' });
    expect(made).not.toHaveProperty('idempotencyKey');
    expect(await processorRefundCount()).toBe(before + 1);
    const atProcessor = await fetch(`${stack.sandbox.url}/v1/refunds/${made.processorRefundId}`, {
      headers: { authorization: `Bearer ${stack.sandbox.apiKey}` },
    });
    expect(await atProcessor.json()).toMatchObject({
      amount: 1000,
      metadata: { orderId: order.id, refundId: made.id },
    });

    await settle();
    const rows = await rowsOf(order.id);
    expect(rows.payment.amountRefundedCents).toBe(1000);
    expect(rows.order.status).toBe('paid');
    expect(rows.invoice).toMatchObject({ status: 'paid', amountRefundedCents: 1000 });
    expect(rows.refunds).toMatchObject([
      { status: 'succeeded', amountCents: 1000, reason: 'Photos delivered late' },
    ]);
    expect(rows.audit).toHaveLength(1);
    expect(rows.audit[0]!.after).toMatchObject({
      amountCents: 1000,
      reason: 'Photos delivered late',
    });
    expect(rows.emails.map((e) => e.subject)).toContain(
      `Your refund of $10.00 for order #${order.number}`,
    );

    const view = await as.viewer.orders.listRefunds({ orderId: order.id });
    expect(view.refundableCents).toBe(order.totalCents - 1000);
    expect(view.items.map((r) => r.status)).toEqual(['succeeded']);
  });

  it('counts a refund once when its charge.refunded is applied before the refund is recorded', async () => {
    const order = await paidOrder();
    let early: Awaited<ReturnType<typeof rowsOf>> | undefined;
    afterProcessorRefund = async () => {
      await settle();
      early = await rowsOf(order.id);
    };
    try {
      await as.finance.orders.refundPayment(refund(order.id, 1000));
    } finally {
      afterProcessorRefund = null;
    }
    expect(early?.refunds.map((r) => r.status)).toEqual(['pending']);
    expect(early?.payment.amountRefundedCents).toBe(1000);
    await settle();
    const rows = await rowsOf(order.id);
    expect(rows.payment.amountRefundedCents).toBe(1000);
    expect(rows.invoice).toMatchObject({ status: 'paid', amountRefundedCents: 1000 });
    expect(rows.refunds.map((r) => r.status)).toEqual(['succeeded']);
    expect((await as.finance.orders.listRefunds({ orderId: order.id })).refundableCents).toBe(
      order.totalCents - 1000,
    );
  });

  it('refunds once when the same form is sent twice at the same time', async () => {
    const order = await paidOrder();
    const before = await processorRefundCount();
    const key = crypto.randomUUID();
    const [a, b] = await Promise.all([
      as.admin.orders.refundPayment(refund(order.id, 500, key)),
      as.admin.orders.refundPayment(refund(order.id, 500, key)),
    ]);
    expect(a.id).toBe(b.id);
    // Sent again later, the key answers with the refund as it now stands.
    expect(await as.admin.orders.refundPayment(refund(order.id, 500, key))).toMatchObject({
      id: a.id,
      status: 'succeeded',
    });
    expect(await processorRefundCount()).toBe(before + 1);
    await settle();
    const rows = await rowsOf(order.id);
    expect(rows.refunds).toHaveLength(1);
    expect(rows.payment.amountRefundedCents).toBe(500);
    expect(rows.audit).toHaveLength(1);
  });

  it('refuses more than what remains, in words beside the amount, writing nothing', async () => {
    const order = await paidOrder();
    await as.finance.orders.refundPayment(refund(order.id, 1000));
    const before = await processorRefundCount();
    const error = await errorOf(
      as.finance.orders.refundPayment(refund(order.id, order.totalCents - 999)),
    );
    const most = formatMoney(order.totalCents - 1000, 'USD');
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toBe(`You can refund at most ${most} on this order`);
    expect(fieldErrorsOf(error.cause)).toEqual({
      amountCents: [`You can refund at most ${most} on this order`],
    });
    expect(await processorRefundCount()).toBe(before);
    expect((await rowsOf(order.id)).refunds).toHaveLength(1);
  });

  it('moves order and invoice to refunded once the rest is refunded', async () => {
    const order = await paidOrder();
    await as.finance.orders.refundPayment(refund(order.id, 1000));
    await settle();
    const { refundableCents } = await as.finance.orders.listRefunds({ orderId: order.id });
    expect(refundableCents).toBe(order.totalCents - 1000);
    await as.finance.orders.refundPayment(refund(order.id, refundableCents));
    await settle();
    const rows = await rowsOf(order.id);
    expect(rows.order.status).toBe('refunded');
    expect(rows.invoice).toMatchObject({
      status: 'refunded',
      amountRefundedCents: order.totalCents,
    });
    expect(rows.payment.amountRefundedCents).toBe(order.totalCents);
    expect(rows.refunds.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect((await as.finance.orders.listRefunds({ orderId: order.id })).refundableCents).toBe(0);
    expect((await errorOf(as.finance.orders.refundPayment(refund(order.id, 100)))).message).toBe(
      `Order #${order.number} is already fully refunded`,
    );
  });

  it('lets finance and admins refund; viewers and dispatchers are refused; other orgs see no order', async () => {
    const order = await paidOrder();
    for (const caller of [as.viewer, as.dispatcher]) {
      expect(await codeOf(caller.orders.refundPayment(refund(order.id, 100)))).toBe('FORBIDDEN');
    }
    expect(await codeOf(as.customer.orders.refundPayment(refund(order.id, 100)))).toBe('FORBIDDEN');
    expect(await codeOf(as.anonymous.orders.refundPayment(refund(order.id, 100)))).toBe(
      'UNAUTHORIZED',
    );
    expect(await codeOf(as.acme.orders.refundPayment(refund(order.id, 100)))).toBe('NOT_FOUND');
    expect(await codeOf(as.acme.orders.listRefunds({ orderId: order.id }))).toBe('NOT_FOUND');
    expect((await rowsOf(order.id)).refunds).toHaveLength(0);
    expect(await codeOf(as.finance.orders.refundPayment(refund(order.id, 100)))).toBe('OK');
  });

  it('refuses an unpaid order in words', async () => {
    const selection = { options: {}, addOnIds: [], planId: null, customFields: {} };
    const started = await shop.checkout.startCheckout({
      productSlug: 'brand-photo-session',
      selection,
    });
    const error = await errorOf(as.finance.orders.refundPayment(refund(started.orderId, 100)));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(
      /^Only paid orders can be refunded; order #\d+ is pending payment$/,
    );
  });

  it('records a processor refusal as a failed refund with its reason; the amount stays refundable', async () => {
    const order = await paidOrder();
    const { payment } = await rowsOf(order.id);
    // Refunded at the processor behind Souk's back, its webhook not yet delivered: the
    // processor then refuses Souk's refund as larger than what is left on the charge.
    stack.sandbox.setDeliveryMode({ paused: true });
    await stack.gateway.refund({
      paymentIntentId: payment.processorPaymentIntentId,
      amountCents: order.totalCents - 100,
      idempotencyKey: crypto.randomUUID(),
    });
    const error = await errorOf(as.finance.orders.refundPayment(refund(order.id, 1000)));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/^The payment processor refused this: Refund amount/);
    const rows = await rowsOf(order.id);
    expect(rows.refunds).toMatchObject([
      { status: 'failed', amountCents: 1000, failureReason: error.message },
    ]);
    expect(rows.audit).toHaveLength(0);
    expect(rows.emails.filter((e) => e.subject?.includes(`#${order.number}`))).toHaveLength(0);
    expect((await as.finance.orders.listRefunds({ orderId: order.id })).refundableCents).toBe(
      order.totalCents,
    );

    // Once the processor's event lands, what it refunded counts too.
    stack.sandbox.setDeliveryMode({ paused: false });
    await settle();
    expect((await as.finance.orders.listRefunds({ orderId: order.id })).refundableCents).toBe(100);
    expect(await as.finance.orders.refundPayment(refund(order.id, 100))).toMatchObject({
      status: 'succeeded',
    });
    await settle();
    expect((await rowsOf(order.id)).order.status).toBe('refunded');
  });
});
