// Spec 002 "Stripe events view": the org's processor-event ledger as staff read and
// replay it. Rows are written straight into processor_events (as the webhook ingest
// and the applier would leave them), so every status is present without a worker.
import { beforeAll, describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './errors';
import { callerAs, sessionFor, type Caller } from './test/harness';
import { seededDatabaseForFile } from './test/seeded-database';
import { errorOf } from './test/trpc-errors';

const { testDb, c } = seededDatabaseForFile();
let finance: Caller;
let dispatcher: Caller;

const invoiceId = crypto.randomUUID();
const bookingId = crypto.randomUUID();
const ids = {
  received: crypto.randomUUID(),
  waiting: crypto.randomUUID(),
  processed: crypto.randomUUID(),
  failed: crypto.randomUUID(),
  acmeFailed: crypto.randomUUID(),
  acmeProcessed: crypto.randomUUID(),
  unrouted: crypto.randomUUID(),
};
const FAILED_ERROR = 'Gave up after 3 days: no payment known for pi_gone';
const WAITING_ERROR = 'Payment pi_later is not known yet';

beforeAll(async () => {
  finance = callerAs(testDb.db, await sessionFor(testDb.db, 'finance@souk.test'));
  dispatcher = callerAs(testDb.db, await sessionFor(testDb.db, 'dispatcher@souk.test'));
  const demoOrgId = c.sessions.admin.orgId;
  const acmeOrgId = c.sessions.acmeAdmin.orgId;

  const receivedAt = new Date(Date.now() - 60 * 60_000);
  const row = (id: string, orgId: string | null, type: string) => ({
    id,
    orgId,
    eventId: `evt_${id.slice(0, 8)}`,
    type,
    payload: { id: `evt_${id.slice(0, 8)}`, type, data: { object: {} } },
    eventCreatedAt: new Date(receivedAt.getTime() - 1_000),
    receivedAt,
  });
  const processed = (id: string, orgId: string, lagMs: number) => ({
    ...row(id, orgId, 'checkout.session.completed'),
    status: 'processed' as const,
    attempts: 1,
    invoiceId,
    processedAt: new Date(receivedAt.getTime() + lagMs),
  });
  const failed = (id: string, orgId: string, error: string) => ({
    ...row(id, orgId, 'payment_intent.succeeded'),
    status: 'failed' as const,
    error,
    attempts: 40,
  });
  await testDb.ownerDb.processorEvent.createMany({
    data: [
      { ...row(ids.received, demoOrgId, 'payment_intent.created'), status: 'received' },
      {
        ...row(ids.waiting, demoOrgId, 'charge.refunded'),
        status: 'waiting',
        error: WAITING_ERROR,
        attempts: 2,
        waitingFor: 'pi_later',
        nextAttemptAt: new Date(Date.now() + 5 * 60_000),
        bookingId,
      },
      processed(ids.processed, demoOrgId, 150),
      { ...failed(ids.failed, demoOrgId, FAILED_ERROR), invoiceId },
      // Another org's events: same invoice id and type, and a slow lag that would move p50.
      processed(ids.acmeProcessed, acmeOrgId, 9_000),
      failed(ids.acmeFailed, acmeOrgId, 'Acme failure'),
      // No org known yet: no tenant sees the row, only the platform-wide count.
      { ...row(ids.unrouted, null, 'charge.refunded'), status: 'unrouted' },
    ],
  });
});

describe('payment events ledger', () => {
  it('lists the org’s events with reason, wait target and lag; never another org’s', async () => {
    const all = await finance.payments.listEvents({});
    expect(all.total).toBe(4);
    expect(all.items.map((r) => r.id).sort()).toEqual(
      [ids.received, ids.waiting, ids.processed, ids.failed].sort(),
    );

    const failed = await finance.payments.listEvents({ status: 'failed' });
    expect(failed.items).toEqual([
      expect.objectContaining({ id: ids.failed, error: FAILED_ERROR, attempts: 40, lagMs: null }),
    ]);
    const waiting = await finance.payments.listEvents({ status: 'waiting' });
    expect(waiting.items).toEqual([
      expect.objectContaining({
        id: ids.waiting,
        error: WAITING_ERROR,
        waitingFor: 'pi_later',
        bookingId,
        nextAttemptAt: expect.any(Date) as Date,
      }),
    ]);
    const processed = await finance.payments.listEvents({ status: 'processed' });
    expect(processed.items).toEqual([expect.objectContaining({ id: ids.processed, lagMs: 150 })]);
    expect((await finance.payments.listEvents({ status: 'unrouted' })).total).toBe(0);

    const byType = await finance.payments.listEvents({ type: 'checkout.session.completed' });
    expect(byType.items.map((r) => r.id)).toEqual([ids.processed]);
    const byInvoice = await finance.payments.listEvents({ invoiceId });
    expect(byInvoice.items.map((r) => r.id).sort()).toEqual([ids.processed, ids.failed].sort());
    const byBooking = await finance.payments.listEvents({ bookingId });
    expect(byBooking.items.map((r) => r.id)).toEqual([ids.waiting]);
    const none = await finance.payments.listEvents({ bookingId: crypto.randomUUID() });
    expect(none).toEqual({ items: [], total: 0, page: 1, pageSize: 25 });

    // The rival org sees only its own two rows.
    const acme = await c.acmeAdmin.payments.listEvents({});
    expect(acme.items.map((r) => r.id).sort()).toEqual([ids.acmeProcessed, ids.acmeFailed].sort());
  });

  it('summarises counts per status, the platform-wide unrouted count and the lag', async () => {
    const summary = await finance.payments.getEventsSummary();
    expect(summary).toEqual({
      byStatus: { received: 1, waiting: 1, unrouted: 0, processed: 1, failed: 1 },
      platformUnrouted: 1,
      lag: { samples: 1, p50Ms: 150, p99Ms: 150 },
    });
    const acme = await c.acmeAdmin.payments.getEventsSummary();
    expect(acme.lag).toEqual({ samples: 1, p50Ms: 9_000, p99Ms: 9_000 });
    expect(acme.byStatus.failed).toBe(1);
  });

  it('refuses a malformed invoice or booking id with BAD_REQUEST naming the field', async () => {
    const error = await errorOf(finance.payments.listEvents({ invoiceId: 'inv-123' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(error.cause)).toEqual({ invoiceId: ['Not an invoice id'] });
    const booking = await errorOf(finance.payments.listEvents({ bookingId: '42' }));
    expect(booking.code).toBe('BAD_REQUEST');
  });

  it('lets only roles with payments.replay requeue failed events', async () => {
    for (const caller of [c.viewer, dispatcher, c.customer]) {
      expect((await errorOf(caller.payments.replayFailedEvents())).code).toBe('FORBIDDEN');
    }
    expect((await errorOf(c.anonymous.payments.replayFailedEvents())).code).toBe('UNAUTHORIZED');
    // Viewers and dispatchers do not read the ledger either (no payments.read).
    expect((await errorOf(c.viewer.payments.getEventsSummary())).code).toBe('FORBIDDEN');
    expect((await errorOf(dispatcher.payments.listEvents({}))).code).toBe('FORBIDDEN');
    expect((await finance.payments.listEvents({ status: 'failed' })).total).toBe(1);
  });

  it('requeues exactly the org’s failed events, audited', async () => {
    expect(await finance.payments.replayFailedEvents()).toEqual({ requeued: 1 });

    const rows = await testDb.ownerDb.processorEvent.findMany({
      select: { id: true, status: true, error: true },
    });
    const statusOf = Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect(statusOf).toEqual({
      [ids.received]: 'received',
      [ids.waiting]: 'waiting',
      [ids.processed]: 'processed',
      [ids.failed]: 'received',
      [ids.acmeProcessed]: 'processed',
      [ids.acmeFailed]: 'failed',
      [ids.unrouted]: 'unrouted',
    });
    expect((await finance.payments.getEventsSummary()).byStatus).toMatchObject({
      received: 2,
      failed: 0,
    });

    const audit = await c.admin.audit.listEntries({ action: 'processor_event.bulk_replayed' });
    expect(audit.total).toBe(1);
    expect(audit.items[0]).toMatchObject({
      actorEmail: 'finance@souk.test',
      entityType: 'processor_event',
      after: { requeued: 1 },
    });

    // Nothing left to requeue: a second click is harmless and says so.
    expect(await finance.payments.replayFailedEvents()).toEqual({ requeued: 0 });
  });
});
