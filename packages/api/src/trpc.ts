import { timingSafeEqual } from 'node:crypto';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import {
  AppError,
  authorizeBreakGlassWrite,
  createLogger,
  createOrgScope,
  findOrganizationBySlug,
  type Actor,
  type OrgScope,
  type StorefrontCache,
  READ_ONLY_MESSAGE,
  type TenantContext,
} from '@souk/core';
import { getDb, type Db } from '@souk/db';
import {
  adminIpRefusal,
  can,
  clientIpFromHeaders,
  isSelfServicePermission,
  type Permission,
  type SoukSession,
  type TrustedCidr,
} from '@souk/auth';
import type { PaymentGateway } from '@souk/payments';
import { apiEnv } from './env';
import { getStorefrontCache } from './storefront-cache';
import { errorTypeOf, fieldErrorsOf, summarize, toTRPCError } from './errors';

const log = createLogger('api');

export interface CreateContextOptions {
  headers: Headers;
  session: SoukSession | null;
  /** Tests pass their own database; the app uses the process-wide client. */
  db?: Db;
  /** Tests pass a gateway bound to their sandbox (fed to every org scope); the app resolves one per org. */
  gateway?: PaymentGateway;
  /** Tests pass their own proxy ranges; the app uses TRUSTED_PROXY_CIDRS. */
  trustedProxyCidrs?: readonly TrustedCidr[];
  /**
   * The storefront read cache. The app's process-wide one goes with the process-wide
   * database; a test that passes its own database reads through unless it passes a cache.
   */
  storefrontCache?: StorefrontCache | null;
  /** Tests set the admin safety switches per caller; the app reads them from the environment. */
  adminSafety?: Partial<AdminSafetySettings>;
}

/** Spec 002 admin safety: ADMIN_READ_ONLY, ADMIN_MFA_REQUIRED, ADMIN_IP_ALLOWLIST_CIDRS. */
export interface AdminSafetySettings {
  readOnly: boolean;
  mfaRequired: boolean;
  /** Undefined: ADMIN_IP_ALLOWLIST_CIDRS. Empty: no restriction. */
  ipAllowlist: readonly TrustedCidr[] | undefined;
}

export const MFA_REQUIRED_MESSAGE =
  'Two-step verification is required: set it up or sign in with your code at /admin/account/security';

export function createTRPCContext(opts: CreateContextOptions) {
  return {
    db: opts.db ?? getDb(),
    session: opts.session,
    // Portal and API-token procedures read their own credentials (cookie, Authorization).
    headers: opts.headers,
    requestId: opts.headers.get('x-request-id') ?? crypto.randomUUID(),
    apiKey: opts.headers.get('x-api-key'),
    gateway: opts.gateway,
    storefrontCache:
      opts.storefrontCache !== undefined
        ? opts.storefrontCache
        : opts.db
          ? null
          : getStorefrontCache(),
    // Resolved once per request, the same way the sign-in limit sees it; audit rows keep it.
    ip: clientIpFromHeaders(opts.headers, opts.trustedProxyCidrs),
    adminSafety: {
      readOnly: apiEnv.ADMIN_READ_ONLY,
      mfaRequired: apiEnv.ADMIN_MFA_REQUIRED,
      ipAllowlist: undefined,
      ...opts.adminSafety,
    } satisfies AdminSafetySettings,
  };
}
export type Context = ReturnType<typeof createTRPCContext>;

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const fieldErrors = fieldErrorsOf(error.cause);
    const isValidation = error.code === 'BAD_REQUEST' && fieldErrors !== undefined;
    return {
      ...shape,
      message:
        isValidation && !(error.cause instanceof AppError) ? summarize(fieldErrors) : shape.message,
      data: {
        ...shape.data,
        fieldErrors: fieldErrors ?? null,
        // `mfa_required`, `read_only`: what a client acts on beyond the status code.
        type: errorTypeOf(error.cause),
        stack: undefined,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

const errorMapping = t.middleware(async ({ next, path, type, ctx }) => {
  const started = performance.now();
  const result = await next();
  const durationMs = Math.round(performance.now() - started);
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) throw toTRPCError(cause);
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      log.error(
        { requestId: ctx.requestId, path, type, durationMs, err: cause ?? result.error },
        'procedure failed',
      );
      // Never leak internals (SQL, stack) to the caller.
      throw new TRPCError({
        code: 'INTERNAL_SERVER_ERROR',
        message: `Something went wrong (request ${ctx.requestId})`,
      });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorMapping);

// An admin-issued temporary password: only changing it is allowed (signing out is
// next-auth's, getCurrentUser is public).
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['auth.changePassword']);

export const protectedProcedure = publicProcedure.use(({ ctx, next, path }) => {
  if (!ctx.session) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in to continue' });
  if (ctx.session.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(path)) {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'Choose a new password first' });
  }
  return next({ ctx: { session: ctx.session } });
});

function actorOf(session: SoukSession): Actor {
  return { userId: session.user.id, email: session.user.email, role: session.role };
}

function scopeOf(ctx: Context, orgId: string, actor: Actor | null): OrgScope {
  return createOrgScope({
    db: ctx.db,
    orgId,
    actor,
    requestId: ctx.requestId,
    ip: ctx.ip,
    gateway: ctx.gateway,
  });
}

// Starting, using and ending break-glass is the way out of read-only mode, not a change it pauses.
const BREAK_GLASS_PERMISSION: Permission = 'admin.breakGlass';

/**
 * The role check, then spec 002's admin safety gates for staff work (self-service
 * permissions, what customers and vendors do for themselves, pass them): the admin IP
 * allowlist, two-step verification for OWNER/ADMIN, and read-only mode. True when the
 * call is a staff change under read-only mode, which then needs a live break-glass
 * session (checked inside the org's transaction, see breakGlassGate).
 */
function checkPermission(
  ctx: Context,
  session: SoukSession,
  needed: Permission | readonly Permission[],
  type: string,
): boolean {
  // One of several (e.g. organizers by marketplace.book, staff by marketplace.read): the
  // first the role holds decides which gates apply, so staff never pass as self-service.
  const options: readonly Permission[] = typeof needed === 'string' ? [needed] : needed;
  const permission = options.find((p) => can(session.role, p));
  if (!permission) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Your role (${session.role}) cannot do this (needs ${options.join(' or ')})`,
    });
  }
  if (isSelfServicePermission(permission)) return false;
  const refusal = adminIpRefusal(ctx.ip, ctx.adminSafety.ipAllowlist);
  if (refusal) throw new TRPCError({ code: 'FORBIDDEN', message: refusal });
  if (
    ctx.adminSafety.mfaRequired &&
    (session.role === 'OWNER' || session.role === 'ADMIN') &&
    session.mfaVerified !== true
  ) {
    throw toTRPCError(new AppError('MFA_REQUIRED', MFA_REQUIRED_MESSAGE));
  }
  return type === 'mutation' && ctx.adminSafety.readOnly && permission !== BREAK_GLASS_PERMISSION;
}

/**
 * Incident mode pauses staff changes unless a break-glass session of this org allows
 * them: X-Break-Glass-Token, or the one redeemed into this sign-in. The audit row of
 * the write under it goes into `tenant`'s transaction, with the write.
 */
function breakGlassGate(ctx: Context, session: SoukSession, tenant: TenantContext, path: string) {
  const token = ctx.headers.get('x-break-glass-token');
  if (!token && !session.breakGlassId) {
    throw new AppError('READ_ONLY', READ_ONLY_MESSAGE);
  }
  return authorizeBreakGlassWrite({
    ctx: tenant,
    token,
    breakGlassId: session.breakGlassId,
    procedure: path,
  });
}

/**
 * Every tenant procedure runs inside one transaction with the org set for RLS; a
 * failed procedure rolls back everything it wrote, audit rows included. The
 * transaction is opened through an org scope, so no processor call can run inside it.
 */
export function requirePermission(permission: Permission | readonly Permission[]) {
  return protectedProcedure.use(async ({ ctx, next, type, path }) => {
    const { session } = ctx;
    const needsBreakGlass = checkPermission(ctx, session, permission, type);
    return scopeOf(ctx, session.orgId, actorOf(session)).transaction(async (tenant) => {
      if (needsBreakGlass) await breakGlassGate(ctx, session, tenant, path);
      const result = await next({ ctx: { tenant } });
      if (!result.ok) throw result.error; // roll the transaction back
      return result;
    });
  });
}

/**
 * The same checks, for procedures that call the payment processor: they get the org
 * scope (`ctx.scope`) and open their own short transactions around the processor call.
 */
export function requirePermissionScoped(permission: Permission) {
  return protectedProcedure.use(async ({ ctx, next, type, path }) => {
    const { session } = ctx;
    const needsBreakGlass = checkPermission(ctx, session, permission, type);
    const scope = scopeOf(ctx, session.orgId, actorOf(session));
    // No outer transaction here (processor calls): the check and its audit row get a
    // short one of their own, committed before the write's.
    if (needsBreakGlass) {
      await scope.transaction((tenant) => breakGlassGate(ctx, session, tenant, path));
    }
    return next({ ctx: { scope } });
  });
}

/** Public storefront work that calls the processor: the org scope of the slug's org. */
export async function withStorefrontScope<T>(
  ctx: Context,
  orgSlug: string | undefined,
  fn: (scope: OrgScope) => Promise<T>,
): Promise<T> {
  const slug = orgSlug ?? apiEnv.STOREFRONT_ORG_SLUG;
  const find = () => findOrganizationBySlug({ db: ctx.db, slug });
  const org = await (ctx.storefrontCache ? ctx.storefrontCache.org(slug, find) : find());
  return fn(scopeOf(ctx, org.id, null));
}

/** Public storefront reads: the org comes from the slug (default: the configured storefront org). */
export function withStorefrontOrg<T>(
  ctx: Context,
  orgSlug: string | undefined,
  fn: (tenant: TenantContext) => Promise<T>,
): Promise<T> {
  return withStorefrontScope(ctx, orgSlug, (scope) => scope.transaction(fn));
}

function isCheckoutKey(given: string | null): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(apiEnv.CHECKOUT_API_KEY);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Server-only procedures (spec 001 X-API-Key): the Next.js server calls them with
 * the key; any other caller, browsers included, gets 401.
 */
export const internalProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!isCheckoutKey(ctx.apiKey)) {
    throw new TRPCError({
      code: 'UNAUTHORIZED',
      message: 'This procedure is server-only: a valid X-API-Key is required',
    });
  }
  return next();
});

/** The storefront org for a signed-in shopper (any role may buy). */
export function storefrontTenant<T>(
  ctx: Context,
  fn: (tenant: TenantContext) => Promise<T>,
): Promise<T> {
  return withStorefrontOrg(ctx, undefined, fn);
}

/** The storefront org's scope, for storefront procedures that call the processor. */
export function storefrontScope<T>(ctx: Context, fn: (scope: OrgScope) => Promise<T>): Promise<T> {
  return withStorefrontScope(ctx, undefined, fn);
}
