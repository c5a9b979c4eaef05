import type { TenantContext } from '../../context';
import { getOrCreateOrchestration } from '../../checkout/orchestration';
import { findProcessorObject, recordProcessorObject } from '../../processor/processor-objects';
import { lockInvoice, lockAndSettleSucceededPayment } from './settle-invoice';
import { int, metadataOf, MissingTargetError, str } from './missing-target';
import { movesForward } from './payment-status';

/** The invoice a PaymentIntent pays: its metadata, else what Souk recorded for it. */
async function invoiceIdFor(ctx: TenantContext, object: Record<string, unknown>) {
  const paymentIntentId = str(object.id);
  if (!paymentIntentId) throw new MissingTargetError('payment intent without an id');
  const fromMetadata = str(metadataOf(object).invoiceId);
  const invoiceId =
    fromMetadata ?? (await findProcessorObject(ctx.tx, paymentIntentId))?.invoiceId ?? null;
  if (!invoiceId) {
    throw new MissingTargetError(
      `payment ${paymentIntentId} has no invoice in its metadata and Souk has not seen it yet`,
      paymentIntentId,
    );
  }
  return { invoiceId, paymentIntentId };
}

export async function paymentIntentSucceeded(ctx: TenantContext, object: Record<string, unknown>) {
  const { invoiceId, paymentIntentId } = await invoiceIdFor(ctx, object);
  await lockAndSettleSucceededPayment(ctx, {
    invoiceId,
    paymentIntentId,
    amountCents: int(object.amount_received) || int(object.amount),
  });
  return { invoiceId, appeared: [paymentIntentId, invoiceId] };
}

/** Failed or canceled never override a success, a refund, or (for a failure) a cancel. */
async function recordUnsuccessful(
  ctx: TenantContext,
  object: Record<string, unknown>,
  status: 'failed' | 'canceled',
) {
  const { invoiceId, paymentIntentId } = await invoiceIdFor(ctx, object);
  const invoice = await lockInvoice(ctx, invoiceId);
  const existing = await ctx.tx.payment.findUnique({
    where: { processorPaymentIntentId: paymentIntentId },
  });
  if (existing && !movesForward(existing.status, status)) {
    return { invoiceId, changed: false, appeared: [paymentIntentId] };
  }
  if (existing) {
    await ctx.tx.payment.update({ where: { id: existing.id }, data: { status } });
  } else {
    await ctx.tx.payment.create({
      data: {
        orgId: ctx.orgId,
        invoiceId,
        processorPaymentIntentId: paymentIntentId,
        amountCents: int(object.amount),
        currency: invoice.currency,
        status,
      },
    });
    await recordProcessorObject(ctx.tx, ctx.orgId, {
      id: paymentIntentId,
      kind: 'payment_intent',
      invoiceId,
    });
  }
  return { invoiceId, changed: true, appeared: [paymentIntentId] };
}

export async function paymentIntentFailed(ctx: TenantContext, object: Record<string, unknown>) {
  const result = await recordUnsuccessful(ctx, object, 'failed');
  if (!result.changed) return result;
  const error = object.last_payment_error as { message?: string } | null | undefined;
  const message = error?.message ?? 'The payment failed';
  await ctx.tx.hostedCheckoutSession.updateMany({
    where: { invoiceId: result.invoiceId, status: { in: ['open', 'abandoned'] } },
    data: { lastPaymentError: message, paymentIntentId: str(object.id) },
  });
  const invoice = await ctx.tx.invoice.findUniqueOrThrow({ where: { id: result.invoiceId } });
  const orchestration = await getOrCreateOrchestration(ctx.tx, ctx.orgId, invoice.orderId);
  await ctx.tx.checkoutOrchestrationEvent.create({
    data: {
      orgId: ctx.orgId,
      orchestrationId: orchestration.id,
      kind: 'payment_failed',
      note: `Payment failed: ${message}`,
    },
  });
  return result;
}

export async function paymentIntentCanceled(ctx: TenantContext, object: Record<string, unknown>) {
  return recordUnsuccessful(ctx, object, 'canceled');
}
