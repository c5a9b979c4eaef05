// The client portal (issue 14) on a real database: magic links through the outbox, one-time
// redemption into a portal session (cookie or Bearer), the client's own bookings, invoices,
// orders and files, and 404 for anybody else's ids.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  coreEnv,
  portalFileDownload,
  PORTAL_LINK_EXPIRED,
  PORTAL_LINK_INVALID,
  PORTAL_LINK_SENT,
  PORTAL_LINK_USED,
  PORTAL_SIGNED_OUT,
  signPortalLink,
  type PortalClient,
} from '@souk/core';
import { resetRateLimit, SOCKET_IP_HEADER } from '@souk/auth';
import { createHash } from 'node:crypto';
import { appRouter } from './root';
import { PORTAL_COOKIE } from './routers/portal';
import { issueInvoice } from './test/invoices';
import { seededDatabaseForFile } from './test/seeded-database';
import { codeOf, errorOf } from './test/trpc-errors';
import { createCallerFactory, createTRPCContext } from './trpc';

const { testDb, c } = seededDatabaseForFile();
const createCaller = createCallerFactory(appRouter);
const tag = crypto.randomUUID().slice(0, 8);
let ipSeq = 0;
let demoId = '';
let acmeId = '';

/** A caller from its own client address (the link limits count per IP). */
function caller(headers: Record<string, string> = {}) {
  ipSeq += 1;
  const h = new Headers({
    [SOCKET_IP_HEADER]: `203.0.113.${ipSeq % 250}`,
    'x-request-id': crypto.randomUUID(),
    ...headers,
  });
  return createCaller(
    createTRPCContext({ db: testDb.db, session: null, headers: h, trustedProxyCidrs: [] }),
  );
}
const withCookie = (token: string) => caller({ cookie: `other=1; ${PORTAL_COOKIE}=${token}` });
const withBearer = (token: string) => caller({ authorization: `Bearer ${token}` });

interface Person {
  id: string;
  email: string;
}

async function person(name: string): Promise<Person> {
  const email = `${name}-${tag}@example.test`;
  const user = await testDb.ownerDb.user.create({ data: { email, name } });
  return { id: user.id, email };
}

const booking = (orgId: string, organizer: Person, eventDate: Date | null, status = 'paid') =>
  testDb.ownerDb.booking.create({
    data: {
      orgId,
      organizerId: organizer.id,
      currency: 'USD',
      status: status as 'paid',
      eventDate,
      totalCents: 210_000,
      amountPaidCents: 63_000,
      locationText: `${organizer.email} venue`,
    },
  });

const outboxFor = (email: string) =>
  testDb.ownerDb.outboxEvent.findMany({
    where: { recipient: email, topic: 'portal.magic_link' },
    orderBy: { createdAt: 'asc' },
  });

function tokenIn(body: string): string {
  const match = /\/portal\/callback\?token=(\S+)/.exec(body);
  expect(match).not.toBeNull();
  return decodeURIComponent(match![1]!);
}

/**
 * Requests a link for `email` and returns the newest link token from the outbox. The
 * per-address limit (3 a minute) is reset first: only the limit test exercises it.
 */
async function linkFor(email: string): Promise<string> {
  await resetRateLimit('portal-link-email', 3, `${demoId}:${email}`);
  await caller().portal.requestLink({ email });
  const rows = await outboxFor(email);
  return tokenIn(rows.at(-1)!.body);
}

async function signIn(email: string): Promise<string> {
  return (await caller().portal.redeemLink({ token: await linkFor(email) })).sessionToken;
}

const days = (n: number) => new Date(Date.now() + n * 86_400_000);
const dateOnly = (d: Date) => new Date(d.toISOString().slice(0, 10));

let alice: Person; // a client with no account in the org: orders by email, bookings
let bob: Person; // another client of the same org
const ids = {
  aliceInvoiceOpen: '',
  aliceInvoicePaid: '',
  aliceOrderOpen: '',
  bobInvoice: '',
  bobOrder: '',
  acmeInvoice: '',
  aliceSoon: '',
  aliceLater: '',
  alicePast: '',
  bobBooking: '',
  acmeBooking: '',
  aliceFile: '',
  bobFile: '',
};

beforeAll(async () => {
  demoId = c.sessions.admin.orgId;
  acmeId = c.sessions.acmeAdmin.orgId;
  alice = await person('alice');
  bob = await person('bob');
  const open = await issueInvoice(testDb.ownerDb, { orgId: demoId, email: alice.email });
  ids.aliceInvoiceOpen = open.invoice.id;
  ids.aliceOrderOpen = open.order.id;
  // Upper case as typed at checkout: the address still matches.
  const paid = await issueInvoice(testDb.ownerDb, {
    orgId: demoId,
    email: alice.email.toUpperCase(),
    status: 'paid',
    payments: [{ amountCents: 10_000, status: 'succeeded' }],
  });
  ids.aliceInvoicePaid = paid.invoice.id;
  const bobs = await issueInvoice(testDb.ownerDb, { orgId: demoId, email: bob.email });
  ids.bobInvoice = bobs.invoice.id;
  ids.bobOrder = bobs.order.id;
  ids.acmeInvoice = (
    await issueInvoice(testDb.ownerDb, { orgId: acmeId, email: alice.email })
  ).invoice.id;

  ids.aliceLater = (await booking(demoId, alice, dateOnly(days(60)))).id;
  ids.aliceSoon = (await booking(demoId, alice, dateOnly(days(10)))).id;
  ids.alicePast = (await booking(demoId, alice, dateOnly(days(-30)), 'completed')).id;
  ids.bobBooking = (await booking(demoId, bob, dateOnly(days(5)))).id;
  ids.acmeBooking = (await booking(acmeId, alice, dateOnly(days(7)))).id;

  const file = (orgId: string, owner: Person, bookingId: string) =>
    testDb.ownerDb.upload.create({
      data: {
        orgId,
        ownerId: owner.id,
        kind: 'venue_photo',
        status: 'stored',
        key: `uploads/${orgId}/${owner.id}/${crypto.randomUUID()}.png`,
        backend: 'local',
        fileName: 'first-dance.png',
        declaredType: 'image/png',
        declaredBytes: 68,
        sniffedType: 'image/png',
        sizeBytes: 68,
        bookingId,
        expiresAt: days(1),
        storedAt: new Date(),
      },
    });
  ids.aliceFile = (await file(demoId, alice, ids.aliceSoon)).id;
  ids.bobFile = (await file(demoId, bob, ids.bobBooking)).id;
});

describe('magic link requests', () => {
  it('emails a known client one signed link through the outbox', async () => {
    const answer = await caller().portal.requestLink({ email: alice.email.toUpperCase() });
    expect(answer.message).toBe(PORTAL_LINK_SENT);
    const rows = await outboxFor(alice.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.orgId).toBe(demoId);
    expect(rows[0]!.subject).toBe('Your sign-in link for Souk Demo');
    const token = tokenIn(rows[0]!.body);
    const [tokenId, orgId, exp] = token.split('.');
    expect(orgId).toBe(demoId);
    const stored = await testDb.ownerDb.portalLoginToken.findUniqueOrThrow({
      where: { id: tokenId },
    });
    expect(stored.email).toBe(alice.email);
    expect(stored.usedAt).toBeNull();
    expect(Number(exp) * 1000).toBe(stored.expiresAt.getTime());
    const minutes = (stored.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(13);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(rows[0]!.body).toContain('works once, for 15 minutes');
  });

  it('gives an unknown address the same answer and sends nothing', async () => {
    const stranger = `nobody-${tag}@example.test`;
    const answer = await caller().portal.requestLink({ email: stranger });
    expect(answer.message).toBe(PORTAL_LINK_SENT);
    expect(await outboxFor(stranger)).toHaveLength(0);
    expect(await testDb.ownerDb.portalLoginToken.count({ where: { email: stranger } })).toBe(0);
  });

  it('treats a member of the org (the demo customer) as known', async () => {
    await caller().portal.requestLink({ email: 'customer@souk.test' });
    expect(await outboxFor('customer@souk.test')).toHaveLength(1);
  });

  it('refuses a bad address beside the field', async () => {
    const error = await errorOf(caller().portal.requestLink({ email: 'not-an-email\u0000' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/Enter your email address/);
  });

  it('limits requests to 5 a minute per IP and 3 a minute per address', async () => {
    const sameIp = caller();
    for (let i = 0; i < 5; i += 1) {
      await sameIp.portal.requestLink({ email: `limit${i}-${tag}@example.test` });
    }
    const refused = await errorOf(
      sameIp.portal.requestLink({ email: `limit9-${tag}@example.test` }),
    );
    expect(refused.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.message).toMatch(/Too many link requests. Try again in \d+ seconds/);

    // Different IPs, one address: the fourth is refused, known address or not.
    for (const email of [bob.email, `ghost-${tag}@example.test`]) {
      for (let i = 0; i < 3; i += 1) await caller().portal.requestLink({ email });
      expect(await codeOf(caller().portal.requestLink({ email }))).toBe('TOO_MANY_REQUESTS');
    }
    expect(await outboxFor(bob.email)).toHaveLength(3);
  });
});

describe('redeeming a link', () => {
  it('opens a session once; the same link again is refused as used', async () => {
    const token = await linkFor(alice.email);
    const session = await caller().portal.redeemLink({ token });
    expect(session.sessionToken).toMatch(new RegExp(`^ps_${demoId}\\.`));
    expect(session.email).toBe(alice.email);
    const hours = (session.expiresAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(167);
    expect(hours).toBeLessThanOrEqual(168);

    const stored = await testDb.ownerDb.portalSession.findMany({ where: { email: alice.email } });
    expect(stored.map((s) => s.tokenHash)).toContain(
      createHash('sha256').update(session.sessionToken).digest('hex'),
    );
    expect(JSON.stringify(stored)).not.toContain(session.sessionToken);
    const tokenRow = await testDb.ownerDb.portalLoginToken.findUniqueOrThrow({
      where: { id: token.split('.')[0] },
    });
    expect(tokenRow.usedAt).not.toBeNull();
    const audit = await testDb.ownerDb.auditLog.findFirst({
      where: { action: 'portal.signed_in', entityId: stored.at(-1)!.id },
    });
    expect(audit?.orgId).toBe(demoId);

    const again = await errorOf(caller().portal.redeemLink({ token }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe(PORTAL_LINK_USED);
    expect(await testDb.ownerDb.portalSession.count({ where: { email: alice.email } })).toBe(
      stored.length,
    );
  });

  it('of two concurrent clicks on one link, exactly one gets a session', async () => {
    const token = await linkFor('customer@souk.test');
    const results = await Promise.allSettled([
      caller().portal.redeemLink({ token }),
      caller().portal.redeemLink({ token }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('refuses a tampered signature, a tampered org and garbage as not valid', async () => {
    const token = await linkFor(alice.email);
    const [id, org, exp, sig] = token.split('.');
    const flipped = `${sig!.slice(0, -1)}${sig!.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [
      `${id}.${org}.${exp}.${flipped}`,
      `${id}.${acmeId}.${exp}.${sig}`,
      `${id}.${org}.${Number(exp) + 3600}.${sig}`,
      'garbage',
    ]) {
      const error = await errorOf(caller().portal.redeemLink({ token: bad }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toBe(PORTAL_LINK_INVALID);
    }
    // Still unused: the genuine link works afterwards.
    expect((await caller().portal.redeemLink({ token })).email).toBe(alice.email);
  });

  it('refuses an expired link, by its signed time or by its row', async () => {
    const past = new Date(Date.now() - 60_000);
    const row = await testDb.ownerDb.portalLoginToken.create({
      data: { orgId: demoId, email: alice.email, expiresAt: past },
    });
    const signedPast = signPortalLink(
      { tokenId: row.id, orgId: demoId, expiresAt: past },
      coreEnv.CLIENT_PORTAL_SECRET,
    );
    const signedFuture = signPortalLink(
      { tokenId: row.id, orgId: demoId, expiresAt: days(1) },
      coreEnv.CLIENT_PORTAL_SECRET,
    );
    for (const token of [signedPast, signedFuture]) {
      const error = await errorOf(caller().portal.redeemLink({ token }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(error.message).toBe(PORTAL_LINK_EXPIRED);
    }
    const after = await testDb.ownerDb.portalLoginToken.findUniqueOrThrow({
      where: { id: row.id },
    });
    expect(after.usedAt).toBeNull();
  });

  it("refuses another org's token presented as this org's", async () => {
    const acmeRow = await testDb.ownerDb.portalLoginToken.create({
      data: { orgId: acmeId, email: alice.email, expiresAt: days(1) },
    });
    const token = signPortalLink(
      { tokenId: acmeRow.id, orgId: demoId, expiresAt: days(1) },
      coreEnv.CLIENT_PORTAL_SECRET,
    );
    const error = await errorOf(caller().portal.redeemLink({ token }));
    expect(error.message).toBe(PORTAL_LINK_INVALID);
    const after = await testDb.ownerDb.portalLoginToken.findUniqueOrThrow({
      where: { id: acmeRow.id },
    });
    expect(after.usedAt).toBeNull();
  });
});

describe("the client's portal", () => {
  let aliceToken = '';
  let bobToken = '';
  beforeAll(async () => {
    aliceToken = await signIn(alice.email);
    bobToken = await signIn(bob.email);
  });

  it('needs a live session: none, a made-up one, or a staff session get 401', async () => {
    expect(await codeOf(caller().portal.listBookings())).toBe('UNAUTHORIZED');
    const error = await errorOf(withCookie(`ps_${demoId}.${'x'.repeat(43)}`).portal.getMe());
    expect(error.code).toBe('UNAUTHORIZED');
    expect(error.message).toBe(PORTAL_SIGNED_OUT);
    expect(await codeOf(c.customer.portal.listInvoices({}))).toBe('UNAUTHORIZED');
  });

  it('shows who is signed in, by cookie or by Bearer header alike', async () => {
    const byCookie = await withCookie(aliceToken).portal.getMe();
    const byBearer = await withBearer(aliceToken).portal.getMe();
    expect(byCookie).toEqual(byBearer);
    expect(byCookie.email).toBe(alice.email);
    expect(byCookie.orgName).toBe('Souk Demo');
    expect(await withBearer(aliceToken).portal.listBookings()).toEqual(
      await withCookie(aliceToken).portal.listBookings(),
    );
  });

  it("lists only the client's bookings in this org, upcoming first", async () => {
    const list = await withCookie(aliceToken).portal.listBookings();
    expect(list.upcoming.map((b) => b.id)).toEqual([ids.aliceSoon, ids.aliceLater]);
    expect(list.others.map((b) => b.id)).toEqual([ids.alicePast]);
    expect(list.upcoming[0]!.statusLabel).toBe('Deposit paid');
    const all = JSON.stringify(list);
    expect(all).not.toContain(ids.bobBooking);
    expect(all).not.toContain(ids.acmeBooking);
  });

  it("shows a booking's detail with its files behind signed app links", async () => {
    const detail = await withCookie(aliceToken).portal.getBooking({ id: ids.aliceSoon });
    expect(detail.amounts.balanceDueCents).toBe(147_000);
    expect(detail.files).toHaveLength(1);
    const file = detail.files[0]!;
    expect(file.fileName).toBe('first-dance.png');
    expect(file.url).toMatch(new RegExp(`^/api/portal/files/${ids.aliceFile}\\?exp=\\d+&sig=`));
    expect(JSON.stringify(detail)).not.toContain('uploads/');
    const ttl = (file.urlExpiresAt.getTime() - Date.now()) / 1000;
    expect(ttl).toBeGreaterThan(290);
    expect(ttl).toBeLessThanOrEqual(300);
  });

  it("answers 404 for another client's booking and another org's", async () => {
    for (const id of [ids.bobBooking, ids.acmeBooking, crypto.randomUUID()]) {
      const error = await errorOf(withCookie(aliceToken).portal.getBooking({ id }));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toBe('Booking not found');
    }
    expect(await codeOf(withCookie(bobToken).portal.getBooking({ id: ids.aliceSoon }))).toBe(
      'NOT_FOUND',
    );
  });

  it("lists only the client's invoices, with a pay link while unpaid and a receipt once paid", async () => {
    const list = await withCookie(aliceToken).portal.listInvoices({});
    expect(list.total).toBe(2);
    const byId = new Map(list.items.map((i) => [i.id, i]));
    expect([...byId.keys()].sort()).toEqual([ids.aliceInvoiceOpen, ids.aliceInvoicePaid].sort());
    const open = byId.get(ids.aliceInvoiceOpen)!;
    expect(open.status).toBe('open');
    expect(open.balanceDueCents).toBe(10_000);
    expect(open.payUrl).toMatch(new RegExp(`^/checkout/resume/${ids.aliceOrderOpen}\\.`));
    expect(open.receiptUrl).toBeNull();
    const paid = byId.get(ids.aliceInvoicePaid)!;
    expect(paid.payUrl).toBeNull();
    expect(paid.receiptUrl).toBe(`/portal/invoices/${ids.aliceInvoicePaid}/receipt`);

    const detail = await withCookie(aliceToken).portal.getInvoice({ id: ids.aliceInvoicePaid });
    expect(detail.lines).toHaveLength(1);
    expect(detail.payments.map((p) => p.status)).toEqual(['succeeded']);
    expect(detail.billedTo).toBe(alice.email);
  });

  it("answers 404 for another client's invoice and order, and another org's", async () => {
    for (const id of [ids.bobInvoice, ids.acmeInvoice]) {
      const error = await errorOf(withCookie(aliceToken).portal.getInvoice({ id }));
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toBe('Invoice not found');
    }
    expect(await codeOf(withCookie(aliceToken).portal.getOrder({ id: ids.bobOrder }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(withCookie(aliceToken).portal.getInvoice({ id: 'nope' }))).toBe(
      'BAD_REQUEST',
    );
  });

  it("lists and opens only the client's orders", async () => {
    const orders = await withBearer(aliceToken).portal.listOrders({});
    expect(orders.total).toBe(2);
    expect(orders.items.map((o) => o.id)).toContain(ids.aliceOrderOpen);
    const order = await withBearer(aliceToken).portal.getOrder({ id: ids.aliceOrderOpen });
    expect(order.invoice?.id).toBe(ids.aliceInvoiceOpen);
    expect((await withBearer(bobToken).portal.listOrders({})).items.map((o) => o.id)).toEqual([
      ids.bobOrder,
    ]);
  });

  it('signing out ends the session for cookie and Bearer alike', async () => {
    const token = await signIn(alice.email);
    expect((await withBearer(token).portal.signOut()).signedOut).toBe(true);
    expect(await codeOf(withCookie(token).portal.getMe())).toBe('UNAUTHORIZED');
    expect(await codeOf(withBearer(token).portal.listInvoices({}))).toBe('UNAUTHORIZED');
    // Other sessions of the same client carry on.
    expect((await withCookie(aliceToken).portal.getMe()).email).toBe(alice.email);
  });
});

describe('signed file links', () => {
  const clientOf = (email: string, orgId = demoId): PortalClient => ({
    sessionId: crypto.randomUUID(),
    orgId,
    email,
    expiresAt: days(1),
  });
  const parts = (url: string) => {
    const q = new URL(url, 'http://app').searchParams;
    return { exp: q.get('exp'), sig: q.get('sig') };
  };
  let url = '';
  beforeAll(async () => {
    const token = await signIn(alice.email);
    const detail = await withCookie(token).portal.getBooking({ id: ids.aliceSoon });
    url = detail.files[0]!.url;
  });

  it('a valid link for the owning client redirects to a short-lived storage URL', async () => {
    const outcome = await portalFileDownload({
      db: testDb.db,
      client: clientOf(alice.email),
      uploadId: ids.aliceFile,
      ...parts(url),
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.url).toMatch(new RegExp(`/api/uploads/${ids.aliceFile}\\?.*op=get.*sig=`));
    expect(outcome.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
  });

  it('refuses an expired link and a wrong signature', async () => {
    const later = new Date(Date.now() + 301_000);
    const expired = await portalFileDownload({
      db: testDb.db,
      client: clientOf(alice.email),
      uploadId: ids.aliceFile,
      ...parts(url),
      now: later,
    });
    expect(expired).toMatchObject({ ok: false, problem: 'expired' });
    const { exp, sig } = parts(url);
    for (const bad of [
      { exp, sig: `${sig}x` },
      { exp: String(Number(exp) + 60), sig },
      { exp: null, sig: null },
    ]) {
      const outcome = await portalFileDownload({
        db: testDb.db,
        client: clientOf(alice.email),
        uploadId: ids.aliceFile,
        ...bad,
      });
      expect(outcome).toMatchObject({ ok: false, problem: 'bad_signature' });
    }
    // A link minted for another file does not open this one.
    const other = await portalFileDownload({
      db: testDb.db,
      client: clientOf(alice.email),
      uploadId: ids.bobFile,
      ...parts(url),
    });
    expect(other).toMatchObject({ ok: false, problem: 'bad_signature' });
  });

  it("refuses another client, and another org's session, even with a valid link", async () => {
    const asBob = await portalFileDownload({
      db: testDb.db,
      client: clientOf(bob.email),
      uploadId: ids.aliceFile,
      ...parts(url),
    });
    expect(asBob).toMatchObject({ ok: false, problem: 'not_found' });
    const asAcme = await portalFileDownload({
      db: testDb.db,
      client: clientOf(alice.email, acmeId),
      uploadId: ids.aliceFile,
      ...parts(url),
    });
    expect(asAcme).toMatchObject({ ok: false, problem: 'bad_signature' });
  });
});
