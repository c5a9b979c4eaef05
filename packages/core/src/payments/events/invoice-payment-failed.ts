import type { TenantContext } from '../../context';
import { resumeUrl } from '../../checkout/resume-token';
import { formatMoney } from '../../money';
import { enqueueOutbox } from '../../outbox/enqueue-outbox';
import { metadataOf, MissingTargetError, str } from './missing-target';

/**
 * Dunning-lite (spec 002): one email per invoice, whatever the number of
 * failures, with the amount and a retry link. Nothing from the processor's
 * payload goes into the message. A failure applied after the invoice was paid
 * sends nothing: a "did not go through" email after the payment went through
 * would only confuse (the one case where order of arrival shows).
 */
export async function invoicePaymentFailed(ctx: TenantContext, object: Record<string, unknown>) {
  const invoiceId = str(metadataOf(object).invoiceId);
  const invoice = invoiceId
    ? await ctx.tx.invoice.findUnique({ where: { id: invoiceId }, include: { order: true } })
    : null;
  if (!invoice) {
    throw new MissingTargetError(`invoice ${invoiceId ?? '(no metadata)'} not found`, invoiceId);
  }
  if (invoice.status !== 'open') return { invoiceId: invoice.id };
  await enqueueOutbox(ctx, {
    dedupeKey: `invoice:${invoice.id}:dunning:payment_failed`,
    channel: 'email',
    topic: 'dunning.payment_failed',
    recipient: invoice.order.customerEmail,
    subject: `Payment for invoice #${invoice.number} did not go through`,
    body: [
      `We could not collect ${formatMoney(invoice.totalCents - invoice.amountPaidCents, invoice.currency)} for invoice #${invoice.number}.`,
      `You can retry the payment here: ${resumeUrl(invoice.orderId)}`,
    ].join('\n'),
  });
  return { invoiceId: invoice.id };
}
