import type { z } from 'zod';
import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { actorOrThrow } from './gateway';
import { lockBooking } from './booking-access';
import type { listDisputesInput, openDisputeInput, resolveDisputeInput } from './schemas';
import { pageArgs, pageOf, NEWEST_FIRST } from '../page';

export function openDisputeOf(ctx: TenantContext, bookingId: string) {
  return ctx.tx.dispute.findFirst({
    where: { bookingId, status: 'open' },
    orderBy: { createdAt: 'asc' },
  });
}

/**
 * The organizer or a vendor on the booking raises a problem: every payout of the
 * booking that could be paid out now is held until an admin resolves it.
 */
export async function openDispute({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof openDisputeInput>;
}) {
  const actor = actorOrThrow(ctx);
  const booking = await lockBooking(ctx, input.bookingId);
  let openedAs: 'organizer' | 'vendor';
  if (booking.organizerId === actor.userId) {
    openedAs = 'organizer';
  } else {
    const vendor = await ctx.tx.vendor.findUnique({
      where: { orgId_userId: { orgId: ctx.orgId, userId: actor.userId } },
    });
    const linked = vendor
      ? await ctx.tx.bookingVendor.findUnique({
          where: { bookingId_vendorId: { bookingId: booking.id, vendorId: vendor.id } },
        })
      : null;
    if (!linked) throw AppError.notFound('Booking');
    openedAs = 'vendor';
  }
  if (booking.status !== 'paid' && booking.status !== 'completed') {
    throw new AppError(
      'CONFLICT',
      'Disputes are for paid bookings; before payment, decline or cancel instead',
    );
  }
  const dispute = await ctx.tx.dispute.create({
    data: {
      orgId: ctx.orgId,
      bookingId: booking.id,
      openedById: actor.userId,
      openedAs,
      reason: input.reason,
    },
  });
  const held = await ctx.tx.payout.updateMany({
    where: { bookingId: booking.id, status: 'eligible' },
    data: { status: 'held', heldByDisputeId: dispute.id, heldReason: 'Dispute open' },
  });
  return { ...dispute, heldPayouts: held.count };
}

export async function listDisputes({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listDisputesInput>;
}) {
  const where: Prisma.DisputeWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.userId ? { openedById: input.userId } : {}),
    ...(input.bookingId ? { bookingId: input.bookingId } : {}),
  };
  // Sequential: queries in one interactive transaction share a single connection.
  const total = await ctx.tx.dispute.count({ where });
  const rows = await ctx.tx.dispute.findMany({
    where,
    include: { booking: { select: { number: true, status: true, currency: true } } },
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
  });
  const heldCounts = await ctx.tx.payout.groupBy({
    by: ['heldByDisputeId'],
    where: { heldByDisputeId: { in: rows.map((r) => r.id) }, status: 'held' },
    _count: { _all: true },
    _sum: { amountCents: true },
  });
  const held = new Map(heldCounts.map((h) => [h.heldByDisputeId, h]));
  return pageOf(
    input,
    total,
    rows.map((r) => ({
      ...r,
      heldPayouts: held.get(r.id)?._count._all ?? 0,
      heldCents: held.get(r.id)?._sum.amountCents ?? 0,
    })),
  );
}

/** Admin: release the held payouts back to eligible, or reverse them; either way, with a note. */
export async function resolveDispute({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof resolveDisputeInput>;
}) {
  const before = await ctx.tx.dispute.findUnique({ where: { id: input.id } });
  if (!before) throw AppError.notFound('Dispute');
  await lockBooking(ctx, before.bookingId);
  if (before.status !== 'open')
    throw new AppError('CONFLICT', `This dispute is already ${before.status.replace('_', ' ')}`);
  const now = new Date();
  const affected = await ctx.tx.payout.updateMany({
    where: { heldByDisputeId: before.id, status: 'held' },
    data:
      input.status === 'resolved_released'
        ? { status: 'eligible', heldByDisputeId: null, heldReason: null, eligibleAt: now }
        : { status: 'reversed', reversedAt: now, reverseReason: `Dispute resolved: ${input.note}` },
  });
  const after = await ctx.tx.dispute.update({
    where: { id: before.id },
    data: {
      status: input.status,
      resolutionNote: input.note,
      resolvedById: ctx.actor?.userId ?? null,
      resolvedAt: now,
    },
  });
  await recordAudit(ctx, {
    action: 'dispute.resolved',
    entityType: 'dispute',
    entityId: before.id,
    before,
    after: { ...after, payoutsAffected: affected.count },
  });
  return { ...after, payoutsAffected: affected.count };
}
