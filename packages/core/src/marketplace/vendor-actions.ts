import type { z } from 'zod';
import type { BookingVendor, Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { formatMoney } from '../money';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { coreEnv } from '../env';
import { lockBooking, recomputeReadiness } from './booking-access';
import { requireMyVendor } from './vendors';
import { PAYOUT_SETUP_PATH, payoutRequestBlockedReason } from './payouts';
import type {
  vendorApproveInput,
  vendorCounterInput,
  vendorDeclineInput,
  vendorInboxInput,
} from './schemas';
import { pageArgs, NEWEST_FIRST } from '../page';

const inboxBookingSelect = {
  id: true,
  number: true,
  status: true,
  eventDate: true,
  guestCount: true,
  locationText: true,
  requestedBudgetCents: true,
  currency: true,
  createdAt: true,
} satisfies Prisma.BookingSelect;

/** The vendor's inbox: their answer rows, newest request first, with the booking's summary. */
export async function vendorInbox({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof vendorInboxInput>;
}) {
  const vendor = await requireMyVendor(ctx);
  const where: Prisma.BookingVendorWhereInput = {
    vendorId: vendor.id,
    ...(input.status ? { status: input.status } : {}),
    ...(input.bookingStatus ? { booking: { status: input.bookingStatus } } : {}),
  };
  const [total, rows] = await Promise.all([
    ctx.tx.bookingVendor.count({ where }),
    ctx.tx.bookingVendor.findMany({
      // Join bookings for the page's 25 rows only, not for every row the offset skips.
      relationLoadStrategy: 'query',
      where,
      orderBy: NEWEST_FIRST,
      ...pageArgs(input),
      select: {
        id: true,
        role: true,
        status: true,
        agreedAmountCents: true,
        proposedAmountCents: true,
        createdAt: true,
        booking: { select: inboxBookingSelect },
      },
    }),
  ]);
  return { total, rows };
}

async function myLinkage(ctx: TenantContext, bookingId: string) {
  const vendor = await requireMyVendor(ctx);
  const linkage = await ctx.tx.bookingVendor.findUnique({
    where: { bookingId_vendorId: { bookingId, vendorId: vendor.id } },
  });
  // A booking the vendor is not part of does not exist for them.
  if (!linkage) throw AppError.notFound('Booking');
  return { vendor, linkage };
}

export async function vendorBookingDetail({
  ctx,
  bookingId,
}: {
  ctx: TenantContext;
  bookingId: string;
}) {
  const { vendor, linkage } = await myLinkage(ctx, bookingId);
  const booking = await ctx.tx.booking.findUniqueOrThrow({
    where: { id: bookingId },
    select: {
      ...inboxBookingSelect,
      notes: true,
      template: { select: { name: true } },
      organizer: { select: { name: true } },
      completedAt: true,
    },
  });
  const payouts = await ctx.tx.payout.findMany({
    where: { bookingId, vendorId: linkage.vendorId },
    orderBy: [{ createdAt: 'asc' }, { milestone: 'desc' }],
  });
  return {
    booking,
    linkage,
    payouts,
    requestBlockedReason: payoutRequestBlockedReason(vendor),
    payoutSetupPath: PAYOUT_SETUP_PATH,
  };
}

type Answer =
  | { kind: 'approve'; agreedAmountCents?: number; note?: string }
  | { kind: 'decline'; note?: string }
  | { kind: 'counter'; proposedAmountCents: number; note?: string };

const OPEN: BookingVendor['status'][] = ['pending', 'countered'];

async function answer(ctx: TenantContext, bookingId: string, reply: Answer) {
  const booking = await lockBooking(ctx, bookingId);
  const { vendor, linkage } = await myLinkage(ctx, bookingId);
  if (booking.status !== 'awaiting_vendor_approval') {
    throw new AppError(
      'CONFLICT',
      `Booking #${booking.number} is ${booking.status.replaceAll('_', ' ')}: it no longer takes answers`,
    );
  }
  // An approval without a price can be completed with one (payment needs every price).
  const pricingAnApproval =
    reply.kind === 'approve' && linkage.status === 'approved' && !linkage.agreedAmountCents;
  if (!OPEN.includes(linkage.status) && !pricingAnApproval) {
    throw new AppError('CONFLICT', `You already ${linkage.status} this booking`);
  }
  const now = new Date();
  const data =
    reply.kind === 'approve'
      ? {
          status: 'approved' as const,
          agreedAmountCents: reply.agreedAmountCents ?? linkage.proposedAmountCents,
        }
      : reply.kind === 'decline'
        ? { status: 'declined' as const }
        : { status: 'countered' as const, proposedAmountCents: reply.proposedAmountCents };
  const updated = await ctx.tx.bookingVendor.update({
    where: { id: linkage.id },
    data: { ...data, vendorNote: reply.note ?? null, respondedAt: now },
  });
  const after = await recomputeReadiness(ctx, booking);
  const organizer = await ctx.tx.user.findUniqueOrThrow({
    where: { id: booking.organizerId },
    select: { email: true },
  });
  const what =
    reply.kind === 'approve'
      ? `approved${updated.agreedAmountCents ? ` at ${formatMoney(updated.agreedAmountCents, booking.currency)}` : ''}`
      : reply.kind === 'decline'
        ? 'declined'
        : `proposed ${formatMoney(reply.proposedAmountCents, booking.currency)}`;
  await enqueueOutbox(ctx, {
    dedupeKey: `booking:${booking.id}:answer:${linkage.id}:${now.getTime()}`,
    channel: 'email',
    topic: `booking.vendor_${reply.kind}`,
    recipient: organizer.email,
    subject: `Booking #${booking.number}: ${vendor.displayName} ${reply.kind === 'counter' ? 'sent a counter-offer' : what}`,
    body: `${vendor.displayName} ${what} for booking #${booking.number}.${after.status === 'ready_for_payment' ? ' Every vendor is in: the booking is ready for payment.' : ''} ${coreEnv.PUBLIC_WEB_URL}/bookings/${booking.id}`,
  });
  return { linkage: updated, bookingStatus: after.status };
}

export function vendorApprove({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof vendorApproveInput>;
}) {
  return answer(ctx, input.bookingId, {
    kind: 'approve',
    agreedAmountCents: input.agreedAmountCents,
    note: input.note,
  });
}

export function vendorDecline({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof vendorDeclineInput>;
}) {
  return answer(ctx, input.bookingId, { kind: 'decline', note: input.note });
}

export function vendorCounter({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof vendorCounterInput>;
}) {
  return answer(ctx, input.bookingId, {
    kind: 'counter',
    proposedAmountCents: input.proposedAmountCents,
    note: input.note,
  });
}
