import type { Booking, BookingPaymentKind, Tx } from '@souk/db';
import type { ProcessorPaymentIntent } from '@souk/payments';
import type { OrgScope, TenantContext } from '../context';
import { AppError } from '../errors';
import { coreEnv } from '../env';
import { actorOrThrow } from './gateway';
import { amountsOf, lockOrganizerBooking } from './booking-access';
import { isReadyForPayment } from './booking-status';
import type { PayBookingInput } from './schemas';
import { recordProcessorObject } from '../processor/processor-objects';
import { compensate } from '../processor/compensate';
import { isPendingIntent, PENDING_INTENT } from './pending-intent';

function amountFor(booking: Booking, mode: BookingPaymentKind, hasPaid: boolean): number {
  const amounts = amountsOf(booking);
  if (mode === 'balance') {
    if (!hasPaid || booking.status !== 'paid') {
      throw AppError.field('mode', 'There is no balance to pay: pay a deposit or in full first');
    }
    if (amounts.balanceDueCents === 0) throw AppError.field('mode', 'This booking is paid in full');
    return amounts.balanceDueCents;
  }
  if (hasPaid) {
    throw AppError.field('mode', 'The deposit is paid: pay the balance');
  }
  if (booking.status !== 'ready_for_payment') {
    throw new AppError(
      'CONFLICT',
      `Booking #${booking.number} is ${booking.status.replaceAll('_', ' ')}: it can be paid once every vendor has approved`,
    );
  }
  const amount = mode === 'deposit' ? amounts.depositCents : amounts.totalCents;
  if (amount <= 0) throw AppError.field('mode', 'Nothing to pay: the agreed total is zero');
  return amount;
}

type PaymentRow = Awaited<ReturnType<Tx['bookingPayment']['create']>>;

/** tx 1: checks the booking and persists the intent (a pending row with its idempotency key). */
async function claimPayment(ctx: TenantContext, input: PayBookingInput) {
  const actor = actorOrThrow(ctx);
  const booking = await lockOrganizerBooking(ctx, input.bookingId);
  const linkages = await ctx.tx.bookingVendor.findMany({ where: { bookingId: booking.id } });
  if (!isReadyForPayment(linkages)) {
    throw new AppError(
      'CONFLICT',
      'Every included vendor must approve with a price above zero before payment',
    );
  }
  const succeeded = await ctx.tx.bookingPayment.count({
    where: { bookingId: booking.id, status: 'succeeded' },
  });
  const amountCents = amountFor(booking, input.mode, succeeded > 0);
  const open = await ctx.tx.bookingPayment.findUnique({ where: { openBookingId: booking.id } });
  if (open && open.kind === input.mode && open.amountCents === amountCents) {
    return { booking, actor, payment: open, replaced: null, isNew: false };
  }
  if (open) {
    // The organizer switched deposit <-> full: the old intent must not be payable any more.
    await ctx.tx.bookingPayment.update({
      where: { id: open.id },
      data: { status: 'canceled', openBookingId: null },
    });
  }
  const paymentId = crypto.randomUUID();
  const payment = await ctx.tx.bookingPayment.create({
    data: {
      id: paymentId,
      orgId: ctx.orgId,
      bookingId: booking.id,
      kind: input.mode,
      amountCents,
      currency: booking.currency,
      processorPaymentIntentId: `${PENDING_INTENT}${paymentId}`,
      clientSecret: '',
      idempotencyKey: `booking:${booking.id}:${input.mode}:${paymentId}`,
      openBookingId: booking.id,
      commissionBps: coreEnv.PLATFORM_COMMISSION_PERCENT,
      reservationBps: coreEnv.RESERVATION_RELEASE_PERCENT,
      createdById: actor.userId,
    },
  });
  return { booking, actor, payment, replaced: open, isNew: true };
}

/** Compensation: drops the pending row and gives the replaced intent back its place. */
async function releaseClaim(ctx: TenantContext, payment: PaymentRow, replaced: PaymentRow | null) {
  await ctx.tx.bookingPayment.deleteMany({
    where: { id: payment.id, processorPaymentIntentId: `${PENDING_INTENT}${payment.id}` },
  });
  if (replaced) {
    await ctx.tx.bookingPayment.updateMany({
      where: { id: replaced.id, status: 'canceled' },
      data: { status: replaced.status, openBookingId: replaced.openBookingId },
    });
  }
}

/**
 * Organizer pays a deposit, in full, or the balance, through a PaymentIntent. tx 1
 * (under the booking row lock, with the one-open-payment unique key) persists the
 * payment with its idempotency key; the PaymentIntent is made after that commit and
 * tx 2 records it. Any number of concurrent clicks find the same open row and ask the
 * processor with the same key, so they all get the one PaymentIntent; a repeat
 * returns it. When the processor call fails, the claim is released again.
 */
export async function payBooking({ scope, input }: { scope: OrgScope; input: PayBookingInput }) {
  if (input.mode === 'deposit' && !coreEnv.DEPOSITS_ENABLED) {
    throw AppError.field('mode', 'Deposits are turned off: pay the booking in full');
  }
  const claim = await scope.transaction((ctx) => claimPayment(ctx, input));
  const { booking, actor, payment, replaced, isNew } = claim;
  const processor = await scope.gateway();
  const returnUrl = input.returnUrl ?? `${coreEnv.PUBLIC_WEB_URL}/bookings/${booking.id}`;
  const answer = (intent: { id: string; clientSecret: string }, reused: boolean) => ({
    paymentId: payment.id,
    paymentIntentId: intent.id,
    clientSecret: intent.clientSecret,
    amountCents: payment.amountCents,
    currency: payment.currency,
    kind: payment.kind,
    payUrl: processor.hostedPaymentUrl(intent, returnUrl),
    reused,
  });
  if (!isPendingIntent(payment)) {
    return answer(
      { id: payment.processorPaymentIntentId, clientSecret: payment.clientSecret },
      true,
    );
  }

  let intent: ProcessorPaymentIntent;
  try {
    if (replaced) await processor.cancelPaymentIntent(replaced.processorPaymentIntentId);
    // Same key and same parameters for every caller that found this row.
    intent = await processor.createPaymentIntent({
      idempotencyKey: payment.idempotencyKey,
      amountCents: payment.amountCents,
      currency: payment.currency,
      description: `Booking #${booking.number} (${payment.kind})`,
      transferGroup: `booking_${booking.id}`,
      receiptEmail: actor.email,
      metadata: {
        orgId: scope.orgId,
        bookingId: booking.id,
        bookingPaymentId: payment.id,
        kind: payment.kind,
      },
    });
  } catch (error) {
    // Only the caller that made the claim takes it back; the others just report.
    if (isNew) {
      await compensate(scope, 'pay booking compensation', (ctx) =>
        releaseClaim(ctx, payment, replaced),
      );
    }
    throw error;
  }
  const made = intent;
  const isRecorded = await scope.transaction(async (ctx) => {
    await ctx.tx.bookingPayment.updateMany({
      where: {
        id: payment.id,
        processorPaymentIntentId: `${PENDING_INTENT}${payment.id}`,
        status: 'requires_payment',
      },
      data: { processorPaymentIntentId: made.id, clientSecret: made.clientSecret },
    });
    const row = await ctx.tx.bookingPayment.findUnique({ where: { id: payment.id } });
    if (row?.processorPaymentIntentId !== made.id || row.status !== 'requires_payment') {
      return false;
    }
    await recordProcessorObject(ctx.tx, scope.orgId, {
      id: made.id,
      kind: 'payment_intent',
      bookingId: booking.id,
    });
    return true;
  });
  if (!isRecorded) {
    // The booking was cancelled while the intent was being made: it must not be payable.
    await processor.cancelPaymentIntent(made.id).catch(() => undefined);
    throw new AppError(
      'CONFLICT',
      `Booking #${booking.number} changed while the payment was being prepared: reload it`,
    );
  }
  return answer(made, !isNew);
}
