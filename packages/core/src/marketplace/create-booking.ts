import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { incrementUsageCounter, monthPeriod } from '../org/usage-counters';
import { actorOrThrow } from './gateway';
import { EVENT_DATE_IN_PAST_MESSAGE, isEventDateInPast } from './booking-status';
import { submitDraft } from './booking-submission';
import type { CreateBookingInput } from './schemas';

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
  await incrementUsageCounter(ctx.tx, {
    orgId: ctx.orgId,
    metric: 'bookings',
    period: monthPeriod(booking.createdAt),
    by: 1,
  });
  if (input.submit) booking = await submitDraft(ctx, booking);
  return booking;
}
