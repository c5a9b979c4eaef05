import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { confirmationEmail } from '../checkout/confirmation-email';
import { ORDER_STATUS_WORDS, type OrderIdInput } from './schemas';

const CONFIRMED_STATUSES = new Set(['paid', 'fulfilled']);

/** Queues the order's confirmation email once more, to the address on the order. */
export async function resendConfirmation({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: OrderIdInput;
}) {
  const order = await ctx.tx.order.findUnique({
    where: { id: input.id },
    select: {
      id: true,
      number: true,
      status: true,
      customerEmail: true,
      invoice: { select: { number: true, amountPaidCents: true, currency: true } },
    },
  });
  if (!order) throw AppError.notFound('Order');
  if (!CONFIRMED_STATUSES.has(order.status) || !order.invoice) {
    throw new AppError(
      'CONFLICT',
      `Order #${order.number} is ${ORDER_STATUS_WORDS[order.status]}: only a paid order has a confirmation to resend`,
    );
  }
  const email = confirmationEmail({
    number: order.number,
    invoiceNumber: order.invoice.number,
    paid: { amountCents: order.invoice.amountPaidCents, currency: order.invoice.currency },
  });
  // A key of its own per resend: the original's key would make this a no-op.
  const dedupeKey = `order:${order.id}:confirmation:resent:${randomUUID()}`;
  await enqueueOutbox(ctx, {
    dedupeKey,
    channel: 'email',
    topic: 'order.confirmation',
    recipient: order.customerEmail,
    ...email,
  });
  await recordAudit(ctx, {
    action: 'order.confirmation_resent',
    entityType: 'order',
    entityId: order.id,
    after: { recipient: order.customerEmail, dedupeKey },
  });
  return { orderId: order.id, recipient: order.customerEmail };
}
