import type { HostedCheckoutSession } from '@souk/db';
import type { OrgScope, TenantContext } from '../context';
import { AppError } from '../errors';
import { invoiceForSession, openHostedSession } from './hosted-session';
import { orderIdFromLink } from './resume-token';

/** Minimum life left on an open session before the resume link reuses it. */
const REUSE_MIN_MS = 10 * 60_000;

function liveSession(
  ctx: TenantContext,
  invoiceId: string,
  now: Date,
): Promise<HostedCheckoutSession | null> {
  return ctx.tx.hostedCheckoutSession.findFirst({
    where: {
      invoiceId,
      status: 'open',
      expiresAt: { gt: new Date(now.getTime() + REUSE_MIN_MS) },
    },
    orderBy: { createdAt: 'desc' },
  });
}

function lockInvoice(ctx: TenantContext, invoiceId: string) {
  return ctx.tx.$queryRaw`SELECT id FROM invoices WHERE id = ${invoiceId}::uuid FOR UPDATE`;
}

/**
 * The customer's resume link: a paid order says so; otherwise the customer gets a
 * live hosted page for the same order (the open one, or a fresh one that
 * supersedes the stale ones). The fresh page is made outside any transaction; the
 * transaction that records it re-checks under the invoice lock, so of two clicks
 * racing, one page is recorded and the other click gets that same page.
 */
export async function resumeCheckout({
  scope,
  token,
  now = new Date(),
}: {
  scope: OrgScope;
  token: string;
  now?: Date;
}): Promise<
  { status: 'paid'; orderId: string } | { status: 'open'; orderId: string; checkoutUrl: string }
> {
  const orderId = orderIdFromLink(token, now);
  const found = await scope.transaction(async (ctx) => {
    const invoice = await ctx.tx.invoice.findUnique({
      where: { orderId },
      include: invoiceForSession,
    });
    if (!invoice) throw new AppError('NOT_FOUND', 'This resume link is not valid');
    // A data deletion request voided the customer's links to this order.
    const voided = await ctx.tx.hostedCheckoutSession.count({
      where: { invoiceId: invoice.id, linksVoidedAt: { not: null } },
    });
    if (voided > 0) throw new AppError('NOT_FOUND', 'This resume link is not valid');
    if (invoice.status !== 'open') return { invoice, live: null };
    await lockInvoice(ctx, invoice.id);
    return { invoice, live: await liveSession(ctx, invoice.id, now) };
  });
  const { invoice, live } = found;
  if (invoice.status !== 'open') return { status: 'paid', orderId };
  if (live) return { status: 'open', orderId, checkoutUrl: live.url };

  let superseded: HostedCheckoutSession[] = [];
  const fresh = await openHostedSession({
    scope,
    invoice,
    idempotencyKey: `checkout:${invoice.id}:resume:${now.getTime()}`,
    now,
    reuse: async (ctx) => {
      await lockInvoice(ctx, invoice.id);
      return liveSession(ctx, invoice.id, now);
    },
    record: async (ctx, session) => {
      superseded = await ctx.tx.hostedCheckoutSession.findMany({
        where: {
          invoiceId: invoice.id,
          id: { not: session.id },
          status: { in: ['open', 'abandoned', 'expired'] },
        },
      });
      if (superseded.length === 0) return;
      await ctx.tx.hostedCheckoutSession.updateMany({
        where: { id: { in: superseded.map((s) => s.id) } },
        data: { status: 'superseded', replacedById: session.id },
      });
    },
  });
  const pagesToClose = superseded.filter((s) => s.status !== 'expired');
  if (pagesToClose.length > 0) {
    const gateway = await scope.gateway();
    for (const old of pagesToClose) {
      await gateway.expireCheckoutSession(old.processorSessionId).catch(() => undefined);
    }
  }
  return { status: 'open', orderId, checkoutUrl: fresh.url };
}
