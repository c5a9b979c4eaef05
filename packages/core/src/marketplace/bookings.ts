import type { z } from 'zod';
import type { Booking } from '@souk/db';
import type { OrgScope, TenantContext } from '../context';
import { AppError } from '../errors';
import { formatMoney } from '../money';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { coreEnv } from '../env';
import { actorOrThrow } from './gateway';
import { isPendingIntent } from './booking-payments';
import {
  amountsOf,
  assertTransition,
  bookingVendorSelect,
  lockOrganizerBooking,
  recomputeReadiness,
} from './booking-access';
import type { CreateBookingInput, listMyBookingsInput, respondToCounterInput } from './schemas';
import { pageArgs, pageOf, NEWEST_FIRST } from '../page';
import {
  bookingStatusLabel,
  completionBlockedReason,
  EVENT_DATE_IN_PAST_MESSAGE,
  isEventDateInPast,
} from './booking-status';

const OWN_LISTING_MESSAGE = 'You cannot book your own listing: choose another vendor';

async function checkVendors(ctx: TenantContext, input: CreateBookingInput, organizerId: string) {
  const ids = [input.venueVendorId, ...input.serviceVendorIds];
  const vendors = await ctx.tx.vendor.findMany({
    where: { id: { in: ids } },
    include: { user: { select: { email: true } } },
  });
  const byId = new Map(vendors.map((v) => [v.id, v]));
  const venue = byId.get(input.venueVendorId);
  if (!venue || venue.status !== 'approved' || venue.type !== 'venue_owner') {
    throw AppError.field('venueVendorId', 'Choose an approved venue from the directory');
  }
  // Vendors may organize events too, but never buy from themselves (a self-paid
  // booking would only move platform commission around).
  if (venue.userId === organizerId) throw AppError.field('venueVendorId', OWN_LISTING_MESSAGE);
  input.serviceVendorIds.forEach((id, i) => {
    const vendor = byId.get(id);
    if (!vendor || vendor.status !== 'approved' || vendor.type !== 'service_provider') {
      throw AppError.field(
        `serviceVendorIds.${i}`,
        'Choose approved service providers from the directory',
      );
    }
    if (vendor.userId === organizerId) {
      throw AppError.field(`serviceVendorIds.${i}`, OWN_LISTING_MESSAGE);
    }
  });
  return vendors;
}

async function notifyVendorsOfRequest(ctx: TenantContext, booking: Booking) {
  const linkages = await ctx.tx.bookingVendor.findMany({
    where: { bookingId: booking.id },
    include: { vendor: { include: { user: { select: { email: true } } } } },
  });
  const budget =
    booking.requestedBudgetCents === null
      ? 'no budget given'
      : `budget ${formatMoney(booking.requestedBudgetCents, booking.currency)}`;
  for (const linkage of linkages) {
    await enqueueOutbox(ctx, {
      dedupeKey: `booking:${booking.id}:request:${linkage.vendorId}`,
      channel: 'email',
      topic: 'booking.requested',
      recipient: linkage.vendor.user.email,
      subject: `New booking request #${booking.number}`,
      body: `${linkage.vendor.displayName}, you have a new booking request (#${booking.number}, ${budget}). Approve, decline or counter it in your vendor portal: ${coreEnv.PUBLIC_WEB_URL}/vendor/bookings/${booking.id}`,
    });
  }
}

/** Organizer: a request with one venue and any services; each vendor gets a pending answer row. */
export async function createBooking({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: CreateBookingInput;
}) {
  const actor = actorOrThrow(ctx);
  if (input.eventDate && isEventDateInPast(input.eventDate)) {
    throw AppError.field('eventDate', EVENT_DATE_IN_PAST_MESSAGE);
  }
  if (input.templateId) {
    const template = await ctx.tx.eventTemplate.findUnique({ where: { id: input.templateId } });
    if (!template) throw AppError.field('templateId', 'That template no longer exists');
  }
  await checkVendors(ctx, input, actor.userId);
  let booking = await ctx.tx.booking.create({
    data: {
      orgId: ctx.orgId,
      organizerId: actor.userId,
      templateId: input.templateId,
      eventDate: input.eventDate ? new Date(`${input.eventDate}T00:00:00Z`) : null,
      guestCount: input.guestCount,
      locationText: input.locationText,
      notes: input.notes,
      requestedBudgetCents: input.requestedBudgetCents,
      currency: input.currency,
      vendors: {
        create: [
          { orgId: ctx.orgId, vendorId: input.venueVendorId, role: 'venue' },
          ...input.serviceVendorIds.map((vendorId) => ({
            orgId: ctx.orgId,
            vendorId,
            role: 'service' as const,
          })),
        ],
      },
    },
  });
  if (input.submit) booking = await submit(ctx, booking);
  return booking;
}

async function submit(ctx: TenantContext, booking: Booking) {
  assertTransition(booking, 'awaiting_vendor_approval');
  // A draft may sit until its date has gone by; vendors are never asked for a past day.
  if (booking.eventDate && isEventDateInPast(booking.eventDate)) {
    throw AppError.field('eventDate', EVENT_DATE_IN_PAST_MESSAGE);
  }
  const submitted = await ctx.tx.booking.update({
    where: { id: booking.id },
    data: { status: 'awaiting_vendor_approval' },
  });
  await notifyVendorsOfRequest(ctx, submitted);
  return submitted;
}

export async function submitBooking({ ctx, bookingId }: { ctx: TenantContext; bookingId: string }) {
  return submit(ctx, await lockOrganizerBooking(ctx, bookingId));
}

export async function listMyBookings({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listMyBookingsInput>;
}) {
  const where = {
    organizerId: actorOrThrow(ctx).userId,
    ...(input.status ? { status: input.status } : {}),
  };
  const total = await ctx.tx.booking.count({ where });
  const rows = await ctx.tx.booking.findMany({
    where,
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
    include: { vendors: { select: bookingVendorSelect } },
  });
  return pageOf(
    input,
    total,
    rows.map((b) => ({ ...b, amounts: amountsOf(b), statusLabel: bookingStatusLabel(b) })),
  );
}

/** Everything the organizer (or staff) sees of one booking. */
export async function bookingDetail(ctx: TenantContext, bookingId: string) {
  const booking = await ctx.tx.booking.findUnique({
    where: { id: bookingId },
    include: {
      template: { select: { id: true, name: true } },
      vendors: { select: bookingVendorSelect, orderBy: [{ role: 'asc' }, { createdAt: 'asc' }] },
      payments: {
        select: {
          id: true,
          kind: true,
          status: true,
          amountCents: true,
          amountRefundedCents: true,
          currency: true,
          failureMessage: true,
          processorPaymentIntentId: true,
          createdAt: true,
          succeededAt: true,
        },
        orderBy: { createdAt: 'asc' },
      },
      disputes: {
        select: {
          id: true,
          status: true,
          reason: true,
          openedAs: true,
          resolutionNote: true,
          createdAt: true,
        },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  if (!booking) throw AppError.notFound('Booking');
  return {
    ...booking,
    amounts: amountsOf(booking),
    statusLabel: bookingStatusLabel(booking),
    /** Why the organizer cannot mark the event completed yet (null: they can, date-wise). */
    completionBlockedReason: completionBlockedReason(booking.eventDate),
  };
}

export async function getMyBooking({ ctx, bookingId }: { ctx: TenantContext; bookingId: string }) {
  const detail = await bookingDetail(ctx, bookingId);
  if (detail.organizerId !== actorOrThrow(ctx).userId) throw AppError.notFound('Booking');
  return detail;
}

/**
 * Organizer's answer to a counter: accepting keeps the vendor's proposed amount;
 * declining drops that vendor and the booking keeps waiting on the others.
 */
export async function respondToCounter({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof respondToCounterInput>;
}) {
  const booking = await lockOrganizerBooking(ctx, input.bookingId);
  if (booking.status !== 'awaiting_vendor_approval') {
    throw new AppError('CONFLICT', `Booking #${booking.number} is not waiting on vendors any more`);
  }
  const linkage = await ctx.tx.bookingVendor.findUnique({ where: { id: input.bookingVendorId } });
  if (!linkage || linkage.bookingId !== booking.id) {
    throw AppError.field('bookingVendorId', 'That vendor is not part of this booking');
  }
  if (linkage.status !== 'countered') {
    throw new AppError('CONFLICT', 'There is no open counter-offer from this vendor');
  }
  await ctx.tx.bookingVendor.update({
    where: { id: linkage.id },
    data: input.accept
      ? { status: 'approved', agreedAmountCents: linkage.proposedAmountCents }
      : { status: 'declined' },
  });
  await recomputeReadiness(ctx, booking);
  return getMyBooking({ ctx, bookingId: booking.id });
}

/**
 * Organizer may withdraw a request until it is paid; after that only an admin
 * cancels (with refunds). A payment page left open is closed at the processor:
 * tx 1 checks, the processor is asked (and the intent cancelled) outside any
 * transaction, tx 2 cancels the booking after checking again that nothing moved.
 */
export async function cancelMyBooking({
  scope,
  bookingId,
  reason,
}: {
  scope: OrgScope;
  bookingId: string;
  reason: string;
}) {
  const first = await scope.transaction(async (ctx) => {
    const booking = await lockWithdrawable(ctx, bookingId);
    const open = await ctx.tx.bookingPayment.findUnique({ where: { openBookingId: booking.id } });
    if (!open) return { withdrawn: await withdraw(ctx, booking.id, reason, null) };
    return { open };
  });
  if (first.withdrawn) return first.withdrawn;
  const { open } = first;

  // A pay request still making its intent sees the cancellation and cancels it itself.
  if (!isPendingIntent(open)) {
    const processor = await scope.gateway();
    const intent = await processor.retrievePaymentIntent(open.processorPaymentIntentId);
    if (intent.status === 'succeeded' || intent.status === 'processing') {
      throw new AppError(
        'CONFLICT',
        'Your payment just went through: the booking can no longer be withdrawn',
      );
    }
    await processor.cancelPaymentIntent(open.processorPaymentIntentId);
  }
  return scope.transaction(async (ctx) => {
    const booking = await lockWithdrawable(ctx, bookingId);
    const now = await ctx.tx.bookingPayment.findUnique({ where: { openBookingId: booking.id } });
    if (now && now.id !== open.id) {
      throw new AppError(
        'CONFLICT',
        `Booking #${booking.number} changed while it was being withdrawn: reload it and try again`,
      );
    }
    return withdraw(ctx, booking.id, reason, now);
  });
}

async function lockWithdrawable(ctx: TenantContext, bookingId: string) {
  const booking = await lockOrganizerBooking(ctx, bookingId);
  if (booking.status === 'paid') {
    throw new AppError(
      'CONFLICT',
      'A paid booking is cancelled by the platform: open a dispute or contact support',
    );
  }
  assertTransition(booking, 'cancelled');
  return booking;
}

async function withdraw(
  ctx: TenantContext,
  bookingId: string,
  reason: string,
  open: { id: string } | null,
) {
  if (open) {
    await ctx.tx.bookingPayment.update({
      where: { id: open.id },
      data: { status: 'canceled', openBookingId: null },
    });
  }
  await ctx.tx.booking.update({
    where: { id: bookingId },
    data: { status: 'cancelled', cancelledAt: new Date(), cancelReason: reason },
  });
  return getMyBooking({ ctx, bookingId });
}
