import type { TenantContext } from '../../context';
import { getOrCreateOrchestration, transitionOrchestration } from '../../checkout/orchestration';
import { createFulfillmentTasks } from '../../fulfillment/create-fulfillment-tasks';
import { formatMoney } from '../../money';
import { enqueueOutbox } from '../../outbox/enqueue-outbox';
import { recordProcessorObject } from '../processor-objects';
import { MissingTargetError } from './missing-target';
import { COLLECTED, movesForward } from './payment-status';

/** Locks an invoice (events for one invoice are applied one at a time) or says it is missing. */
export async function lockInvoice(ctx: TenantContext, invoiceId: string) {
  const locked = await ctx.tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM invoices WHERE id = ${invoiceId}::uuid FOR UPDATE`;
  if (locked.length === 0)
    throw new MissingTargetError(`invoice ${invoiceId} not found`, invoiceId);
  return ctx.tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, include: { order: true } });
}

const INVOICE_RANK = { open: 0, paid: 1, refunded: 2, void: 3 } as const;

/**
 * Recomputes an invoice's paid and refunded totals from its payment rows (never
 * nudged by an event's amount), moves its status forward only (open -> paid ->
 * refunded) and runs each transition's side effects exactly once, in the same
 * transaction: paid marks the order paid, advances the orchestration, creates
 * fulfillment tasks and queues the confirmation; refunded marks the order refunded.
 */
export async function settleInvoice(
  ctx: TenantContext,
  invoiceId: string,
  paidByPaymentIntentId: string | null = null,
): Promise<void> {
  const { tx, orgId } = ctx;
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    include: { order: true },
  });
  const [collected, refunds] = await Promise.all([
    tx.payment.aggregate({
      where: { invoiceId, status: { in: COLLECTED } },
      _sum: { amountCents: true },
    }),
    tx.payment.aggregate({ where: { invoiceId }, _sum: { amountRefundedCents: true } }),
  ]);
  const paidCents = collected._sum.amountCents ?? 0;
  const refundedCents = Math.min(refunds._sum.amountRefundedCents ?? 0, paidCents);
  const target =
    paidCents > 0 && refundedCents >= paidCents
      ? 'refunded'
      : paidCents >= invoice.totalCents && paidCents > 0
        ? 'paid'
        : 'open';
  const status = INVOICE_RANK[target] > INVOICE_RANK[invoice.status] ? target : invoice.status;
  const now = new Date();
  if (
    paidCents === invoice.amountPaidCents &&
    refundedCents === invoice.amountRefundedCents &&
    status === invoice.status
  ) {
    return;
  }
  const becomesPaid = invoice.status === 'open' && status !== 'open';
  await tx.invoice.update({
    where: { id: invoiceId },
    data: {
      amountPaidCents: paidCents,
      amountRefundedCents: refundedCents,
      status,
      ...(becomesPaid ? { paidAt: now } : {}),
    },
  });

  if (becomesPaid) {
    await tx.order.update({
      where: { id: invoice.orderId },
      data: { status: 'paid', paidAt: now },
    });
    // Other pages for this invoice must not be paid again.
    await tx.hostedCheckoutSession.updateMany({
      where: {
        invoiceId,
        status: { in: ['open', 'abandoned'] },
        ...(paidByPaymentIntentId ? { paymentIntentId: { not: paidByPaymentIntentId } } : {}),
      },
      data: { status: 'superseded' },
    });
    const orchestration = await getOrCreateOrchestration(tx, orgId, invoice.orderId);
    await transitionOrchestration(tx, orchestration, 'identity_verification', 'Payment confirmed');
    await createFulfillmentTasks(ctx, invoice.orderId);
    await enqueueOutbox(ctx, {
      dedupeKey: `order:${invoice.orderId}:confirmation`,
      channel: 'email',
      topic: 'order.confirmation',
      recipient: invoice.order.customerEmail,
      subject: `Order #${invoice.order.number} confirmed`,
      body: [
        `Thank you! We received ${formatMoney(paidCents, invoice.currency)} for order #${invoice.order.number}.`,
        `Invoice #${invoice.number} is paid.`,
      ].join('\n'),
    });
  }
  if (status === 'refunded' && invoice.status !== 'refunded') {
    await tx.order.update({ where: { id: invoice.orderId }, data: { status: 'refunded' } });
  }
}

/**
 * A PaymentIntent succeeded for an invoice (from checkout.session.completed or
 * payment_intent.succeeded, in any order and any number of times): one payment
 * row per PaymentIntent, whose status only moves forward, then the invoice is
 * settled from its payments.
 */
export async function recordSucceededPayment(
  ctx: TenantContext,
  {
    invoiceId,
    paymentIntentId,
    amountCents,
  }: { invoiceId: string; paymentIntentId: string; amountCents: number },
): Promise<void> {
  const invoice = await lockInvoice(ctx, invoiceId);
  const existing = await ctx.tx.payment.findUnique({
    where: { processorPaymentIntentId: paymentIntentId },
  });
  if (!existing) {
    await ctx.tx.payment.create({
      data: {
        orgId: ctx.orgId,
        invoiceId,
        processorPaymentIntentId: paymentIntentId,
        amountCents,
        currency: invoice.currency,
        status: 'succeeded',
      },
    });
    await recordProcessorObject(ctx.tx, ctx.orgId, {
      id: paymentIntentId,
      kind: 'payment_intent',
      invoiceId,
    });
  } else if (movesForward(existing.status, 'succeeded')) {
    await ctx.tx.payment.update({
      where: { id: existing.id },
      data: { status: 'succeeded', amountCents },
    });
  }
  await settleInvoice(ctx, invoiceId, paymentIntentId);
}
