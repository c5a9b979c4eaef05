// Spec 004 API tokens over HTTP, as an outside client sees them: token exchange, Bearer
// access to procedures, refresh rotation, reuse detection (revokes everything), hashing
// at rest, expiry, rate limits, the planner access check and MFA at token exchange.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { withTenant } from '@souk/db';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import { beginEnrollment, hashPassword, totpCodeAt } from '@souk/auth';
import { appRouter } from './root';
import { createTRPCContext } from './trpc';
import { seededCallers } from './test/harness';
import {
  handlePlannerAccessCheck,
  handleRefreshRequest,
  handleTokenRequest,
  resolveBearer,
} from './rest/api-tokens';

const PASSWORD = 'correct horse battery staple 42';
let testDb: TestDatabase;
let demoOrgId: string;
let callers: Awaited<ReturnType<typeof seededCallers>>;
let ipCounter = 0;

/** A fresh client address per test: the sign-in and refresh limits are per IP. */
const nextIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  testDb = await createTestDatabase();
  callers = await seededCallers(testDb.db);
  demoOrgId = (await testDb.ownerDb.organization.findUniqueOrThrow({ where: { slug: 'demo' } })).id;
});
afterAll(async () => {
  await testDb?.drop();
});

async function createUser(role: 'CUSTOMER' | 'ADMIN' | 'DISPATCHER' = 'CUSTOMER') {
  const email = `api-${crypto.randomUUID().slice(0, 8)}@tokens.test`;
  const user = await testDb.ownerDb.user.create({
    data: { email, name: 'API client', passwordHash: await hashPassword(PASSWORD) },
  });
  await testDb.ownerDb.membership.create({ data: { orgId: demoOrgId, userId: user.id, role } });
  return { id: user.id, email };
}

function jsonRequest(path: string, body: unknown, ip: string, raw?: string): Request {
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-souk-socket-ip': ip },
    body: raw ?? JSON.stringify(body),
  });
}

interface TokenBody {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  refresh_expires_in: number;
}
interface ErrorBody {
  error: string;
  message: string;
  details?: Record<string, unknown>;
}

async function token(body: unknown, ip = nextIp()) {
  const res = await handleTokenRequest(jsonRequest('/api/auth/token', body, ip), {
    db: testDb.db,
  });
  return { status: res.status, body: (await res.json()) as TokenBody & ErrorBody, res };
}

async function refresh(refreshToken: string, ip = nextIp()) {
  const res = await handleRefreshRequest(
    jsonRequest('/api/auth/refresh', { refresh_token: refreshToken }, ip),
    { db: testDb.db },
  );
  return { status: res.status, body: (await res.json()) as TokenBody & ErrorBody, res };
}

async function signIn(email: string) {
  const { status, body } = await token({ email, password: PASSWORD });
  expect(status).toBe(200);
  return body;
}

/** What apps/web's tRPC route does: the Bearer token stands for the session. */
async function trpcQuery(path: string, accessToken: string) {
  const req = new Request(`http://localhost/api/trpc/${path}`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const bearer = await resolveBearer(req.headers, testDb.db);
  if (bearer.kind === 'invalid') return { status: 401, message: bearer.message, data: null };
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: () =>
      createTRPCContext({
        headers: req.headers,
        session: bearer.kind === 'session' ? bearer.session : null,
        db: testDb.db,
      }),
  });
  const json = (await res.json()) as {
    result?: { data: Parameters<typeof superjson.deserialize>[0] };
    error?: Parameters<typeof superjson.deserialize>[0];
  };
  const data = json.result
    ? superjson.deserialize<Record<string, unknown>>(json.result.data)
    : null;
  const error = json.error ? superjson.deserialize<{ message: string }>(json.error) : null;
  return { status: res.status, message: error?.message ?? null, data };
}

async function plannerCheck(accessToken: string | null) {
  const req = new Request('http://localhost/api/planner/access-check', {
    headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
  });
  const res = await handlePlannerAccessCheck(req, { db: testDb.db });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, res };
}

const liveTokens = (userId: string) =>
  withTenant(testDb.db, { orgId: demoOrgId }, (tx) =>
    tx.apiToken.count({ where: { userId, revokedAt: null } }),
  );

describe('token exchange', () => {
  it('gives an access token (15 min) and a refresh token (14 days) for good credentials', async () => {
    const user = await createUser();
    const body = await signIn(user.email);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(15 * 60);
    expect(body.refresh_expires_in).toBe(14 * 24 * 60 * 60);
    expect(body.access_token).toMatch(new RegExp(`^sat_${demoOrgId}\\.`));
    expect(body.refresh_token).toMatch(new RegExp(`^srt_${demoOrgId}\\.`));
    const rows = await testDb.ownerDb.apiToken.findMany({ where: { userId: user.id } });
    expect(rows.map((r) => r.kind).sort()).toEqual(['access', 'refresh']);
    expect(new Set(rows.map((r) => r.familyId)).size).toBe(1);
  });

  it('answers wrong credentials with the same generic words, whatever was wrong', async () => {
    const user = await createUser();
    const wrongPassword = await token({ email: user.email, password: 'not the password 123' });
    const unknownEmail = await token({ email: 'nobody@tokens.test', password: PASSWORD });
    for (const answer of [wrongPassword, unknownEmail]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        error: 'invalid_credentials',
        message: 'Email or password is incorrect',
      });
    }
    expect(await testDb.ownerDb.apiToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it('is limited like sign-in: the 6th attempt in a minute from one address gets 429', async () => {
    const ip = nextIp();
    for (let i = 0; i < 5; i++) {
      expect((await token({ email: 'nobody@tokens.test', password: 'x' }, ip)).status).toBe(401);
    }
    const limited = await token({ email: 'nobody@tokens.test', password: 'x' }, ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses malformed bodies with words and a 4xx, never a 5xx', async () => {
    const ip = nextIp();
    const send = async (raw: string, contentType = 'application/json') => {
      const req = new Request('http://localhost/api/auth/token', {
        method: 'POST',
        headers: { 'content-type': contentType, 'x-souk-socket-ip': ip },
        body: raw,
      });
      const res = await handleTokenRequest(req, { db: testDb.db });
      return { status: res.status, body: (await res.json()) as ErrorBody };
    };
    const broken = await send('{"email": ');
    expect(broken).toEqual({
      status: 400,
      body: { error: 'invalid_request', message: 'The body is not valid JSON' },
    });
    const nul = await send(JSON.stringify({ email: 'a\u0000@b.test', password: 'x\u0000y' }));
    expect(nul.status).toBe(400);
    expect(nul.body.error).toBe('validation_error');
    expect(nul.body.message).toMatch(/email|character/i);
    const huge = await send(JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(100_000) }));
    expect(huge.status).toBe(413);
    expect((await send('email=a', 'application/x-www-form-urlencoded')).status).toBe(400);
    expect((await send('[]')).status).toBe(400);
    const refreshNul = await handleRefreshRequest(
      jsonRequest('/api/auth/refresh', { refresh_token: 'srt_\u0000' }, nextIp()),
      { db: testDb.db },
    );
    expect(refreshNul.status).toBe(400);
  });
});

describe('access tokens', () => {
  it('stand for the user on procedures (tRPC over HTTP with Authorization: Bearer)', async () => {
    const user = await createUser();
    const { access_token } = await signIn(user.email);
    const me = await trpcQuery('auth.getCurrentUser', access_token);
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ user: { email: user.email }, role: 'CUSTOMER' });
    // A permissioned procedure runs under the user's org and role.
    const subscription = await trpcQuery('marketplace.organizer.getSubscription', access_token);
    expect(subscription.status).toBe(200);
    expect(subscription.data).toMatchObject({ status: 'none', hasAccess: false });
    // ... and a role the user does not have is still refused.
    const staffOnly = await trpcQuery('ops.listFeatureFlags', access_token);
    expect(staffOnly.status).toBe(403);
  });

  it('are kept hashed: no row holds the token strings', async () => {
    const user = await createUser();
    const body = await signIn(user.email);
    const rows = await testDb.ownerDb.apiToken.findMany({ where: { userId: user.id } });
    const dump = JSON.stringify(rows);
    for (const value of [body.access_token, body.refresh_token]) {
      expect(dump).not.toContain(value);
      expect(dump).not.toContain(value.split('.')[1]);
      expect(rows.map((r) => r.tokenHash)).toContain(
        createHash('sha256').update(value).digest('hex'),
      );
    }
  });

  it('stop working once expired, or when the user or membership is disabled', async () => {
    const user = await createUser();
    const { access_token } = await signIn(user.email);
    expect((await trpcQuery('auth.getCurrentUser', access_token)).status).toBe(200);
    await testDb.ownerDb.apiToken.updateMany({
      where: { userId: user.id, kind: 'access' },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await trpcQuery('auth.getCurrentUser', access_token);
    expect(expired.status).toBe(401);
    expect(expired.message).toMatch(/expired/);

    const other = await createUser();
    const second = await signIn(other.email);
    await testDb.ownerDb.membership.updateMany({
      where: { userId: other.id },
      data: { disabledAt: new Date() },
    });
    expect((await trpcQuery('auth.getCurrentUser', second.access_token)).status).toBe(401);
  });

  it('end when an admin signs the user out everywhere, or removes them', async () => {
    const user = await createUser('DISPATCHER');
    const first = await signIn(user.email);
    expect((await trpcQuery('auth.getCurrentUser', first.access_token)).status).toBe(200);
    await callers.admin.users.signOutEverywhere({ userId: user.id });
    expect((await trpcQuery('auth.getCurrentUser', first.access_token)).status).toBe(401);
    expect((await refresh(first.refresh_token)).status).toBe(401);

    const second = await signIn(user.email);
    await callers.admin.users.removeMember({ userId: user.id });
    expect((await trpcQuery('auth.getCurrentUser', second.access_token)).status).toBe(401);
  });

  it('refuse a forged token for another org or of the wrong kind', async () => {
    const user = await createUser();
    const body = await signIn(user.email);
    const forged = body.access_token.replace(demoOrgId, crypto.randomUUID());
    expect((await trpcQuery('auth.getCurrentUser', forged)).status).toBe(401);
    // A refresh token is not an access token: no session comes of it.
    const withRefresh = await trpcQuery(
      'marketplace.organizer.getSubscription',
      body.refresh_token,
    );
    expect(withRefresh.status).toBe(401);
    expect(withRefresh.message).toBe('Sign in to continue');
    expect((await trpcQuery('auth.getCurrentUser', 'sat_garbage')).status).toBe(401);
  });
});

describe('refresh', () => {
  it('rotates: a new pair of the same family, the old refresh token spent', async () => {
    const user = await createUser();
    const first = await signIn(user.email);
    const second = await refresh(first.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.refresh_token);
    expect((await trpcQuery('auth.getCurrentUser', second.body.access_token)).status).toBe(200);

    const rows = await testDb.ownerDb.apiToken.findMany({
      where: { userId: user.id, kind: 'refresh' },
      orderBy: { createdAt: 'asc' },
    });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.revokedAt).not.toBeNull();
    expect(rows[0]!.replacedById).toBe(rows[1]!.id);
    expect(rows[1]!.revokedAt).toBeNull();
    expect(rows[0]!.familyId).toBe(rows[1]!.familyId);
  });

  it('reuse of a spent refresh token revokes every token of the user', async () => {
    const user = await createUser();
    // Two logins (two families): reuse in one revokes both.
    const first = await signIn(user.email);
    const otherLogin = await signIn(user.email);
    const rotated = await refresh(first.refresh_token);
    expect(rotated.status).toBe(200);
    // Two pairs per login, one more after the rotation (the spent refresh token is revoked).
    expect(await liveTokens(user.id)).toBe(5);

    const reuse = await refresh(first.refresh_token);
    expect(reuse.status).toBe(401);
    expect(reuse.body.error).toBe('refresh_token_reuse_detected');
    expect(reuse.body.message).toMatch(/every token of this account has been revoked/);
    expect(await liveTokens(user.id)).toBe(0);

    // The thief's and the owner's newer tokens all stop working.
    expect((await trpcQuery('auth.getCurrentUser', rotated.body.access_token)).status).toBe(401);
    expect((await trpcQuery('auth.getCurrentUser', otherLogin.access_token)).status).toBe(401);
    expect((await refresh(rotated.body.refresh_token)).body.error).toBe(
      'refresh_token_reuse_detected',
    );
    const audit = await testDb.ownerDb.auditLog.findFirst({
      where: { action: 'api_token.reuse_detected', entityId: user.id },
    });
    expect(audit?.after).toMatchObject({ revokedTokens: 5 });
  });

  it('refuses an expired refresh token with words', async () => {
    const user = await createUser();
    const body = await signIn(user.email);
    await testDb.ownerDb.apiToken.updateMany({
      where: { userId: user.id, kind: 'refresh' },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const answer = await refresh(body.refresh_token);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      error: 'token_expired',
      message: 'This refresh token has expired: sign in again',
    });
  });

  it('is limited to 10 per minute per address: the 11th gets 429 with Retry-After', async () => {
    const ip = nextIp();
    for (let i = 0; i < 10; i++) {
      expect((await refresh(`srt_${demoOrgId}.${'a'.repeat(43)}`, ip)).status).toBe(401);
    }
    const limited = await refresh(`srt_${demoOrgId}.${'a'.repeat(43)}`, ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await refresh(`srt_${demoOrgId}.${'a'.repeat(43)}`, nextIp())).status).toBe(401);
  });
});

describe('GET /api/planner/access-check', () => {
  it('needs a token, and opens with a subscription only', async () => {
    expect((await plannerCheck(null)).status).toBe(401);
    expect((await plannerCheck('sat_nope')).body.error).toBe('invalid_token');

    const user = await createUser();
    const { access_token } = await signIn(user.email);
    const closed = await plannerCheck(access_token);
    expect(closed.status).toBe(403);
    expect(closed.body).toMatchObject({
      error: 'subscription_required',
      details: { allowed: false, subscriptionStatus: 'none' },
    });
    expect(closed.body.message).toMatch(/start a free trial/);

    await withTenant(testDb.db, { orgId: demoOrgId }, (tx) =>
      tx.organizerSubscription.create({
        data: { orgId: demoOrgId, userId: user.id, status: 'active' },
      }),
    );
    const open = await plannerCheck(access_token);
    expect(open.status).toBe(200);
    expect(open.body).toMatchObject({ allowed: true, subscriptionStatus: 'active', reason: null });
  });

  it('allows 20 calls a minute per user; the 21st gets 429', async () => {
    const user = await createUser();
    const { access_token } = await signIn(user.email);
    for (let i = 0; i < 20; i++) expect((await plannerCheck(access_token)).status).toBe(403);
    const limited = await plannerCheck(access_token);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toBe('rate_limited');
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same procedure in the app shares the count.
    const viaTrpc = await trpcQuery('marketplace.organizer.checkPlannerAccess', access_token);
    expect(viaTrpc.status).toBe(429);
  });
});

describe('two-step verification at token exchange', () => {
  it('asks for the code when TOTP is on; a valid code gives an MFA-verified token', async () => {
    const user = await createUser('ADMIN');
    const { secret } = await beginEnrollment({ db: testDb.db, userId: user.id });
    await testDb.ownerDb.user.update({
      where: { id: user.id },
      data: { totpEnabledAt: new Date(Date.now() - 60_000) },
    });

    const missing = await token({ email: user.email, password: PASSWORD });
    expect(missing.status).toBe(401);
    expect(missing.body.error).toBe('mfa_required');
    const wrong = await token({ email: user.email, password: PASSWORD, code: '000000' });
    expect(wrong.body.error).toBe('mfa_required');
    // A wrong password still reads as wrong credentials: the code need is not revealed.
    const badPassword = await token({ email: user.email, password: 'wrong password 1234' });
    expect(badPassword.body.error).toBe('invalid_credentials');

    const code = await totpCodeAt(secret, Math.floor(Date.now() / 1000));
    const ok = await token({ email: user.email, password: PASSWORD, code });
    expect(ok.status).toBe(200);
    const session = await resolveBearer(
      new Headers({ authorization: `Bearer ${ok.body.access_token}` }),
      testDb.db,
    );
    expect(session.kind === 'session' && session.session.mfaVerified).toBe(true);
  });

  it('marks tokens of a user without TOTP as not MFA-verified (like their browser session)', async () => {
    const user = await createUser('ADMIN');
    const body = await signIn(user.email);
    const session = await resolveBearer(
      new Headers({ authorization: `Bearer ${body.access_token}` }),
      testDb.db,
    );
    expect(session.kind === 'session' && session.session.mfaVerified).toBe(false);
  });
});
