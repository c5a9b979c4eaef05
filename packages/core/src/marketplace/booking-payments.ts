import type { z } from 'zod';
import type { PaymentGateway } from '@souk/payments';
import type { Booking, BookingPaymentKind } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { coreEnv } from '../env';
import { actorOrThrow, gatewayFor } from './gateway';
import { amountsOf, lockOrganizerBooking } from './booking-access';
import { isReadyForPayment } from './booking-status';
import type { PayBookingInput, listPaymentsInput } from './schemas';
import { pageArgs, NEWEST_FIRST } from '../page';
import { recordProcessorObject } from '../payments/processor-objects';

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

/**
 * Organizer pays a deposit, in full, or the balance, through a PaymentIntent. The
 * booking row lock plus the one-open-payment unique key mean any number of
 * concurrent clicks produce exactly one PaymentIntent; a repeat returns it.
 */
export async function payBooking({
  ctx,
  input,
  gateway,
}: {
  ctx: TenantContext;
  input: PayBookingInput;
  gateway?: PaymentGateway;
}) {
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
  const processor = await gatewayFor(ctx, gateway);
  const returnUrl = input.returnUrl ?? `${coreEnv.PUBLIC_WEB_URL}/bookings/${booking.id}`;

  const open = await ctx.tx.bookingPayment.findUnique({ where: { openBookingId: booking.id } });
  if (open && open.kind === input.mode && open.amountCents === amountCents) {
    return {
      paymentId: open.id,
      paymentIntentId: open.processorPaymentIntentId,
      clientSecret: open.clientSecret,
      amountCents,
      currency: booking.currency,
      kind: open.kind,
      payUrl: processor.hostedPaymentUrl(
        { id: open.processorPaymentIntentId, clientSecret: open.clientSecret },
        returnUrl,
      ),
      reused: true,
    };
  }
  if (open) {
    // The organizer switched deposit <-> full: the old intent must not be payable any more.
    await processor.cancelPaymentIntent(open.processorPaymentIntentId);
    await ctx.tx.bookingPayment.update({
      where: { id: open.id },
      data: { status: 'canceled', openBookingId: null },
    });
  }
  const attempt = (await ctx.tx.bookingPayment.count({ where: { bookingId: booking.id } })) + 1;
  const paymentId = crypto.randomUUID();
  const idempotencyKey = `booking:${booking.id}:${input.mode}:${attempt}`;
  const intent = await processor.createPaymentIntent({
    idempotencyKey,
    amountCents,
    currency: booking.currency,
    description: `Booking #${booking.number} (${input.mode})`,
    transferGroup: `booking_${booking.id}`,
    receiptEmail: actor.email,
    metadata: {
      orgId: ctx.orgId,
      bookingId: booking.id,
      bookingPaymentId: paymentId,
      kind: input.mode,
    },
  });
  await ctx.tx.bookingPayment.create({
    data: {
      id: paymentId,
      orgId: ctx.orgId,
      bookingId: booking.id,
      kind: input.mode,
      amountCents,
      currency: booking.currency,
      processorPaymentIntentId: intent.id,
      clientSecret: intent.clientSecret,
      idempotencyKey,
      openBookingId: booking.id,
      commissionBps: coreEnv.PLATFORM_COMMISSION_PERCENT,
      reservationBps: coreEnv.RESERVATION_RELEASE_PERCENT,
      createdById: actor.userId,
    },
  });
  await recordProcessorObject(ctx.tx, ctx.orgId, {
    id: intent.id,
    kind: 'payment_intent',
    bookingId: booking.id,
  });
  return {
    paymentId,
    paymentIntentId: intent.id,
    clientSecret: intent.clientSecret,
    amountCents,
    currency: booking.currency,
    kind: input.mode,
    payUrl: processor.hostedPaymentUrl(
      { id: intent.id, clientSecret: intent.clientSecret },
      returnUrl,
    ),
    reused: false,
  };
}

export async function listBookingPayments({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listPaymentsInput>;
}) {
  const where = input.status ? { status: input.status } : {};
  const [total, rows] = await Promise.all([
    ctx.tx.bookingPayment.count({ where }),
    ctx.tx.bookingPayment.findMany({
      where,
      omit: { clientSecret: true },
      include: { booking: { select: { number: true, status: true } } },
      orderBy: NEWEST_FIRST,
      ...pageArgs(input),
    }),
  ]);
  return { total, rows };
}
