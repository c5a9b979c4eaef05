import type { z } from 'zod';
import type { Booking } from '@souk/db';
import { recordProcessorObject } from '../processor/processor-objects';
import type { OrgScope, TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { compensate } from '../processor/compensate';
import { assertTransition, lockBooking } from './booking-access';
import { getBookingDetail } from './booking-detail';
import { canTransition } from './booking-status';
import { isPendingIntent } from './pending-intent';
import type { cancelBookingInput } from './schemas';

type BookingPaymentRow = Awaited<
  ReturnType<TenantContext['tx']['bookingPayment']['findMany']>
>[number];

/** What the processor did for one payment, to be recorded locally. */
type ProcessorOutcome =
  | { kind: 'canceled'; payment: BookingPaymentRow }
  | { kind: 'refunded'; payment: BookingPaymentRow; refundId: string; amountCents: number };

function needsProcessor(payment: BookingPaymentRow): boolean {
  return (
    payment.status === 'requires_payment' ||
    (payment.status === 'succeeded' && payment.amountRefundedCents < payment.amountCents)
  );
}

/** Records what the processor already did (idempotent: a second recording changes nothing). */
async function recordOutcomes(ctx: TenantContext, bookingId: string, outcomes: ProcessorOutcome[]) {
  for (const outcome of outcomes) {
    const { payment } = outcome;
    if (outcome.kind === 'canceled') {
      await ctx.tx.bookingPayment.updateMany({
        where: { id: payment.id, status: 'requires_payment' },
        data: { status: 'canceled', openBookingId: null },
      });
      continue;
    }
    await recordProcessorObject(ctx.tx, ctx.orgId, {
      id: outcome.refundId,
      kind: 'refund',
      bookingId,
    });
    await ctx.tx.bookingPayment.update({
      where: { id: payment.id },
      data: { amountRefundedCents: payment.amountCents },
    });
    await ctx.tx.ledgerEntry.upsert({
      where: { paymentId_type: { paymentId: payment.id, type: 'refund' } },
      create: {
        orgId: ctx.orgId,
        bookingId,
        paymentId: payment.id,
        type: 'refund',
        amountCents: payment.amountCents,
        currency: payment.currency,
      },
      update: { amountCents: payment.amountCents },
    });
  }
}

/** Cancels open intents and refunds what was paid, outside any transaction; keyed per payment. */
async function settleAtProcessor(
  scope: OrgScope,
  bookingId: string,
  payments: BookingPaymentRow[],
): Promise<{ outcomes: ProcessorOutcome[]; failure: Error | null }> {
  const outcomes: ProcessorOutcome[] = [];
  try {
    const processor = await scope.gateway();
    for (const payment of payments) {
      if (payment.status === 'requires_payment') {
        // A pay request still making its intent sees the cancellation and cancels it.
        if (!isPendingIntent(payment)) {
          await processor.cancelPaymentIntent(payment.processorPaymentIntentId);
        }
        outcomes.push({ kind: 'canceled', payment });
      } else {
        const amountCents = payment.amountCents - payment.amountRefundedCents;
        const refund = await processor.refund({
          paymentIntentId: payment.processorPaymentIntentId,
          amountCents,
          idempotencyKey: `booking:${bookingId}:cancel:${payment.id}`,
        });
        outcomes.push({ kind: 'refunded', payment, refundId: refund.id, amountCents });
      }
    }
    return { outcomes, failure: null };
  } catch (error) {
    return {
      outcomes,
      failure:
        error instanceof Error ? error : new Error('processor call failed', { cause: error }),
    };
  }
}

/**
 * Admin cancel: refunds what was paid through the processor, cancels any open
 * PaymentIntent and voids every payout not yet paid out. Payouts already paid stay
 * as they are (reverse them separately if the money must come back). tx 1 checks
 * and plans; the processor calls run after it, keyed per payment; tx 2 records what
 * they did and, when nothing is left for the processor, cancels the booking with its
 * audit row. A processor failure still records what had been done, so a retry only
 * does the rest.
 */
export async function cancelBookingWithRefunds({
  scope,
  input,
}: {
  scope: OrgScope;
  input: z.infer<typeof cancelBookingInput>;
}) {
  let outcomes: ProcessorOutcome[] = [];
  let refundedCents = 0;
  for (let round = 0; ; round++) {
    const recorded = outcomes;
    const step = await scope.transaction(async (ctx) => {
      const before = await lockBooking(ctx, input.bookingId);
      await recordOutcomes(ctx, before.id, recorded);
      if (!canTransition(before.status, 'cancelled')) return { before, blocked: true as const };
      const payments = await ctx.tx.bookingPayment.findMany({ where: { bookingId: before.id } });
      const todo = payments.filter(needsProcessor);
      if (todo.length > 0) return { before, todo };
      return { before, done: await markCancelled(ctx, before, input.reason, refundedCents) };
    });
    if ('blocked' in step) {
      // Throws the usual "cannot become cancelled" conflict.
      assertTransition(step.before, 'cancelled');
    }
    if ('done' in step && step.done) return step.done;
    if (!('todo' in step) || !step.todo) continue;
    if (round >= 2) {
      throw new AppError(
        'CONFLICT',
        'The booking kept changing while it was being cancelled: try again',
      );
    }
    const settled = await settleAtProcessor(scope, step.before.id, step.todo);
    outcomes = settled.outcomes;
    for (const o of outcomes) if (o.kind === 'refunded') refundedCents += o.amountCents;
    if (settled.failure) {
      const done = outcomes;
      await compensate(scope, 'booking cancel bookkeeping', (ctx) =>
        recordOutcomes(ctx, step.before.id, done),
      );
      throw settled.failure;
    }
  }
}

/** The cancellation itself, with its audit row and the organizer's email. */
async function markCancelled(
  ctx: TenantContext,
  before: Booking,
  reason: string,
  refundedCents: number,
) {
  const voided = await ctx.tx.payout.updateMany({
    where: { bookingId: before.id, status: { in: ['locked', 'eligible', 'held'] } },
    data: { status: 'voided' },
  });
  const after = await ctx.tx.booking.update({
    where: { id: before.id },
    data: {
      status: 'cancelled',
      cancelledAt: new Date(),
      cancelReason: reason,
      amountRefundedCents: before.amountPaidCents,
    },
  });
  await recordAudit(ctx, {
    action: 'booking.cancelled',
    entityType: 'booking',
    entityId: before.id,
    before,
    after: { ...after, refundedCents, voidedPayouts: voided.count },
  });
  const organizer = await ctx.tx.user.findUniqueOrThrow({
    where: { id: before.organizerId },
    select: { email: true },
  });
  await enqueueOutbox(ctx, {
    dedupeKey: `booking:${before.id}:cancelled`,
    channel: 'email',
    topic: 'booking.cancelled',
    recipient: organizer.email,
    subject: `Booking #${before.number} was cancelled`,
    body: `Booking #${before.number} was cancelled: ${reason}.${refundedCents > 0 ? ' Your payments are being refunded.' : ''}`,
  });
  return {
    ...(await getBookingDetail({ ctx, bookingId: before.id })),
    refundedCents,
    voidedPayouts: voided.count,
  };
}
