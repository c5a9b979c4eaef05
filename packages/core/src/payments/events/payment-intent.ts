import type { TenantContext } from '../../context';
import { getOrCreateOrchestration } from '../../checkout/orchestration';
import { recordSucceededPayment } from './settle-invoice';
import { int, metadataOf, MissingTargetError, str } from './missing-target';

async function invoiceFor(ctx: TenantContext, object: Record<string, unknown>) {
  const invoiceId = str(metadataOf(object).invoiceId);
  const invoice = invoiceId ? await ctx.tx.invoice.findUnique({ where: { id: invoiceId } }) : null;
  if (!invoice) throw new MissingTargetError(`invoice ${invoiceId ?? '(no metadata)'} not found`);
  return invoice;
}

export async function paymentIntentSucceeded(ctx: TenantContext, object: Record<string, unknown>) {
  const invoice = await invoiceFor(ctx, object);
  const paymentIntentId = str(object.id);
  if (!paymentIntentId) throw new MissingTargetError('payment intent without an id');
  await recordSucceededPayment(ctx, {
    invoiceId: invoice.id,
    paymentIntentId,
    amountCents: int(object.amount_received) || int(object.amount),
  });
  return { invoiceId: invoice.id };
}

/** Failed or canceled never overwrite a success (events arrive in any order). */
async function recordUnsuccessful(
  ctx: TenantContext,
  object: Record<string, unknown>,
  status: 'failed' | 'canceled',
) {
  const invoice = await invoiceFor(ctx, object);
  const paymentIntentId = str(object.id);
  if (!paymentIntentId) throw new MissingTargetError('payment intent without an id');
  const existing = await ctx.tx.payment.findUnique({
    where: { processorPaymentIntentId: paymentIntentId },
  });
  if (existing?.status === 'succeeded') return { invoiceId: invoice.id, changed: false };
  await ctx.tx.payment.upsert({
    where: { processorPaymentIntentId: paymentIntentId },
    create: {
      orgId: ctx.orgId,
      invoiceId: invoice.id,
      processorPaymentIntentId: paymentIntentId,
      amountCents: int(object.amount),
      currency: invoice.currency,
      status,
    },
    update: { status },
  });
  return { invoiceId: invoice.id, changed: true };
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
