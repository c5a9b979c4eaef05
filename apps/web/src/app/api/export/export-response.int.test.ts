import { beforeAll, describe, expect, it } from 'vitest';
import type { SoukSession } from '@souk/auth';
import { withOrg } from '@souk/db';
import { testDatabaseForFile } from '@souk/db/testing';
import { exportResponse } from './export-response';

const testDb = testDatabaseForFile({ seed: true });
const sessions: Record<string, SoukSession> = {};

// The session NextAuth would hold for this person (their one membership).
async function sessionFor(email: string): Promise<SoukSession> {
  const { user, org, role } = await testDb.ownerDb.membership.findFirstOrThrow({
    where: { user: { email } },
    include: { user: true, org: true },
  });
  const { id, name } = user;
  const sid = crypto.randomUUID();
  return {
    user: { id, email, name },
    orgId: org.id,
    orgSlug: org.slug,
    orgName: org.name,
    role,
    sid,
  };
}

beforeAll(async () => {
  for (const email of [
    'admin@souk.test',
    'viewer@souk.test',
    'customer@souk.test',
    'admin@acme.test',
  ]) {
    sessions[email] = await sessionFor(email);
  }
  const acme = sessions['admin@acme.test']!;
  await withOrg(testDb.db, acme.orgId, (tx) =>
    tx.product.create({
      data: {
        orgId: acme.orgId,
        slug: 'acme-only',
        name: 'Acme only product',
        basePriceCents: 1999,
        currency: 'USD',
        status: 'draft',
      },
    }),
  );
});

function get(list: string, query: string, session: SoukSession | null): Response {
  return exportResponse({
    list,
    searchParams: new URLSearchParams(query),
    session,
    db: testDb.db,
    requestId: 'export-test',
    now: new Date('2026-05-01T23:30:00Z'),
  });
}

async function refusalOf(response: Response) {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('GET /api/export/<list>', () => {
  it("downloads the list as CSV for the session's org only", async () => {
    const response = get('products', '', sessions['admin@souk.test']!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="products-2026-05-01.csv"',
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\uFEFFName,Slug,Status,Base price,Currency,')).toBe(true);
    expect(text).toContain('Instagram Growth,instagram-growth,active,49.00,USD,');
    expect(text).not.toContain('Acme only product');

    const acme = await get('products', '', sessions['admin@acme.test']!).text();
    expect(acme).toContain('Acme only product');
    expect(acme).not.toContain('Instagram Growth');
  });

  it('applies the filters from the query string', async () => {
    const acme = sessions['admin@acme.test']!;
    const draft = await get('products', 'status=draft&search=ACME-ONLY', acme).text();
    expect(draft.trim().split('\r\n')).toHaveLength(2);
    expect(draft).toContain('Acme only product,acme-only,draft,19.99,USD,');
    const active = await get('products', 'status=active&search=acme-only', acme).text();
    expect(active.trim().split('\r\n')).toHaveLength(1);
  });

  it('lets a viewer export what a viewer may list, and nothing else', async () => {
    const viewer = sessions['viewer@souk.test']!;
    const audit = get('audit', '', viewer);
    expect(audit.status).toBe(200);
    // Read to the end: the stream fetches its first page before anyone reads, and a page
    // still in flight when the file's database is dropped fails the run.
    expect(await audit.text()).toContain('\r\n');
    expect(await refusalOf(get('outbox', '', viewer))).toEqual({
      status: 403,
      body: {
        error: 'forbidden',
        message: 'Your role (VIEWER) cannot export this list (needs outbox.read)',
      },
    });
    expect((await refusalOf(get('payment-events', '', viewer))).status).toBe(403);
  });

  it('refuses people who are not staff, and anyone signed out', async () => {
    expect((await refusalOf(get('products', '', sessions['customer@souk.test']!))).status).toBe(
      403,
    );
    expect(await refusalOf(get('products', '', null))).toEqual({
      status: 401,
      body: { error: 'unauthorized', message: 'Sign in to export this list' },
    });
  });

  it('answers 404 for a list that does not exist', async () => {
    for (const list of ['users', 'constructor', '__proto__']) {
      expect((await refusalOf(get(list, '', sessions['admin@souk.test']!))).status).toBe(404);
    }
  });

  it('refuses a bad filter in words', async () => {
    const { status, body } = await refusalOf(
      get('payment-events', 'invoiceId=nope', sessions['admin@souk.test']!),
    );
    expect(status).toBe(400);
    expect(body.error).toBe('bad_filter');
    expect(body.message).toBe('Cannot export with the invoiceId filter: Not an invoice id');
    expect(body.fieldErrors).toEqual({ invoiceId: ['Not an invoice id'] });
  });
});
