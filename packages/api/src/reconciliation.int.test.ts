// Reconciliation against the processor (issue 13, spec 000 and 004) through tRPC on a real
// database, with the stripe sandbox as the processor: the test makes Souk and the sandbox
// disagree in each way a run reports, then resolves the disagreements.
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrgScope, runReconciliation, type ReconciliationCheckpoint } from '@souk/core';
import { apiEnv } from './env';
import { callerAs, type Caller } from './test/harness';
import { sandboxStackForFile } from './test/sandbox-stack';
import { codeOf, errorOf } from './test/trpc-errors';

const stack = sandboxStackForFile({
  secret: 'whsec_reconciliation_test',
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

const selection = { options: {}, addOnIds: [], planId: null, customFields: {} };
const startCheckout = () =>
  shop.checkout.startCheckout({ productSlug: 'brand-photo-session', selection });

/** The customer presses Pay on the processor's hosted page. */
async function pressPay(checkoutUrl: string) {
  const res = await fetch(`${checkoutUrl}/pay`, { method: 'POST', redirect: 'manual' });
  expect(res.status).toBe(303);
}

async function paidOrder() {
  const started = await startCheckout();
  await pressPay(started.checkoutUrl);
  await settle();
  return started;
}

const paymentOf = (orderId: string) =>
  db((tx) => tx.payment.findFirst({ where: { invoice: { orderId } } }));
const sessionIdOf = (checkoutUrl: string) => checkoutUrl.split('/').pop()!;
const confirmations = (orderId: string) =>
  db((tx) => tx.outboxEvent.count({ where: { dedupeKey: `order:${orderId}:confirmation` } }));

/** The fingerprint -> discrepancy map finance sees, every status. */
async function queue() {
  const page = await as.finance.reconciliation.listDiscrepancies({ pageSize: 100 });
  return new Map(page.items.map((d) => [d.fingerprint, d]));
}

const expected: Record<string, string> = {};
let pausedOrderId = '';
let firstRunId = '';

describe('reconciliation runs', () => {
  it('one run finds each way Souk and the processor disagree, exactly once', async () => {
    // A payment row lost in Souk.
    const lost = await paidOrder();
    const lostPayment = (await paymentOf(lost.orderId))!;
    await db((tx) => tx.payment.delete({ where: { id: lostPayment.id } }));
    expected[`missing_locally:${lostPayment.processorPaymentIntentId}`] = 'missing_locally';

    // An amount Souk recorded differently.
    const changed = await paidOrder();
    const changedPayment = (await paymentOf(changed.orderId))!;
    await db((tx) =>
      tx.payment.update({ where: { id: changedPayment.id }, data: { amountCents: 1 } }),
    );
    expected[`amount_mismatch:${changedPayment.processorPaymentIntentId}`] = 'amount_mismatch';

    // A payment Souk recorded as failed that the processor took.
    const failed = await paidOrder();
    const failedPayment = (await paymentOf(failed.orderId))!;
    await db((tx) =>
      tx.payment.update({ where: { id: failedPayment.id }, data: { status: 'failed' } }),
    );
    expected[`status_mismatch:${failedPayment.processorPaymentIntentId}`] = 'status_mismatch';

    // A payment Souk counts that the processor never saw.
    const unpaid = await startCheckout();
    const bogus = `pi_bogus_${crypto.randomUUID().slice(0, 8)}`;
    await db((tx) =>
      tx.payment.create({
        data: {
          orgId: stack.orgId,
          invoiceId: unpaid.invoiceId,
          processorPaymentIntentId: bogus,
          amountCents: 2500,
          currency: 'USD',
          status: 'succeeded',
        },
      }),
    );
    expected[`unknown_to_processor:${bogus}`] = 'unknown_to_processor';

    // The webhooks stop: a customer pays, and a refund is made at the processor.
    const refunded = await paidOrder();
    const refundedPayment = (await paymentOf(refunded.orderId))!;
    stack.sandbox.setDeliveryMode({ paused: true });
    const paused = await startCheckout();
    pausedOrderId = paused.orderId;
    await pressPay(paused.checkoutUrl);
    const session = await stack.gateway.retrieveCheckoutSession(sessionIdOf(paused.checkoutUrl));
    expected[`session_paid_open_locally:${session.id}`] = 'session_paid_open_locally';
    const sessions = await stack.gateway.listCheckoutSessions({ limit: 100 });
    const pausedIntent = sessions.data.find((s) => s.id === session.id)!.paymentIntentId!;
    expected[`missing_locally:${pausedIntent}`] = 'missing_locally';
    const atProcessor = await stack.gateway.refund({
      paymentIntentId: refundedPayment.processorPaymentIntentId,
      amountCents: 500,
      idempotencyKey: crypto.randomUUID(),
    });
    expected[`refund_missing:${atProcessor.id}`] = 'refund_missing';

    const run = await as.finance.reconciliation.startRun({ hours: 24, limit: 100 });
    firstRunId = run.id;
    expect(run).toMatchObject({
      status: 'completed',
      trigger: 'admin',
      pageLimit: 100,
      discrepanciesFound: Object.keys(expected).length,
      error: null,
    });
    expect(run.objectsSeen).toBeGreaterThan(0);
    // Every kind walked to its end, the cursor checkpointed as it went.
    expect(run.checkpoints.filter((c) => c.done).map((c) => c.kind)).toEqual([
      'checkout_session',
      'payment_intent',
      'charge',
      'refund',
    ]);

    const found = await queue();
    expect(new Map([...found].map(([f, d]) => [f, d.kind]))).toEqual(
      new Map(Object.entries(expected)),
    );
    expect(found.get(`amount_mismatch:${changedPayment.processorPaymentIntentId}`)).toMatchObject({
      severity: 'high',
      status: 'open',
      localAmountCents: 1,
      processorAmountCents: changedPayment.amountCents,
      localEntityType: 'payment',
      localEntityId: changedPayment.id,
      runId: run.id,
    });
    expect(found.get(`refund_missing:${atProcessor.id}`)).toMatchObject({
      severity: 'high',
      processorAmountCents: 500,
      localEntityType: 'order',
      localEntityId: refunded.orderId,
    });
    expect(found.get(`session_paid_open_locally:${session.id}`)).toMatchObject({
      severity: 'high',
      localStatus: 'open',
      processorStatus: 'paid',
    });
    expect(found.get(`unknown_to_processor:${bogus}`)).toMatchObject({
      severity: 'medium',
      localAmountCents: 2500,
    });

    const byKind = await as.finance.reconciliation.getRun({ runId: run.id });
    expect(byKind.foundByKind.reduce((n, k) => n + k.count, 0)).toBe(7);
    expect(found.get(`status_mismatch:${failedPayment.processorPaymentIntentId}`)).toMatchObject({
      severity: 'medium',
      processorStatus: 'succeeded',
      localStatus: 'failed',
    });
  });

  it('a second run finds nothing new', async () => {
    const again = await as.admin.reconciliation.startRun({ hours: 24, limit: 100 });
    expect(again).toMatchObject({ status: 'completed', discrepanciesFound: 0 });
    expect((await queue()).size).toBe(Object.keys(expected).length);
    const runs = await as.finance.reconciliation.listRuns({});
    expect(runs.items.map((r) => r.id)).toEqual([again.id, firstRunId]);
  });

  it('a completed run leaves no seen-object marks behind (the next run starts from none)', async () => {
    expect(await db((tx) => tx.reconciliationSeenObject.count())).toBe(0);
  });

  it('the queue filters by kind, severity, status and run', async () => {
    const high = await as.finance.reconciliation.listDiscrepancies({ severity: 'high' });
    expect(high.total).toBe(5);
    const missing = await as.finance.reconciliation.listDiscrepancies({ kind: 'missing_locally' });
    expect(missing.total).toBe(2);
    const ofRun = await as.finance.reconciliation.listDiscrepancies({ runId: firstRunId });
    expect(ofRun.total).toBe(7);
    const medium = await as.finance.reconciliation.listDiscrepancies({ severity: 'medium' });
    expect(medium.total).toBe(2);
    const resolved = await as.finance.reconciliation.listDiscrepancies({ status: 'resolved' });
    expect(resolved.total).toBe(0);
  });
});

describe('resolving discrepancies', () => {
  const idOf = async (fingerprintStart: string) =>
    [...(await queue()).values()].find((d) => d.fingerprint.startsWith(fingerprintStart))!;

  it('apply feeds the processor truth through the webhook applier: the order is paid, one email', async () => {
    const sessionFinding = await idOf('session_paid_open_locally:');
    const resolved = await as.finance.reconciliation.resolveDiscrepancy({
      discrepancyId: sessionFinding.id,
      action: 'apply',
    });
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolvedByUserId: stack.sessions.finance.user.id,
    });
    const order = await db((tx) => tx.order.findUniqueOrThrow({ where: { id: pausedOrderId } }));
    expect(order.status).toBe('paid');
    expect(await confirmations(pausedOrderId)).toBe(1);

    // Its payment: applied too; the order stays paid and no second email goes out.
    const missing = [...(await queue()).values()].filter(
      (d) => d.kind === 'missing_locally' && d.status === 'open',
    );
    for (const d of missing) {
      await as.finance.reconciliation.resolveDiscrepancy({ discrepancyId: d.id, action: 'apply' });
    }
    // The held webhooks arrive late: the ledger already has them, nothing happens twice.
    stack.sandbox.setDeliveryMode({ paused: false });
    await settle();
    expect(await confirmations(pausedOrderId)).toBe(1);
    expect(await paymentOf(pausedOrderId)).toMatchObject({ status: 'succeeded' });
    // The payment row lost earlier is back, beside the paused one.
    const restored = await db((tx) =>
      tx.payment.findMany({
        where: {
          processorPaymentIntentId: { in: missing.map((d) => d.processorObjectId!) },
        },
      }),
    );
    expect(restored).toHaveLength(2);

    const audit = await db((tx) =>
      tx.auditLog.findMany({
        where: { action: 'reconciliation.discrepancy_applied', entityId: sessionFinding.id },
      }),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ status: 'open' });
    expect(audit[0]!.after).toMatchObject({ status: 'resolved' });

    // Applying twice is refused rather than replayed.
    expect(
      await codeOf(
        as.finance.reconciliation.resolveDiscrepancy({
          discrepancyId: sessionFinding.id,
          action: 'apply',
        }),
      ),
    ).toBe('CONFLICT');
  });

  it('explain needs a note; re-open puts it back; both audited', async () => {
    const unknown = await idOf('unknown_to_processor:');
    // Nothing at the processor to apply.
    expect(
      await codeOf(
        as.finance.reconciliation.resolveDiscrepancy({
          discrepancyId: unknown.id,
          action: 'apply',
        }),
      ),
    ).toBe('CONFLICT');
    const noNote = await errorOf(
      as.finance.reconciliation.resolveDiscrepancy({
        discrepancyId: unknown.id,
        action: 'explain',
      }),
    );
    expect(noNote.code).toBe('BAD_REQUEST');
    expect(noNote.message).toContain('note');
    const tooLong = await errorOf(
      as.finance.reconciliation.resolveDiscrepancy({
        discrepancyId: unknown.id,
        action: 'explain',
        note: 'x'.repeat(501),
      }),
    );
    expect(tooLong.code).toBe('BAD_REQUEST');

    const explained = await as.finance.reconciliation.resolveDiscrepancy({
      discrepancyId: unknown.id,
      action: 'explain',
      note: 'Test payment entered by hand during the migration',
    });
    expect(explained).toMatchObject({
      status: 'explained',
      note: 'Test payment entered by hand during the migration',
    });
    const reopened = await as.admin.reconciliation.resolveDiscrepancy({
      discrepancyId: unknown.id,
      action: 'reopen',
    });
    expect(reopened).toMatchObject({ status: 'open', resolvedAt: null });
    const actions = await db((tx) =>
      tx.auditLog.findMany({ where: { entityId: unknown.id }, orderBy: { createdAt: 'asc' } }),
    );
    expect(actions.map((a) => a.action)).toEqual([
      'reconciliation.discrepancy_explained',
      'reconciliation.discrepancy_reopened',
    ]);
    expect(actions[1]!.before).toMatchObject({ status: 'explained' });
  });

  it('after resolving, a run finds nothing new', async () => {
    for (const d of (await queue()).values()) {
      if (d.status !== 'open') continue;
      await as.finance.reconciliation.resolveDiscrepancy({
        discrepancyId: d.id,
        action:
          d.kind === 'unknown_to_processor' || d.kind === 'amount_mismatch' ? 'explain' : 'apply',
        note: 'Checked with the processor',
      });
    }
    // Applied: the payment Souk had as failed follows the processor again.
    const statusFinding = [...(await queue()).values()].find((d) => d.kind === 'status_mismatch')!;
    expect(
      await db((tx) =>
        tx.payment.findUniqueOrThrow({
          where: { processorPaymentIntentId: statusFinding.processorObjectId! },
        }),
      ),
    ).toMatchObject({ status: 'succeeded' });
    const after = await as.finance.reconciliation.startRun({ hours: 24, limit: 100 });
    expect(after).toMatchObject({ status: 'completed', discrepanciesFound: 0 });
    const open = await as.finance.reconciliation.listDiscrepancies({ status: 'open' });
    expect(open.total).toBe(0);
  });

  it('viewer and dispatcher are refused; another org sees none of it', async () => {
    const any = [...(await queue()).values()][0]!;
    expect(await codeOf(as.viewer.reconciliation.listDiscrepancies({}))).toBe('FORBIDDEN');
    expect(await codeOf(as.dispatcher.reconciliation.listRuns({}))).toBe('FORBIDDEN');
    expect(await codeOf(as.viewer.reconciliation.startRun({}))).toBe('FORBIDDEN');
    expect(
      await codeOf(
        as.dispatcher.reconciliation.resolveDiscrepancy({
          discrepancyId: any.id,
          action: 'explain',
          note: 'no',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await codeOf(as.acme.reconciliation.getDiscrepancy({ discrepancyId: any.id }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await codeOf(
        as.acme.reconciliation.resolveDiscrepancy({ discrepancyId: any.id, action: 'reopen' }),
      ),
    ).toBe('NOT_FOUND');
    expect((await as.acme.reconciliation.listDiscrepancies({})).total).toBe(0);
    expect((await as.acme.reconciliation.listRuns({})).total).toBe(0);
  });

  it('refuses hours and limits out of range, in words', async () => {
    const bad = await errorOf(as.finance.reconciliation.startRun({ hours: 0, limit: 101 }));
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toMatch(/Hours must be at least 1|Limit must be at most 100/);
  });
});

describe('a run stopped between pages', () => {
  it('the next run resumes after its last checkpoint', async () => {
    // Enough sessions for several pages of two.
    for (let i = 0; i < 3; i += 1) await paidOrder();
    const all = await stack.gateway.listCheckoutSessions({
      limit: 100,
      createdGte: new Date(Date.now() - 24 * 3_600_000),
    });
    expect(all.data.length).toBeGreaterThan(4);
    const scope = () =>
      createOrgScope({ db: testDb.db, orgId: stack.orgId, gateway: stack.gateway });

    const stopped = runReconciliation({
      scope: scope(),
      trigger: 'cli',
      hours: 24,
      limit: 2,
      afterPage: (checkpoint: ReconciliationCheckpoint) => {
        if (checkpoint.kind === 'checkout_session') throw new Error('worker killed');
      },
    });
    await expect(stopped).rejects.toThrow('worker killed');
    const [killed] = (await as.finance.reconciliation.listRuns({})).items;
    expect(killed).toMatchObject({ status: 'failed', error: 'worker killed', objectsSeen: 2 });
    expect(killed!.checkpoints).toEqual([
      expect.objectContaining({ kind: 'checkout_session', objects: 2, cursor: all.data[1]!.id }),
    ]);

    const resumed = await runReconciliation({
      scope: scope(),
      trigger: 'cli',
      hours: 24,
      limit: 2,
    });
    expect(resumed.status).toBe('completed');
    const checkpoints = resumed.checkpoints as unknown as ReconciliationCheckpoint[];
    expect(checkpoints[0]).toMatchObject({ kind: 'checkout_session', resumed: true });
    // The two sessions of the stopped run's first page are not walked again.
    const sessionsSeen = checkpoints
      .filter((c) => c.kind === 'checkout_session')
      .reduce((n, c) => n + c.objects, 0);
    expect(sessionsSeen).toBe(all.data.length - 2);
    expect(resumed.discrepanciesFound).toBe(0);
  });
});
