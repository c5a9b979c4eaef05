import v8 from 'node:v8';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withOrg } from '@souk/db';
import { testDatabaseForFile } from '@souk/db/testing';
import { createOrgScope } from '../context';
import { AppError } from '../errors';
import { listExportNamed } from './list-exports';

const testDb = testDatabaseForFile({ seed: true });
let demoId = '';
let acmeId = '';

beforeAll(async () => {
  const orgs = await testDb.ownerDb.organization.findMany({
    where: { slug: { in: ['demo', 'acme'] } },
  });
  demoId = orgs.find((o) => o.slug === 'demo')!.id;
  acmeId = orgs.find((o) => o.slug === 'acme')!.id;
  await withOrg(testDb.db, demoId, async (tx) => {
    for (const [i, status] of (
      ['active', 'archived', 'archived', 'draft', 'active'] as const
    ).entries()) {
      await tx.product.create({
        data: {
          orgId: demoId,
          slug: `export-demo-${i}`,
          name: `Export demo ${i}`,
          basePriceCents: 1234 * (i + 1),
          currency: 'USD',
          status,
        },
      });
    }
    await tx.auditLog.createMany({
      data: [
        {
          orgId: demoId,
          action: 'product.created',
          entityType: 'product',
          actorEmail: 'a@souk.test',
        },
        {
          orgId: demoId,
          action: 'product.updated',
          entityType: 'product',
          actorEmail: 'b@souk.test',
        },
        { orgId: demoId, action: '=cmd|calc', entityType: 'product', actorEmail: '@evil' },
      ],
    });
  });
  await withOrg(testDb.db, acmeId, async (tx) => {
    await tx.product.create({
      data: {
        orgId: acmeId,
        slug: 'export-acme-secret',
        name: 'Acme secret product',
        basePriceCents: 999,
        currency: 'USD',
        status: 'archived',
      },
    });
    await tx.auditLog.create({
      data: {
        orgId: acmeId,
        action: 'product.updated',
        entityType: 'product',
        actorEmail: 'acme@acme.test',
      },
    });
  });
});

let transactions = 0;

async function exportRows(
  orgId: string,
  list: string,
  filters: Record<string, string> = {},
  batchSize?: number,
): Promise<string[][]> {
  const scope = createOrgScope({ db: testDb.db, orgId });
  transactions = 0;
  const stream = listExportNamed(list)!.open({
    scope: {
      ...scope,
      transaction: (fn, options) => {
        transactions += 1;
        return scope.transaction(fn, options);
      },
    },
    filters,
    batchSize,
  });
  const bytes = await new Response(stream).arrayBuffer();
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(text.startsWith('\uFEFF')).toBe(true);
  // The fixtures hold no quotes, commas or line breaks, so a split reads them.
  return text
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

describe('CSV export of the admin lists', () => {
  it("exports an org's products, page by page, and never another org's", async () => {
    const [header, ...rows] = await exportRows(demoId, 'products', {}, 2);
    expect(header).toEqual([
      'Name',
      'Slug',
      'Status',
      'Base price',
      'Currency',
      'Image URL',
      'Created at',
      'Updated at',
      'Product ID',
    ]);
    const names = rows.map((row) => row[0]);
    const demoCount = await testDb.ownerDb.product.count({ where: { orgId: demoId } });
    expect(names).toHaveLength(demoCount);
    expect(new Set(names).size).toBe(demoCount);
    // A short transaction per page of two, the last one finding the end.
    expect(transactions).toBe(Math.floor(demoCount / 2) + 1);
    expect(names).toContain('Export demo 4');
    expect(names).not.toContain('Acme secret product');
    const ids = rows.map((row) => row[8]);
    const acmeIds = (await testDb.ownerDb.product.findMany({ where: { orgId: acmeId } })).map(
      (p) => p.id,
    );
    expect(ids.filter((id) => acmeIds.includes(id!))).toEqual([]);
    expect(rows.find((row) => row[0] === 'Export demo 1')).toEqual(
      expect.arrayContaining(['export-demo-1', 'archived', '24.68', 'USD']),
    );
  });

  it('applies the list filters', async () => {
    const [, ...archived] = await exportRows(demoId, 'products', { status: 'archived' });
    expect(archived.map((row) => row[0]).sort()).toEqual(['Export demo 1', 'Export demo 2']);
    const [, ...searched] = await exportRows(demoId, 'products', { search: 'EXPORT-DEMO-3' });
    expect(searched.map((row) => row[0])).toEqual(['Export demo 3']);

    const [auditHeader, ...updated] = await exportRows(demoId, 'audit', { action: 'updated' });
    expect(auditHeader?.slice(0, 3)).toEqual(['When', 'Actor', 'Action']);
    expect(updated.map((row) => [row[1], row[2]])).toEqual([['b@souk.test', 'product.updated']]);
  });

  it('disarms formulas that reached the database', async () => {
    const [, ...rows] = await exportRows(demoId, 'audit', { entityType: 'product' });
    expect(rows.find((row) => row[2]?.includes('calc'))?.slice(1, 3)).toEqual([
      "'@evil",
      "'=cmd|calc",
    ]);
  });

  it('refuses a bad filter in words, naming it', () => {
    const open = () =>
      listExportNamed('products')!.open({
        scope: createOrgScope({ db: testDb.db, orgId: demoId }),
        filters: { status: 'bogus' },
      });
    expect(open).toThrow(AppError);
    expect(open).toThrow(/status filter/);
  });

  it('knows only its own lists', () => {
    expect(listExportNamed('products')?.permission).toBe('catalog.read');
    expect(listExportNamed('outbox')?.permission).toBe('outbox.read');
    expect(listExportNamed('constructor')).toBeUndefined();
    expect(listExportNamed('__proto__')).toBeUndefined();
    expect(listExportNamed('users')).toBeUndefined();
  });

  it('streams 100,000 rows with flat memory', async () => {
    const bulk = await testDb.ownerDb.organization.create({
      data: { slug: 'export-bulk', name: 'Bulk export' },
    });
    const total = 100_000;
    // Seven rows share each timestamp, so ties straddle the page boundaries; each row
    // carries ~1 KB so that holding them all would show in the heap.
    await testDb.ownerDb.$executeRaw`
      INSERT INTO audit_logs (id, "orgId", action, "entityType", "entityId", after, "createdAt")
      SELECT gen_random_uuid(), ${bulk.id}::uuid, 'bulk.imported', 'bulk', 'entity-' || g,
             jsonb_build_object('note', repeat('x', 1000)),
             timestamp '2026-01-01' - (g / 7) * interval '1 millisecond'
      FROM generate_series(1, ${total}) AS g`;

    // Live memory is what grows if rows are held: collect garbage before each sample.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;

    const stream = listExportNamed('audit')!.open({
      scope: createOrgScope({ db: testDb.db, orgId: bulk.id }),
      filters: {},
    });
    const decoder = new TextDecoder();
    let rest = '';
    let lines = 0;
    let sum = 0;
    for await (const chunk of stream) {
      const text = rest + decoder.decode(chunk, { stream: true });
      const parts = text.split('\r\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        lines += 1;
        const entity = /,entity-(\d+),/.exec(line);
        if (entity) sum += Number(entity[1]);
        if (lines % 5000 === 0) {
          gc();
          peak = Math.max(peak, process.memoryUsage().heapUsed);
        }
      }
    }
    expect(rest).toBe('');
    expect(lines).toBe(total + 1); // the header, then every row once
    expect(sum).toBe((total * (total + 1)) / 2);
    const growthMb = (peak - before) / 2 ** 20;
    expect(growthMb).toBeLessThan(64);
  }, 120_000);
});
