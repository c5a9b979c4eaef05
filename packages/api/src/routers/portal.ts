import { TRPCError } from '@trpc/server';
import { consumeRateLimit } from '@souk/auth';
import {
  createOrgScope,
  getPortalBooking,
  getPortalInvoice,
  getPortalOrder,
  listPortalBookings,
  listPortalInvoices,
  listPortalOrders,
  portalBookingInput,
  portalInvoiceInput,
  portalOrderInput,
  portalPageInput,
  PORTAL_SESSION_PREFIX,
  PORTAL_SIGNED_OUT,
  redeemPortalLink,
  redeemPortalLinkInput,
  requestPortalLink,
  requestPortalLinkInput,
  resolvePortalSession,
  revokePortalSession,
} from '@souk/core';
import {
  portalBookingOutput,
  portalBookingsOutput,
  portalInvoiceOutput,
  portalInvoicesOutput,
  portalLinkRequestedOutput,
  portalMeOutput,
  portalOrderOutput,
  portalOrdersOutput,
  portalSessionOutput,
  portalSignedOutOutput,
} from '../outputs/portal';
import { createTRPCRouter, publicProcedure, storefrontTenant, type Context } from '../trpc';

/** The portal session cookie the callback route sets (httpOnly, SameSite=Lax). */
export const PORTAL_COOKIE = 'souk_portal';

function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** `Authorization: Bearer ps_…` (API clients) wins over the cookie (browsers). */
export function portalTokenOf(headers: Headers): string | null {
  const auth = headers.get('authorization');
  const bearer = auth ? /^Bearer\s+(\S+)$/i.exec(auth.trim())?.[1] : undefined;
  if (bearer?.startsWith(PORTAL_SESSION_PREFIX)) return bearer;
  return cookieValue(headers.get('cookie'), PORTAL_COOKIE);
}

async function portalClientOf(ctx: Context) {
  const client = await resolvePortalSession({ db: ctx.db, token: portalTokenOf(ctx.headers) });
  if (!client) throw new TRPCError({ code: 'UNAUTHORIZED', message: PORTAL_SIGNED_OUT });
  return client;
}

/**
 * A signed-in portal client: the org comes from their session, and each procedure runs
 * in one RLS transaction of that org (like requirePermission does for staff).
 */
const portalProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const client = await portalClientOf(ctx);
  const scope = createOrgScope({
    db: ctx.db,
    orgId: client.orgId,
    actor: null,
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
  return scope.transaction(async (tenant) => {
    const result = await next({ ctx: { tenant, client } });
    if (!result.ok) throw result.error;
    return result;
  });
});

export const portalRouter = createTRPCRouter({
  // The storefront org's portal; the same answer whether or not the address is known.
  requestLink: publicProcedure
    .input(requestPortalLinkInput)
    .output(portalLinkRequestedOutput)
    .mutation(({ ctx, input }) =>
      storefrontTenant(ctx, (tenant) =>
        requestPortalLink({ ctx: tenant, input, consumeRateLimit }),
      ),
    ),
  // The callback route calls this; API clients may too, and use the token as a Bearer.
  redeemLink: publicProcedure
    .input(redeemPortalLinkInput)
    .output(portalSessionOutput)
    .mutation(async ({ ctx, input }) => {
      const session = await redeemPortalLink({
        db: ctx.db,
        token: input.token,
        requestId: ctx.requestId,
        ip: ctx.ip,
      });
      return {
        sessionToken: session.sessionToken,
        email: session.email,
        expiresAt: session.expiresAt,
      };
    }),
  signOut: portalProcedure
    .output(portalSignedOutOutput)
    .mutation(({ ctx }) => revokePortalSession({ ctx: ctx.tenant, client: ctx.client })),
  getMe: portalProcedure.output(portalMeOutput).query(async ({ ctx }) => {
    const org = await ctx.tenant.tx.organization.findUnique({
      where: { id: ctx.client.orgId },
      select: { name: true },
    });
    return { email: ctx.client.email, orgName: org?.name ?? '', expiresAt: ctx.client.expiresAt };
  }),
  listBookings: portalProcedure
    .output(portalBookingsOutput)
    .query(({ ctx }) => listPortalBookings({ ctx: ctx.tenant, client: ctx.client })),
  getBooking: portalProcedure
    .input(portalBookingInput)
    .output(portalBookingOutput)
    .query(({ ctx, input }) =>
      getPortalBooking({ ctx: ctx.tenant, client: ctx.client, bookingId: input.id }),
    ),
  listInvoices: portalProcedure
    .input(portalPageInput)
    .output(portalInvoicesOutput)
    .query(({ ctx, input }) => listPortalInvoices({ ctx: ctx.tenant, client: ctx.client, input })),
  getInvoice: portalProcedure
    .input(portalInvoiceInput)
    .output(portalInvoiceOutput)
    .query(({ ctx, input }) =>
      getPortalInvoice({ ctx: ctx.tenant, client: ctx.client, invoiceId: input.id }),
    ),
  listOrders: portalProcedure
    .input(portalPageInput)
    .output(portalOrdersOutput)
    .query(({ ctx, input }) => listPortalOrders({ ctx: ctx.tenant, client: ctx.client, input })),
  getOrder: portalProcedure
    .input(portalOrderInput)
    .output(portalOrderOutput)
    .query(({ ctx, input }) =>
      getPortalOrder({ ctx: ctx.tenant, client: ctx.client, orderId: input.id }),
    ),
});
