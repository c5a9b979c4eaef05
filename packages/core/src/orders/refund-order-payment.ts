import type { RefundModel } from '@souk/db';
import type { OrgScope, TenantContext } from '../context';
import { AppError } from '../errors';
import { formatMoney } from '../money';
import { recordAudit } from '../audit/record-audit';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { compensate } from '../processor/compensate';
import { recordProcessorObject } from '../processor/processor-objects';
import { isRefundableOrderStatus, lockOrderForRefund, refundablePayments } from './refundable';
import type { RefundOrderPaymentInput } from './refund-schemas';

const KEY_REUSED =
  'This refund form was already used for another refund: reload the page and try again';

const REFUND_UNANSWERED =
  'The payment processor did not answer: check the payment before refunding again';

/**
 * Staff refund part or all of an order's payment through the processor. tx 1 locks
 * the order's invoice, checks the amount against what is left and records the refund
 * as pending under the form's idempotency key (the same key again answers with that
 * refund: a double click refunds once). The processor is then called with no
 * transaction open, keyed by the refund; tx 2 marks it succeeded with its audit row
 * and the customer's email. A refusal marks the row failed with the reason, so the
 * amount is refundable again. Order and invoice statuses follow the processor's
 * charge.refunded event, which moves them to refunded once nothing is left.
 */
export async function refundOrderPayment({
  scope,
  input,
}: {
  scope: OrgScope;
  input: RefundOrderPaymentInput;
}): Promise<RefundModel> {
  const planned = await scope.transaction(async (ctx) => {
    const { order, invoiceId } = await lockOrderForRefund(ctx, input.orderId);
    const existing = await ctx.tx.refund.findUnique({
      where: { idempotencyKey: input.idempotencyKey },
    });
    if (existing) {
      if (existing.orderId !== order.id || existing.amountCents !== input.amountCents) {
        throw new AppError('CONFLICT', KEY_REUSED);
      }
      return { isRepeat: true as const, refund: existing };
    }
    if (!isRefundableOrderStatus(order.status) || !invoiceId) {
      throw new AppError(
        'CONFLICT',
        order.status === 'refunded'
          ? `Order #${order.number} is already fully refunded`
          : `Only paid orders can be refunded; order #${order.number} is ${order.status.replaceAll('_', ' ')}`,
      );
    }
    // The payment with the most left takes the refund (an invoice is normally paid once).
    const [best] = (await refundablePayments(ctx, invoiceId)).sort(
      (a, b) => b.refundableCents - a.refundableCents,
    );
    const refundableCents = best?.refundableCents ?? 0;
    if (!best || input.amountCents > refundableCents) {
      throw AppError.field(
        'amountCents',
        refundableCents > 0
          ? `You can refund at most ${formatMoney(refundableCents, order.currency)} on this order`
          : `Order #${order.number} has nothing left to refund`,
      );
    }
    const refund = await ctx.tx.refund
      .create({
        data: {
          orgId: ctx.orgId,
          orderId: order.id,
          paymentId: best.payment.id,
          amountCents: input.amountCents,
          currency: best.payment.currency,
          reason: input.reason,
          idempotencyKey: input.idempotencyKey,
          createdById: ctx.actor?.userId ?? null,
        },
      })
      .catch((error: unknown) => {
        // The key is unique across orgs; another org's row is invisible here but still taken.
        if ((error as { code?: unknown } | null)?.code === 'P2002') {
          throw new AppError('CONFLICT', KEY_REUSED);
        }
        throw error;
      });
    return {
      isRepeat: false as const,
      refund,
      invoiceId,
      order,
      paymentIntentId: best.payment.processorPaymentIntentId,
    };
  });
  // The first request is still at the processor or already done; either way it owns the call.
  if (planned.isRepeat) return planned.refund;
  const { refund, invoiceId, order, paymentIntentId } = planned;

  let processorRefundId: string;
  try {
    const processor = await scope.gateway();
    const made = await processor.refund({
      paymentIntentId,
      amountCents: refund.amountCents,
      idempotencyKey: `refund:${refund.id}`,
      metadata: { orgId: scope.orgId, orderId: order.id, refundId: refund.id },
    });
    processorRefundId = made.id;
  } catch (error) {
    const failureReason = error instanceof AppError ? error.message : REFUND_UNANSWERED;
    await compensate(scope, 'refund failure bookkeeping', (ctx) =>
      ctx.tx.refund.updateMany({
        where: { id: refund.id, status: 'pending' },
        data: { status: 'failed', failureReason },
      }),
    );
    throw error;
  }

  return scope.transaction(async (ctx) => {
    // The money has moved: the row says so, whatever happened to it meanwhile.
    const after = await ctx.tx.refund.update({
      where: { id: refund.id },
      data: { status: 'succeeded', processorRefundId, failureReason: null },
    });
    await recordProcessorObject(ctx.tx, ctx.orgId, {
      id: processorRefundId,
      kind: 'refund',
      invoiceId,
    });
    await recordAudit(ctx, {
      action: 'order.refunded',
      entityType: 'order',
      entityId: order.id,
      before: { status: order.status },
      after: {
        refundId: after.id,
        amountCents: after.amountCents,
        currency: after.currency,
        reason: after.reason,
        processorRefundId,
      },
    });
    await notifyCustomer(ctx, after, order);
    return after;
  });
}

async function notifyCustomer(
  ctx: TenantContext,
  refund: RefundModel,
  order: { number: number; customerEmail: string },
) {
  const amount = formatMoney(refund.amountCents, refund.currency);
  await enqueueOutbox(ctx, {
    dedupeKey: `refund:${refund.id}:succeeded`,
    channel: 'email',
    topic: 'order.refunded',
    recipient: order.customerEmail,
    subject: `Your refund of ${amount} for order #${order.number}`,
    body: [
      `Your refund of ${amount} for order #${order.number} is on its way to your original payment method.`,
      'It can take 5 to 10 business days to show on your statement.',
    ].join('\n'),
  });
}
