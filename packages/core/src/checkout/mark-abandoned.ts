import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { orderIdFromLink } from './resume-token';

/**
 * The customer came back through the processor's cancel link: that is an explicit
 * abandonment, so recovery may start now instead of after the idle timeout.
 */
export async function markCheckoutAbandoned({
  ctx,
  token,
  now = new Date(),
}: {
  ctx: TenantContext;
  token: string;
  now?: Date;
}) {
  const orderId = orderIdFromLink(token, now, 'This checkout link is not valid');
  const invoice = await ctx.tx.invoice.findUnique({
    where: { orderId },
    include: { order: { select: { number: true } } },
  });
  if (!invoice) throw new AppError('NOT_FOUND', 'This checkout link is not valid');
  const { count } = await ctx.tx.hostedCheckoutSession.updateMany({
    // Voided links (data deletion) start no recovery.
    where: { invoiceId: invoice.id, status: 'open', linksVoidedAt: null },
    data: { status: 'abandoned', abandonedAt: now },
  });
  return {
    orderId,
    orderNumber: invoice.order.number,
    invoiceStatus: invoice.status,
    abandoned: count,
  };
}
