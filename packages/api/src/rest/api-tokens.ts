// REST for programmatic clients (spec 004): POST /api/auth/token, POST /api/auth/refresh,
// GET /api/planner/access-check, and the Bearer resolution the tRPC route shares. The
// Next route handlers are one line each around these, so tests call them directly.
import {
  clientIpFromHeaders,
  issueApiTokens,
  refreshApiTokens,
  resolveAccessToken,
  type ApiTokenPair,
  type SoukSession,
  type TrustedCidr,
} from '@souk/auth';
import { apiTokenRefreshInput, apiTokenRequestInput } from '@souk/core';
import { getDb, type Db } from '@souk/db';
import { appRouter } from '../root';
import { createCallerFactory, createTRPCContext } from '../trpc';
import { errorResponse, jsonError, jsonOk, readJsonBody, validationError } from './json';

export interface RestOptions {
  /** Tests pass their own database; the app uses the process-wide client. */
  db?: Db;
  /** Tests pass their own proxy ranges; the app uses TRUSTED_PROXY_CIDRS. */
  trustedProxyCidrs?: readonly TrustedCidr[];
}

const createCaller = createCallerFactory(appRouter);

function requestIdOf(req: Request): string {
  return req.headers.get('x-request-id') ?? crypto.randomUUID();
}

// OAuth 2.0 (RFC 6749 5.1) field names, which token clients already understand.
function tokenBody(pair: ApiTokenPair) {
  return {
    access_token: pair.accessToken,
    token_type: pair.tokenType,
    expires_in: pair.expiresIn,
    refresh_token: pair.refreshToken,
    refresh_expires_in: pair.refreshExpiresIn,
  };
}

/** POST /api/auth/token: `{ email, password, code?, orgSlug? }` -> a token pair. */
export async function handleTokenRequest(req: Request, opts: RestOptions = {}): Promise<Response> {
  try {
    const body = await readJsonBody(req);
    if (!body.ok) return body.response;
    const input = apiTokenRequestInput.safeParse(body.value);
    if (!input.success) return validationError(input.error);
    const pair = await issueApiTokens({
      db: opts.db ?? getDb(),
      ...input.data,
      ip: clientIpFromHeaders(req.headers, opts.trustedProxyCidrs),
    });
    return jsonOk(tokenBody(pair));
  } catch (error) {
    return errorResponse(error, requestIdOf(req));
  }
}

/** POST /api/auth/refresh: `{ refresh_token }` -> a new pair; the old refresh token is spent. */
export async function handleRefreshRequest(
  req: Request,
  opts: RestOptions = {},
): Promise<Response> {
  try {
    const body = await readJsonBody(req);
    if (!body.ok) return body.response;
    const input = apiTokenRefreshInput.safeParse(body.value);
    if (!input.success) return validationError(input.error);
    const pair = await refreshApiTokens({
      db: opts.db ?? getDb(),
      refreshToken: input.data.refresh_token,
      ip: clientIpFromHeaders(req.headers, opts.trustedProxyCidrs),
    });
    return jsonOk(tokenBody(pair));
  } catch (error) {
    return errorResponse(error, requestIdOf(req));
  }
}

export type BearerResolution =
  | { kind: 'none' }
  | { kind: 'session'; session: SoukSession }
  | { kind: 'invalid'; message: string };

export const INVALID_ACCESS_TOKEN =
  'The access token is invalid, revoked or expired: refresh it or request a new one';

/**
 * `Authorization: Bearer sat_…` -> the session it stands for. No Authorization header,
 * another scheme or another kind of Bearer token is `none`; an access token that does
 * not resolve (unknown, revoked, expired) is `invalid`.
 */
export async function resolveBearer(headers: Headers, db: Db = getDb()): Promise<BearerResolution> {
  const header = headers.get('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  // Other Bearer credentials (the client portal's `ps_…`) are read by their own procedures.
  if (!match?.[1]?.startsWith('sat_')) return { kind: 'none' };
  const token = match[1];
  // A long value is not one of ours; never hash or look it up.
  if (token.length > 200) return { kind: 'invalid', message: INVALID_ACCESS_TOKEN };
  const session = await resolveAccessToken({ db, token });
  return session
    ? { kind: 'session', session }
    : { kind: 'invalid', message: INVALID_ACCESS_TOKEN };
}

function unauthorized(error: string, message: string): Response {
  const response = jsonError(401, error, message);
  response.headers.set('www-authenticate', `Bearer error="${error}"`);
  return response;
}

/**
 * GET /api/planner/access-check (spec 004, subscription-gated). The same procedure as
 * `marketplace.organizer.checkPlannerAccess` (20 per minute per user). 200 with access;
 * 403 `subscription_required` / `payment_required` without (the caller is known, the
 * plan does not allow it: Forbidden, not 402, which HTTP leaves reserved); 401 without a
 * valid token; 429 with Retry-After over the limit.
 */
export async function handlePlannerAccessCheck(
  req: Request,
  opts: RestOptions = {},
): Promise<Response> {
  const requestId = requestIdOf(req);
  try {
    const db = opts.db ?? getDb();
    const bearer = await resolveBearer(req.headers, db);
    if (bearer.kind === 'none') {
      return unauthorized(
        'unauthorized',
        'Send an access token: Authorization: Bearer <access_token> (from POST /api/auth/token)',
      );
    }
    if (bearer.kind === 'invalid') return unauthorized('invalid_token', bearer.message);
    const caller = createCaller(
      createTRPCContext({
        headers: req.headers,
        session: bearer.session,
        db,
        trustedProxyCidrs: opts.trustedProxyCidrs,
        // The planner reads no catalog: no need for the storefront cache's listener.
        storefrontCache: null,
      }),
    );
    const access = await caller.marketplace.organizer.checkPlannerAccess();
    if (access.allowed) return jsonOk(access);
    return jsonError(403, access.reason ?? 'subscription_required', access.message ?? '', {
      details: { allowed: false, subscriptionStatus: access.subscriptionStatus },
    });
  } catch (error) {
    return errorResponse(error, requestId);
  }
}
