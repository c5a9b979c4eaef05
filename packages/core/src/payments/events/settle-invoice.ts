import type { TenantContext } from '../../context';
import { getOrCreateOrchestration, transitionOrchestration } from '../../checkout/orchestration';
import { createFulfillmentTasks } from '../../fulfillment/create-fulfillment-tasks';
import { formatMoney } from '../../money';
import { enqueueOutbox } from '../../outbox/enqueue-outbox';
import { MissingTargetError } from './missing-target';

/**
 * Records a succeeded payment (one row per PaymentIntent) and, once the invoice
 * is covered, marks invoice and order paid, advances the orchestration, creates
 * fulfillment tasks and queues the confirmation. Idempotent: a repeat or a
 * second signal for the same payment finds everything already done.
 */
export async function recordSucceededPayment(
  ctx: TenantContext,
  {
    invoiceId,
    paymentIntentId,
    amountCents,
  }: { invoiceId: string; paymentIntentId: string; amountCents: number },
): Promise<void> {
  const { tx, orgId } = ctx;
  // Lock the invoice: completed + succeeded for one payment may be applied at once.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM invoices WHERE id = ${invoiceId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new MissingTargetError(`invoice ${invoiceId} not found`);
  const invoice = await tx.invoice.findUniqueOrThrow({
    where: { id: invoiceId },
    include: { order: true },
  });

  await tx.payment.upsert({
    where: { processorPaymentIntentId: paymentIntentId },
    create: {
      orgId,
      invoiceId,
      processorPaymentIntentId: paymentIntentId,
      amountCents,
      currency: invoice.currency,
      status: 'succeeded',
    },
    update: { status: 'succeeded', amountCents },
  });
  if (invoice.status !== 'open') return;

  const paid = await tx.payment.aggregate({
    where: { invoiceId, status: 'succeeded' },
    _sum: { amountCents: true },
  });
  const paidCents = paid._sum.amountCents ?? 0;
  const now = new Date();
  const isCovered = paidCents >= invoice.totalCents;
  await tx.invoice.update({
    where: { id: invoiceId },
    data: { amountPaidCents: paidCents, ...(isCovered ? { status: 'paid', paidAt: now } : {}) },
  });
  if (!isCovered) return;

  await tx.order.update({ where: { id: invoice.orderId }, data: { status: 'paid', paidAt: now } });
  // Other pages for this invoice must not be paid again.
  await tx.hostedCheckoutSession.updateMany({
    where: {
      invoiceId,
      status: { in: ['open', 'abandoned'] },
      paymentIntentId: { not: paymentIntentId },
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
