// The org's plan (spec 002 "Pause/resume playbook", "Billing and usage reporting"; issue 13
// "The org's plan"): pause and resume with reasons and stamps, the booking gate while
// paused, usage against limits with recorded counters and drift, and the tax rate setting,
// through tRPC on a real database (the sandbox stack issues a real invoice at checkout).
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BILLING_PAUSED_MESSAGE, receiveLocalUpload } from '@souk/core';
import { tinyPng, uploadLinkParams } from '@souk/core/testing';
import { apiEnv } from './env';
import type { RouterOutputs } from './index';
import { fieldErrorsOf } from './errors';
import { callerAs, type Caller } from './test/harness';
import { sandboxStackForFile } from './test/sandbox-stack';
import { codeOf, errorOf } from './test/trpc-errors';

// Before @souk/core reads its env: this file's uploads go to a temporary root.
const uploadRoot = vi.hoisted(() => {
  const root = `${process.env.TMPDIR ?? '/tmp'}/souk-billing-int-${process.pid}-${Date.now()}`;
  process.env.UPLOAD_ROOT = root;
  return root;
});

const stack = sandboxStackForFile({
  secret: 'whsec_billing_test',
  logins: {
    owner: 'owner@souk.test',
    admin: 'admin@souk.test',
    finance: 'finance@souk.test',
    dispatcher: 'dispatcher@souk.test',
    viewer: 'viewer@souk.test',
    organizer: 'customer@souk.test',
    acme: 'admin@acme.test',
  },
});
const { testDb, sessions: s, as, db } = stack;

let orgId = '';
let organizerId = '';

afterAll(async () => {
  await rm(uploadRoot, { recursive: true, force: true });
});

beforeAll(() => {
  orgId = s.admin.orgId;
  organizerId = s.organizer.user.id;
});

const planRow = () => db((tx) => tx.orgPlan.findUniqueOrThrow({ where: { orgId } }));
const auditCount = (action: string) => db((tx) => tx.auditLog.count({ where: { orgId, action } }));

async function vendorIds() {
  const vendors = (await as.anonymous.marketplace.public.listVendors({})).items;
  return {
    venue: vendors.find((v) => v.displayName === 'Harbor Hall')!.id,
    photo: vendors.find((v) => v.displayName === 'Lens & Light Photography')!.id,
  };
}

async function createBooking(submit: boolean) {
  const ids = await vendorIds();
  return as.organizer.marketplace.organizer.createBooking({
    eventDate: '2027-06-12',
    guestCount: 80,
    locationText: 'Lisbon riverside',
    venueVendorId: ids.venue,
    serviceVendorIds: [ids.photo],
    requestedBudgetCents: 150_000,
    currency: 'USD',
    submit,
  });
}

const REASON_65 = 'r'.repeat(65);

describe('billing status, pause and resume', () => {
  it('shows the seeded default plan, active, to finance', async () => {
    const status = await as.finance.billing.getBillingStatus();
    expect(status).toMatchObject({
      planCode: 'standard',
      status: 'active',
      maxWorkers: 10,
      maxBookingsPerMonth: 500,
      maxStorageBytes: 10_737_418_240,
      pauseReasonCode: null,
      pausedAt: null,
    });
  });

  it('an org without a plan row gets the default plan on first read, once', async () => {
    await testDb.ownerDb.orgPlan.delete({ where: { orgId: s.acme.orgId } });
    const [first, second] = await Promise.all([
      as.acme.billing.getBillingStatus(),
      as.acme.billing.getBillingStatus(),
    ]);
    expect(first).toMatchObject({ planCode: 'standard', status: 'active' });
    expect(second).toMatchObject({ planCode: 'standard', status: 'active' });
    expect(await testDb.ownerDb.orgPlan.count({ where: { orgId: s.acme.orgId } })).toBe(1);
  });

  it('pause stamps status, reason and time; resume stamps its own; limits and metadata stay', async () => {
    await testDb.ownerDb.orgPlan.update({
      where: { orgId },
      data: { metadata: { contract: 'C-1042', seats: ['north', 'south'] }, maxWorkers: 12 },
    });
    const beforePause = Date.now();
    const paused = await as.finance.billing.pauseBilling({ reasonCode: 'customer_request' });
    expect(paused).toMatchObject({
      status: 'paused',
      pauseReasonCode: 'customer_request',
      maxWorkers: 12,
      metadata: { contract: 'C-1042', seats: ['north', 'south'] },
    });
    expect(paused.pausedAt!.getTime()).toBeGreaterThanOrEqual(beforePause - 5_000);

    // The status view reads the same as the action's answer.
    expect(await as.admin.billing.getBillingStatus()).toMatchObject({
      status: 'paused',
      pauseReasonCode: 'customer_request',
      pausedAt: paused.pausedAt,
    });

    const resumed = await as.admin.billing.resumeBilling({ reasonCode: 'invoice_settled' });
    expect(resumed).toMatchObject({
      status: 'active',
      pauseReasonCode: 'customer_request',
      pausedAt: paused.pausedAt,
      resumeReasonCode: 'invoice_settled',
      maxWorkers: 12,
      maxBookingsPerMonth: 500,
      metadata: { contract: 'C-1042', seats: ['north', 'south'] },
    });
    expect(resumed.resumedAt!.getTime()).toBeGreaterThanOrEqual(paused.pausedAt!.getTime());

    const audits = await db((tx) =>
      tx.auditLog.findMany({
        where: { action: { in: ['billing.paused', 'billing.resumed'] } },
        orderBy: { createdAt: 'asc' },
      }),
    );
    expect(audits.map((a) => [a.action, a.actorEmail])).toEqual([
      ['billing.paused', 'finance@souk.test'],
      ['billing.resumed', 'admin@souk.test'],
    ]);
    expect(audits[0]!.before).toMatchObject({ status: 'active', pauseReasonCode: null });
    expect(audits[0]!.after).toMatchObject({
      status: 'paused',
      pauseReasonCode: 'customer_request',
    });
    expect(audits[1]!.after).toMatchObject({
      status: 'active',
      resumeReasonCode: 'invoice_settled',
    });
  });

  it('refuses a 65-character reason in words and changes nothing', async () => {
    const before = await planRow();
    const audits = await auditCount('billing.paused');
    const error = await errorOf(as.finance.billing.pauseBilling({ reasonCode: REASON_65 }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error.cause)?.reasonCode).toEqual([
      'Reason code must be at most 64 characters',
    ]);
    expect(await codeOf(as.finance.billing.pauseBilling({ reasonCode: '   ' }))).toBe(
      'BAD_REQUEST',
    );
    expect(await planRow()).toEqual(before);
    expect(await auditCount('billing.paused')).toBe(audits);
    // 64 characters is the limit, not past it.
    const atLimit = await as.finance.billing.pauseBilling({ reasonCode: 'x'.repeat(64) });
    expect(atLimit.pauseReasonCode).toHaveLength(64);
    await as.finance.billing.resumeBilling({ reasonCode: 'back' });
  });

  it('refuses pausing a paused org and resuming an active one, in words', async () => {
    const resumeActive = await errorOf(as.finance.billing.resumeBilling({ reasonCode: 'again' }));
    expect(resumeActive.code).toBe('CONFLICT');
    expect(resumeActive.message).toMatch(/^Billing is already active/);

    await as.finance.billing.pauseBilling({ reasonCode: 'audit_hold' });
    const before = await planRow();
    const pauseAgain = await errorOf(as.finance.billing.pauseBilling({ reasonCode: 'twice' }));
    expect(pauseAgain.code).toBe('CONFLICT');
    expect(pauseAgain.message).toMatch(/^Billing is already paused \(since .* UTC\): resume it/);
    expect(await planRow()).toEqual(before);
  });

  it('viewer and dispatcher can neither read nor change billing', async () => {
    for (const who of [as.viewer, as.dispatcher]) {
      expect(await codeOf(who.billing.getBillingStatus())).toBe('FORBIDDEN');
      expect(await codeOf(who.billing.getUsageReport({}))).toBe('FORBIDDEN');
      expect(await codeOf(who.billing.resumeBilling({ reasonCode: 'sneaky' }))).toBe('FORBIDDEN');
      expect(await codeOf(who.billing.recordUsage({}))).toBe('FORBIDDEN');
    }
    expect((await planRow()).status).toBe('paused');
  });

  it("another org's admin sees their own plan, active while this one is paused", async () => {
    expect(await as.acme.billing.getBillingStatus()).toMatchObject({
      status: 'active',
      pauseReasonCode: null,
    });
    expect(await as.admin.billing.getBillingStatus()).toMatchObject({
      status: 'paused',
      pauseReasonCode: 'audit_hold',
    });
  });
});

describe('the booking gate while paused', () => {
  it('refuses sending a booking request, keeps the draft, and takes it once resumed', async () => {
    expect((await planRow()).status).toBe('paused');
    const refused = await errorOf(createBooking(true));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe(BILLING_PAUSED_MESSAGE);

    const draft = await createBooking(false);
    expect(draft.status).toBe('draft');
    const submit = await errorOf(
      as.organizer.marketplace.organizer.submitBooking({ bookingId: draft.id }),
    );
    expect(submit.message).toBe(BILLING_PAUSED_MESSAGE);
    const outbox = () =>
      db((tx) =>
        tx.outboxEvent.count({ where: { dedupeKey: { startsWith: `booking:${draft.id}:` } } }),
      );
    expect(await outbox()).toBe(0);

    await as.finance.billing.resumeBilling({ reasonCode: 'hold_lifted' });
    const sent = await as.organizer.marketplace.organizer.submitBooking({ bookingId: draft.id });
    expect(sent.status).toBe('awaiting_vendor_approval');
    expect(await outbox()).toBe(2);
  });
});

describe('usage report', () => {
  const png = tinyPng(6, 5);
  let month = '';
  let previousMonth = '';
  let staffBefore = 0;

  async function storeUpload(): Promise<number> {
    const req = await as.admin.uploads.requestUpload({
      kind: 'template_media',
      fileName: 'Hall plan.png',
      contentType: 'image/png',
      sizeBytes: png.length,
    });
    const landed = await receiveLocalUpload({
      ...uploadLinkParams(req.url),
      db: testDb.db,
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(png);
          controller.close();
        },
      }),
      contentLength: png.length,
    });
    expect(landed.ok).toBe(true);
    return png.length;
  }

  async function addUploadRow(status: 'stored' | 'rejected' | 'pending', sizeBytes: number) {
    await db((tx) =>
      tx.upload.create({
        data: {
          orgId,
          ownerId: s.admin.user.id,
          kind: 'template_media',
          status,
          key: `uploads/${orgId}/${s.admin.user.id}/${crypto.randomUUID()}-test.png`,
          backend: 'local',
          fileName: 'test.png',
          declaredType: 'image/png',
          declaredBytes: sizeBytes,
          sizeBytes: status === 'pending' ? null : sizeBytes,
          expiresAt: new Date(Date.now() + 3_600_000),
          storedAt: status === 'stored' ? new Date() : null,
        },
      }),
    );
  }

  /** A booking created mid-month, `monthsAgo` months back, straight in the table. */
  async function addOldBooking(monthsAgo: number) {
    const now = new Date();
    const createdAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 15));
    await db((tx) =>
      tx.booking.create({ data: { orgId, organizerId, currency: 'USD', createdAt } }),
    );
    return createdAt.toISOString().slice(0, 7);
  }

  type Report = RouterOutputs['billing']['getUsageReport'];
  const metric = (report: Report, name: Report['metrics'][number]['metric']) =>
    report.metrics.find((m) => m.metric === name)!;

  it('counts staff, bookings in the chosen month and stored bytes, against the limits', async () => {
    // Staff now: the five seeded staff; a disabled member and a vendor are not seats.
    staffBefore = await db((tx) =>
      tx.membership.count({
        where: { orgId, role: { in: ['OWNER', 'ADMIN', 'FINANCE', 'DISPATCHER', 'VIEWER'] } },
      }),
    );
    expect(staffBefore).toBe(5);
    const extra = await testDb.ownerDb.user.create({
      data: { email: `billing-${crypto.randomUUID()}@souk.test`, name: 'Gone' },
    });
    await db((tx) =>
      tx.membership.create({
        data: { orgId, userId: extra.id, role: 'DISPATCHER', disabledAt: new Date() },
      }),
    );

    // This month: the draft the gate test made (its refused request left nothing), and two more.
    const made = [await createBooking(false), await createBooking(true)];
    month = made[0]!.createdAt.toISOString().slice(0, 7);
    expect(await db((tx) => tx.booking.count({ where: { orgId } }))).toBe(3);
    // Last month: three, made in the table with their dates.
    previousMonth = await addOldBooking(1);
    await addOldBooking(1);
    await addOldBooking(1);

    const stored = (await storeUpload()) + (await storeUpload());
    await addUploadRow('stored', 4_000);
    await addUploadRow('rejected', 9_999);
    await addUploadRow('pending', 7_777);

    const report = await as.finance.billing.getUsageReport({ month });
    expect(report.month).toBe(month);
    expect(metric(report, 'workers')).toMatchObject({ value: 5, limit: 12, overLimit: false });
    expect(metric(report, 'bookings')).toMatchObject({ value: 3, limit: 500, overLimit: false });
    expect(metric(report, 'storage_bytes')).toMatchObject({
      value: stored + 4_000,
      limit: 10_737_418_240,
      overLimit: false,
    });
    const last = await as.finance.billing.getUsageReport({ month: previousMonth });
    expect(metric(last, 'bookings').value).toBe(3);
    // Workers and storage are snapshots: the same whatever the month.
    expect(metric(last, 'storage_bytes').value).toBe(stored + 4_000);

    // No month: the current one.
    expect((await as.finance.billing.getUsageReport({})).month).toBe(
      new Date().toISOString().slice(0, 7),
    );
  });

  it('flags each metric over its limit, with the overage', async () => {
    await testDb.ownerDb.orgPlan.update({
      where: { orgId },
      data: { maxBookingsPerMonth: 2, maxWorkers: 5 },
    });
    const report = await as.finance.billing.getUsageReport({ month });
    expect(metric(report, 'bookings')).toMatchObject({ overLimit: true, overageBy: 1 });
    expect(metric(report, 'workers')).toMatchObject({ overLimit: false, overageBy: 0 });
    expect(report.overLimit).toBe(true);
    await testDb.ownerDb.orgPlan.update({
      where: { orgId },
      data: { maxBookingsPerMonth: 500, maxWorkers: 12 },
    });
  });

  it('records counters as bookings and uploads happen, in the same transaction', async () => {
    const report = await as.finance.billing.getUsageReport({ month });
    // Every booking of this month went through createBooking, every stored byte through an upload…
    expect(metric(report, 'bookings')).toMatchObject({ recorded: 3, driftDetected: false });
    // …except the row made in the table. Workers were recorded by the seed, and the disabled
    // member made in the table is not a seat, so they still agree.
    expect(metric(report, 'storage_bytes').driftDetected).toBe(true);
    expect(metric(report, 'storage_bytes').recorded).toBe(
      metric(report, 'storage_bytes').value - 4_000,
    );
    expect(metric(report, 'workers')).toMatchObject({
      value: 5,
      recorded: 5,
      driftDetected: false,
    });
    // Last month's bookings were never counted as they happened.
    const last = await as.finance.billing.getUsageReport({ month: previousMonth });
    expect(metric(last, 'bookings')).toMatchObject({
      value: 3,
      recorded: null,
      driftDetected: true,
    });
  });

  it('recordUsage sets the counters to the truth; a tampered counter drifts on its metric only', async () => {
    const audits = await auditCount('billing.usage_recorded');
    const refreshed = await as.finance.billing.recordUsage({ month });
    expect(refreshed.driftDetected).toBe(false);
    expect(refreshed.metrics.map((m) => [m.metric, m.recorded === m.value])).toEqual([
      ['workers', true],
      ['bookings', true],
      ['storage_bytes', true],
    ]);
    expect(await auditCount('billing.usage_recorded')).toBe(audits + 1);

    // Still true after a new booking and a new upload: each moves its counter as it happens.
    await createBooking(false);
    await storeUpload();
    const live = await as.finance.billing.getUsageReport({ month });
    expect(live.driftDetected).toBe(false);
    expect(metric(live, 'bookings').value).toBe(4);

    await testDb.ownerDb.usageCounter.update({
      where: { orgId_metric_period: { orgId, metric: 'bookings', period: month } },
      data: { value: 42n },
    });
    const tampered = await as.finance.billing.getUsageReport({ month });
    expect(tampered.driftDetected).toBe(true);
    expect(tampered.metrics.map((m) => [m.metric, m.driftDetected])).toEqual([
      ['workers', false],
      ['bookings', true],
      ['storage_bytes', false],
    ]);
    expect(metric(tampered, 'bookings')).toMatchObject({ value: 4, recorded: 42 });

    const cleared = await as.admin.billing.recordUsage({ month });
    expect(cleared.driftDetected).toBe(false);
    expect(metric(cleared, 'bookings')).toMatchObject({ value: 4, recorded: 4 });
    const audit = await db((tx) =>
      tx.auditLog.findFirstOrThrow({
        where: { action: 'billing.usage_recorded' },
        orderBy: { createdAt: 'desc' },
      }),
    );
    expect(audit.before).toMatchObject({ month, counters: { bookings: 42 } });
    expect(audit.after).toMatchObject({ month, counters: { bookings: 4 } });
  });

  it('keeps the workers counter true when a staff member is disabled or enabled', async () => {
    const workers = async () =>
      metric(await as.finance.billing.getUsageReport({ month }), 'workers');
    const before = await workers();
    expect(before.driftDetected).toBe(false);
    const dispatcher = s.dispatcher.user.id;

    await as.admin.users.setMemberDisabled({ userId: dispatcher, disabled: true });
    expect(await workers()).toMatchObject({ value: before.value - 1, recorded: before.value - 1 });
    await as.admin.users.setMemberDisabled({ userId: dispatcher, disabled: false });
    expect(await workers()).toMatchObject({ value: before.value, driftDetected: false });
  });

  it('refuses a month that is not YYYY-MM, in words', async () => {
    for (const bad of ['2026-13', '2026-1', 'december', '2026-12-01']) {
      const error = await errorOf(as.finance.billing.getUsageReport({ month: bad }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(fieldErrorsOf(error.cause)?.month?.[0]).toMatch(/^Month must be/);
    }
  });
});

describe('tax rate setting', () => {
  let shop: Caller;

  beforeAll(() => {
    shop = callerAs(testDb.db, s.organizer, undefined, {
      apiKey: apiEnv.CHECKOUT_API_KEY,
      gateway: stack.gateway,
    });
  });

  async function checkout() {
    const p = await as.anonymous.catalog.getProductBySlug({ slug: 'instagram-growth' });
    const audience = p.optionGroups.find((g) => g.name === 'Audience size')!;
    const handle = p.customFields.find((f) => f.label === 'Instagram handle')!;
    const started = await shop.checkout.startCheckout({
      productSlug: 'instagram-growth',
      selection: {
        options: { [audience.id]: [audience.options[1]!.id] },
        addOnIds: [],
        planId: p.subscriptionPlans.find((plan) => plan.isDefault)!.id,
        customFields: { [handle.id]: '@soukshop' },
      },
    });
    return db((tx) => tx.invoice.findFirstOrThrow({ where: { orderId: started.orderId } }));
  }

  it('only the owner changes it; it is audited; an issued invoice keeps its snapshot', async () => {
    const owner = as.owner;
    await owner.org.updateTaxRate({ taxRateBps: 825 });
    const issued = await checkout();
    expect(issued.taxRateBasis).toBe(825);
    const snapshot = {
      taxCents: issued.taxCents,
      totalCents: issued.totalCents,
      taxableSubtotalCents: issued.taxableSubtotalCents,
    };

    expect(await codeOf(as.admin.org.updateTaxRate({ taxRateBps: 0 }))).toBe('FORBIDDEN');
    expect(await codeOf(as.finance.org.updateTaxRate({ taxRateBps: 0 }))).toBe('FORBIDDEN');
    const tooHigh = await errorOf(owner.org.updateTaxRate({ taxRateBps: 10_001 }));
    expect(fieldErrorsOf(tooHigh.cause)?.taxRateBps).toEqual(['Tax rate must be at most 100%']);

    const changed = await owner.org.updateTaxRate({ taxRateBps: 2_000 });
    expect(changed.taxRateBps).toBe(2_000);
    expect(await owner.org.getTaxRate()).toMatchObject({ taxRateBps: 2_000 });

    const after = await db((tx) => tx.invoice.findUniqueOrThrow({ where: { id: issued.id } }));
    expect(after).toMatchObject({ ...snapshot, taxRateBasis: 825 });
    // The next invoice is issued at the new rate.
    expect((await checkout()).taxRateBasis).toBe(2_000);

    const audit = await db((tx) =>
      tx.auditLog.findFirstOrThrow({
        where: { action: 'org.tax_rate_updated' },
        orderBy: { createdAt: 'desc' },
      }),
    );
    expect(audit).toMatchObject({
      actorEmail: 'owner@souk.test',
      before: { taxRateBps: 825 },
      after: { taxRateBps: 2_000 },
    });
  });
});
