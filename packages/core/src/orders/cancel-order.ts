import { recordAudit } from '../audit/record-audit';
import type { OrgScope } from '../context';
import { AppError } from '../errors';
import { ORDER_STATUS_WORDS, type OrderIdInput } from './schemas';

const LIVE_SESSION = ['open', 'abandoned'] as const;

function notCancellable(order: { number: number; status: keyof typeof ORDER_STATUS_WORDS }) {
  const hint = order.status === 'paid' || order.status === 'fulfilled' ? '; refund it instead' : '';
  return new AppError(
    'CONFLICT',
    `Order #${order.number} is ${ORDER_STATUS_WORDS[order.status]}: only an order awaiting payment can be cancelled${hint}`,
  );
}

/**
 * Cancels an order nobody has paid for. tx 1 checks it is still awaiting payment and
 * reads its live checkout pages; those pages are expired at the processor with no
 * transaction open, so the customer cannot pay a cancelled order; tx 2 cancels the
 * order, voids its invoice, marks the pages expired and writes the audit row, again
 * only if nobody paid meanwhile. Expiring an unpaid page is harmless on its own, so
 * a failure between the steps leaves nothing to undo: the operator retries.
 */
export async function cancelOrder({ scope, input }: { scope: OrgScope; input: OrderIdInput }) {
  const before = await scope.transaction(async ({ tx }) => {
    const order = await tx.order.findUnique({
      where: { id: input.id },
      select: {
        id: true,
        number: true,
        status: true,
        invoice: {
          select: {
            id: true,
            status: true,
            sessions: {
              where: { status: { in: [...LIVE_SESSION] } },
              select: { id: true, processorSessionId: true },
            },
          },
        },
      },
    });
    if (!order) throw AppError.notFound('Order');
    if (order.status !== 'pending_payment') throw notCancellable(order);
    return order;
  });

  const gateway = await scope.gateway();
  for (const session of before.invoice?.sessions ?? []) {
    try {
      await gateway.expireCheckoutSession(session.processorSessionId);
    } catch (error) {
      // Refused when the page is no longer open: fine if it expired, not if it was paid.
      const page = await gateway.retrieveCheckoutSession(session.processorSessionId);
      if (page.status === 'complete') {
        throw new AppError(
          'CONFLICT',
          `Order #${before.number} was just paid, so it cannot be cancelled; refund it instead`,
        );
      }
      if (page.status !== 'expired') throw error;
    }
  }

  return scope.transaction(async (ctx) => {
    const now = new Date();
    const claimed = await ctx.tx.order.updateMany({
      where: { id: before.id, status: 'pending_payment' },
      data: { status: 'cancelled' },
    });
    if (claimed.count === 0) {
      const current = await ctx.tx.order.findUniqueOrThrow({
        where: { id: before.id },
        select: { number: true, status: true },
      });
      throw notCancellable(current);
    }
    const invoiceId = before.invoice?.id;
    if (invoiceId) {
      await ctx.tx.invoice.updateMany({
        // Only invoices without funds: a partly paid one keeps its status for finance.
        where: { id: invoiceId, status: { in: ['open', 'overdue'] } },
        data: { status: 'void' },
      });
      await ctx.tx.hostedCheckoutSession.updateMany({
        where: { invoiceId, status: { in: [...LIVE_SESSION] } },
        data: { status: 'expired', expiredAt: now },
      });
    }
    // The orchestration monitor would otherwise keep prompting the customer to pay.
    await ctx.tx.checkoutOrchestration.updateMany({
      where: { orderId: before.id },
      data: { nextActionAt: null },
    });
    await recordAudit(ctx, {
      action: 'order.cancelled',
      entityType: 'order',
      entityId: before.id,
      before: { status: before.status, invoiceStatus: before.invoice?.status ?? null },
      after: {
        status: 'cancelled',
        invoiceStatus: invoiceId ? 'void' : null,
        expiredSessionIds: before.invoice?.sessions.map((s) => s.id) ?? [],
      },
    });
    return { id: before.id, number: before.number, status: 'cancelled' as const };
  });
}
