// Spec 002 admin safety: the MFA gate (ADMIN_MFA_REQUIRED), break-glass sessions under
// ADMIN_READ_ONLY and the admin IP allowlist (ADMIN_IP_ALLOWLIST_CIDRS). The switches
// are set per caller (createTRPCContext's adminSafety), the way the environment sets
// them for the app, so one database serves every case.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import {
  parseTrustedCidrs,
  SOCKET_IP_HEADER,
  type SoukSession,
  type TrustedCidr,
} from '@souk/auth';
import { withOrg } from '@souk/db';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { appRouter } from './root';
import { seededCallers } from './test/harness';
import {
  createCallerFactory,
  createTRPCContext,
  MFA_REQUIRED_MESSAGE,
  type AdminSafetySettings,
} from './trpc';

const createCaller = createCallerFactory(appRouter);
const READ_ONLY_MESSAGE = 'Admin is in read-only mode: changes are paused during an incident';

let testDb: TestDatabase;
let c: Awaited<ReturnType<typeof seededCallers>>;
let productId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  c = await seededCallers(testDb.db);
  productId = (await c.admin.catalog.listProducts({ search: 'instagram' })).items[0]!.id;
});
afterAll(async () => {
  await testDb?.drop();
});

interface CallOptions {
  headers?: Record<string, string>;
  safety?: Partial<AdminSafetySettings>;
  trusted?: TrustedCidr[];
}

function contextFor(session: SoukSession | null, options: CallOptions = {}) {
  return createTRPCContext({
    db: testDb.db,
    session,
    headers: new Headers({ 'x-request-id': crypto.randomUUID(), ...options.headers }),
    trustedProxyCidrs: options.trusted ?? [],
    adminSafety: { readOnly: false, mfaRequired: false, ipAllowlist: [], ...options.safety },
  });
}

function callerFor(session: SoukSession | null, options: CallOptions = {}) {
  return createCaller(contextFor(session, options));
}

const readOnly = { safety: { readOnly: true } };

/** A real auth_sessions row for the seeded user, so a break-glass redeem can mark it. */
async function signedIn(base: SoukSession): Promise<SoukSession> {
  const row = await testDb.db.authSession.create({
    data: {
      userId: base.user.id,
      activeOrgId: base.orgId,
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return { ...base, sid: row.id, breakGlassId: null };
}

async function auditRows(orgId: string, action: string) {
  return withOrg(testDb.ownerDb, orgId, (tx) =>
    tx.auditLog.findMany({ where: { action }, orderBy: { createdAt: 'asc' } }),
  );
}

async function rename(session: SoukSession, options: CallOptions, name: string) {
  return callerFor(session, options).catalog.updateProduct({ id: productId, name });
}

async function productName() {
  return (await c.admin.catalog.getProduct({ id: productId })).name;
}

describe('ADMIN_MFA_REQUIRED', () => {
  const mfa = { safety: { mfaRequired: true } };

  it('refuses an OWNER/ADMIN session without a code, reads included, with type mfa_required', async () => {
    const admin = { ...c.sessions.admin, mfaVerified: false };
    await expect(
      callerFor(admin, mfa).catalog.listProducts({ search: 'instagram' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: MFA_REQUIRED_MESSAGE });

    // Over HTTP the error carries data.type for the client to act on.
    const input = encodeURIComponent(JSON.stringify({ json: { search: 'instagram' } }));
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: new Request(`http://souk.test/api/trpc/catalog.listProducts?input=${input}`),
      router: appRouter,
      createContext: () => contextFor(admin, mfa),
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as {
      error: { json: { message: string; data: { type: string | null; httpStatus: number } } };
    };
    expect(body.error.json.message).toBe(MFA_REQUIRED_MESSAGE);
    expect(body.error.json.data).toMatchObject({ type: 'mfa_required', httpStatus: 403 });
  });

  it('lets a code-verified OWNER/ADMIN session through, and other roles and customers', async () => {
    const verified = { ...c.sessions.admin, mfaVerified: true };
    expect(
      (await callerFor(verified, mfa).catalog.listProducts({ search: 'instagram' })).total,
    ).toBe(1);
    // VIEWER is not an MFA role.
    expect(
      (await callerFor(c.sessions.viewer, mfa).catalog.listProducts({ search: 'instagram' })).total,
    ).toBe(1);
    // Self-service work is never gated.
    const mine = await callerFor(c.sessions.customer, mfa).marketplace.organizer.listBookings({});
    expect(mine.items).toEqual(expect.any(Array));
  });

  it('is off by default: an admin without a code works', async () => {
    const admin = { ...c.sessions.admin, mfaVerified: false };
    expect((await callerFor(admin).catalog.listProducts({ search: 'instagram' })).total).toBe(1);
  });
});

describe('break-glass under ADMIN_READ_ONLY', () => {
  it('cannot be started while read-only mode is off', async () => {
    await expect(
      callerFor(c.sessions.admin).adminSafety.startBreakGlass({
        reason: 'Not an incident',
        ttlMinutes: 10,
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Read-only mode is off: changes are allowed without break-glass',
    });
  });

  it('is for OWNER and ADMIN only, and needs a reason and a duration in range', async () => {
    await expect(
      callerFor(c.sessions.viewer, readOnly).adminSafety.startBreakGlass({
        reason: 'Viewer tries',
        ttlMinutes: 10,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const admin = callerFor(c.sessions.admin, readOnly).adminSafety;
    await expect(admin.startBreakGlass({ reason: ' x ', ttlMinutes: 10 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(admin.startBreakGlass({ reason: 'Long one', ttlMinutes: 241 })).rejects.toThrow(
      /Duration must be at most 240 minutes/,
    );
  });

  it('shows the token once, keeps only its hash, audits the reason; writes go through with the header', async () => {
    const reason = 'INC-101 price typo on the Instagram product';
    const started = await callerFor(c.sessions.admin, readOnly).adminSafety.startBreakGlass({
      reason,
      ttlMinutes: 30,
    });
    expect(started.token).toMatch(/^bg_[A-Za-z0-9_-]{43}$/);
    expect(started.expiresAt.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);

    const row = await withOrg(testDb.ownerDb, c.sessions.admin.orgId, (tx) =>
      tx.breakGlassSession.findUniqueOrThrow({ where: { id: started.id } }),
    );
    expect(row.tokenHash).not.toBe(started.token);
    expect(row.tokenHash).toBe(createHash('sha256').update(started.token).digest('hex'));
    expect(row.reason).toBe(reason);
    const history = await callerFor(c.sessions.admin).adminSafety.listBreakGlassSessions();
    expect(JSON.stringify(history)).not.toContain(row.tokenHash);
    expect(history.find((h) => h.id === started.id)).toMatchObject({
      reason,
      status: 'active',
      startedBy: 'admin@souk.test',
    });

    const startedAudit = await auditRows(c.sessions.admin.orgId, 'break_glass.started');
    const mine = startedAudit.find((a) => a.entityId === started.id)!;
    expect(mine.after).toMatchObject({ reason, ttlMinutes: 30 });
    expect(JSON.stringify(startedAudit)).not.toContain(started.token);

    // Without the token the edit is refused and nothing changes.
    await expect(rename(c.sessions.admin, readOnly, 'No token')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: READ_ONLY_MESSAGE,
    });
    expect(await productName()).not.toBe('No token');

    await rename(
      c.sessions.admin,
      { ...readOnly, headers: { 'x-break-glass-token': started.token } },
      'Instagram Growth (fixed)',
    );
    expect(await productName()).toBe('Instagram Growth (fixed)');
    const writes = await auditRows(c.sessions.admin.orgId, 'break_glass.write');
    expect(writes.find((w) => w.entityId === started.id)).toMatchObject({
      actorEmail: 'admin@souk.test',
      after: expect.objectContaining({ reason, procedure: 'catalog.updateProduct', via: 'token' }),
    });
  });

  it('redeems once into the signed-in session; writes go through until it is ended', async () => {
    const reason = 'INC-102 customer data fix';
    const admin = await signedIn(c.sessions.admin);
    const started = await callerFor(admin, readOnly).adminSafety.startBreakGlass({
      reason,
      ttlMinutes: 15,
    });
    const redeemed = await callerFor(admin, readOnly).adminSafety.redeemBreakGlass({
      token: started.token,
    });
    expect(redeemed).toMatchObject({ id: started.id, reason });
    const marked = await testDb.ownerDb.authSession.findUniqueOrThrow({ where: { id: admin.sid } });
    expect(marked.breakGlassId).toBe(started.id);

    // A token redeems once, whoever tries again.
    const other = await signedIn(c.sessions.admin);
    await expect(
      callerFor(other, readOnly).adminSafety.redeemBreakGlass({ token: started.token }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This break-glass token was already used',
    });

    // The session as the next request loads it: marked.
    const marking = { ...admin, breakGlassId: marked.breakGlassId };
    const status = await callerFor(marking, readOnly).adminSafety.getBreakGlassStatus();
    expect(status).toMatchObject({ readOnly: true, isActive: true, reason });

    await rename(marking, readOnly, 'Renamed under the session mark');
    expect(await productName()).toBe('Renamed under the session mark');
    const writes = await auditRows(c.sessions.admin.orgId, 'break_glass.write');
    expect(writes.filter((w) => w.entityId === started.id).map((w) => w.after)).toEqual([
      expect.objectContaining({ reason, via: 'session', procedure: 'catalog.updateProduct' }),
    ]);

    await callerFor(marking, readOnly).adminSafety.endBreakGlass();
    const after = await testDb.ownerDb.authSession.findUniqueOrThrow({ where: { id: admin.sid } });
    expect(after.breakGlassId).toBeNull();
    expect((await auditRows(c.sessions.admin.orgId, 'break_glass.ended')).length).toBe(1);
    // A stale session still naming it, or the token itself, no longer writes.
    await expect(rename(marking, readOnly, 'After the end')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `${READ_ONLY_MESSAGE}. This break-glass session was ended`,
    });
    await expect(
      rename(
        c.sessions.admin,
        { ...readOnly, headers: { 'x-break-glass-token': started.token } },
        'After the end',
      ),
    ).rejects.toMatchObject({
      message: `${READ_ONLY_MESSAGE}. This break-glass session was ended`,
    });
    expect(await productName()).toBe('Renamed under the session mark');
  });

  it('refuses an expired token and a token of another org', async () => {
    const started = await callerFor(c.sessions.admin, readOnly).adminSafety.startBreakGlass({
      reason: 'INC-103 short window',
      ttlMinutes: 1,
    });
    const header = { ...readOnly, headers: { 'x-break-glass-token': started.token } };

    // Another org's admin: the token does not exist for them.
    await expect(
      callerFor(c.sessions.acmeAdmin, header).catalog.updateProduct({
        id: productId,
        name: 'Acme emergency',
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `${READ_ONLY_MESSAGE}. The X-Break-Glass-Token is not valid for this organisation`,
    });
    await expect(
      callerFor(await signedIn(c.sessions.acmeAdmin), readOnly).adminSafety.redeemBreakGlass({
        token: started.token,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Time passes: the window closed an hour ago.
    await withOrg(testDb.ownerDb, c.sessions.admin.orgId, (tx) =>
      tx.breakGlassSession.update({
        where: { id: started.id },
        data: {
          createdAt: new Date(Date.now() - 2 * 3_600_000),
          expiresAt: new Date(Date.now() - 3_600_000),
        },
      }),
    );
    await expect(rename(c.sessions.admin, header, 'Too late')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `${READ_ONLY_MESSAGE}. This break-glass session has expired`,
    });
    await expect(
      callerFor(await signedIn(c.sessions.admin), readOnly).adminSafety.redeemBreakGlass({
        token: started.token,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'This break-glass session has expired' });
    expect(await productName()).not.toBe('Too late');
    const history = await callerFor(c.sessions.admin).adminSafety.listBreakGlassSessions();
    expect(history.find((h) => h.id === started.id)?.status).toBe('expired');
  });
});

describe('ADMIN_IP_ALLOWLIST_CIDRS', () => {
  const allowlist = parseTrustedCidrs('203.0.113.0/24, 2001:db8::/32');
  const proxies = parseTrustedCidrs('10.0.0.0/8');
  const from = (headers: Record<string, string>) => ({
    headers,
    trusted: proxies,
    safety: { ipAllowlist: allowlist },
  });

  it('lets a listed client in through a trusted proxy', async () => {
    const behindProxy = from({ [SOCKET_IP_HEADER]: '10.0.4.2', 'x-forwarded-for': '203.0.113.77' });
    expect(
      (await callerFor(c.sessions.admin, behindProxy).catalog.listProducts({ search: 'instagram' }))
        .total,
    ).toBe(1);
    const direct = from({ [SOCKET_IP_HEADER]: '::ffff:203.0.113.9' });
    expect(
      (await callerFor(c.sessions.admin, direct).catalog.listProducts({ search: 'instagram' }))
        .total,
    ).toBe(1);
  });

  it('ignores X-Forwarded-For from an untrusted peer and names the address it refuses', async () => {
    const spoofed = from({
      [SOCKET_IP_HEADER]: '198.51.100.23',
      'x-forwarded-for': '203.0.113.77',
    });
    await expect(
      callerFor(c.sessions.admin, spoofed).catalog.listProducts({ search: 'instagram' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'Your address (198.51.100.23) is not on the admin allowlist',
    });
    // A trusted proxy naming an outside client: that client is refused.
    const outside = from({ [SOCKET_IP_HEADER]: '10.0.4.2', 'x-forwarded-for': '192.0.2.50' });
    await expect(callerFor(c.sessions.viewer, outside).audit.listEntries({})).rejects.toMatchObject(
      {
        code: 'FORBIDDEN',
        message: 'Your address (192.0.2.50) is not on the admin allowlist',
      },
    );
    // Unknown peer (no socket header): refused rather than guessed.
    await expect(
      callerFor(c.sessions.admin, from({})).catalog.listProducts({ search: 'instagram' }),
    ).rejects.toMatchObject({ message: 'Your address (unknown) is not on the admin allowlist' });
  });

  it('does not touch customers and vendors acting for themselves', async () => {
    const outside = from({ [SOCKET_IP_HEADER]: '192.0.2.50' });
    const mine = await callerFor(c.sessions.customer, outside).marketplace.organizer.listBookings(
      {},
    );
    expect(mine.items).toEqual(expect.any(Array));
  });
});
