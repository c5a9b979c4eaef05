import type { PaymentGateway } from '@souk/payments';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { resolveGateway } from '../payments/resolve-gateway';
import { invoiceForSession, openHostedSession } from './hosted-session';
import { orderIdFromLink } from './resume-token';

/** Minimum life left on an open session before the resume link reuses it. */
const REUSE_MIN_MS = 10 * 60_000;

/**
 * The customer's resume link: a paid order says so; otherwise the customer gets a
 * live hosted page for the same order (the open one, or a fresh one that
 * supersedes the stale ones).
 */
export async function resumeCheckout({
  ctx,
  token,
  gateway,
  now = new Date(),
}: {
  ctx: TenantContext;
  token: string;
  gateway?: PaymentGateway;
  now?: Date;
}): Promise<
  { status: 'paid'; orderId: string } | { status: 'open'; orderId: string; checkoutUrl: string }
> {
  const orderId = orderIdFromLink(token, now);
  const { tx } = ctx;
  const invoice = await tx.invoice.findUnique({ where: { orderId }, include: invoiceForSession });
  if (!invoice) throw new AppError('NOT_FOUND', 'This resume link is not valid');
  if (invoice.status !== 'open') return { status: 'paid', orderId };

  // Serialise resumes of one order: two clicks must not open two pages.
  await tx.$queryRaw`SELECT id FROM invoices WHERE id = ${invoice.id}::uuid FOR UPDATE`;
  const live = await tx.hostedCheckoutSession.findFirst({
    where: {
      invoiceId: invoice.id,
      status: 'open',
      expiresAt: { gt: new Date(now.getTime() + REUSE_MIN_MS) },
    },
    orderBy: { createdAt: 'desc' },
  });
  if (live) return { status: 'open', orderId, checkoutUrl: live.url };

  const stale = await tx.hostedCheckoutSession.findMany({
    where: { invoiceId: invoice.id, status: { in: ['open', 'abandoned', 'expired'] } },
  });
  const resolved = gateway ?? (await resolveGateway(tx, ctx.orgId));
  const fresh = await openHostedSession({
    tx,
    gateway: resolved,
    invoice,
    idempotencyKey: `checkout:${invoice.id}:resume:${now.getTime()}`,
    now,
  });
  if (stale.length > 0) {
    await tx.hostedCheckoutSession.updateMany({
      where: { id: { in: stale.map((s) => s.id) } },
      data: { status: 'superseded', replacedById: fresh.id },
    });
    for (const old of stale.filter((s) => s.status !== 'expired')) {
      await resolved.expireCheckoutSession(old.processorSessionId).catch(() => undefined);
    }
  }
  return { status: 'open', orderId, checkoutUrl: fresh.url };
}
