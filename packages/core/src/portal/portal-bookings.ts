import type { Booking } from '@souk/db';
import type { TenantContext } from '../context';
import { coreEnv } from '../env';
import { AppError } from '../errors';
import { amountsOf, bookingPaymentSummarySelect } from '../marketplace/booking-access';
import { bookingStatusLabel } from '../marketplace/booking-status';
import { clientBookingWhere, type PortalClient } from './portal-client';
import { portalFileUrl } from './portal-link';

const PAST_SHOWN = 50;

function startOfTodayUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

function summary(booking: Booking & { vendors: { vendor: { displayName: string } }[] }) {
  return {
    id: booking.id,
    number: booking.number,
    status: booking.status,
    statusLabel: bookingStatusLabel(booking),
    eventDate: booking.eventDate,
    guestCount: booking.guestCount,
    locationText: booking.locationText,
    currency: booking.currency,
    amounts: amountsOf(booking),
    vendorNames: booking.vendors.map((v) => v.vendor.displayName),
    createdAt: booking.createdAt,
  };
}

/**
 * The client's bookings, upcoming first (soonest event first), then the rest, newest
 * event first. Upcoming: an event today or later that is neither cancelled nor completed.
 */
export async function listPortalBookings({
  ctx,
  client,
  now = new Date(),
}: {
  ctx: TenantContext;
  client: PortalClient;
  now?: Date;
}) {
  const mine = clientBookingWhere(client.email);
  const include = {
    vendors: { select: { vendor: { select: { displayName: true } } }, orderBy: { role: 'asc' } },
  } as const;
  const upcomingWhere = {
    ...mine,
    eventDate: { gte: startOfTodayUtc(now) },
    status: { notIn: ['cancelled', 'completed'] as ('cancelled' | 'completed')[] },
  };
  const upcoming = await ctx.tx.booking.findMany({
    where: upcomingWhere,
    orderBy: [{ eventDate: 'asc' }, { number: 'asc' }],
    include,
  });
  const upcomingIds = upcoming.map((b) => b.id);
  const others = await ctx.tx.booking.findMany({
    where: { ...mine, id: { notIn: upcomingIds } },
    orderBy: [{ eventDate: { sort: 'desc', nulls: 'last' } }, { createdAt: 'desc' }],
    take: PAST_SHOWN,
    include,
  });
  return { upcoming: upcoming.map(summary), others: others.map(summary) };
}

/**
 * One of the client's bookings: vendors, payments, status and the files attached to it,
 * each behind a signed, expiring app link. Another client's or another org's booking
 * reads as missing.
 */
export async function getPortalBooking({
  ctx,
  client,
  bookingId,
  now = new Date(),
  secret = coreEnv.CLIENT_PORTAL_SECRET,
  fileUrlTtlSeconds = coreEnv.PHOTO_URL_TTL_SECONDS,
}: {
  ctx: TenantContext;
  client: PortalClient;
  bookingId: string;
  now?: Date;
  secret?: string;
  fileUrlTtlSeconds?: number;
}) {
  const booking = await ctx.tx.booking.findFirst({
    where: { id: bookingId, ...clientBookingWhere(client.email) },
    include: {
      vendors: {
        select: {
          id: true,
          role: true,
          status: true,
          agreedAmountCents: true,
          vendor: { select: { displayName: true, type: true, city: true } },
        },
        orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
      },
      payments: { select: bookingPaymentSummarySelect, orderBy: { createdAt: 'asc' } },
    },
  });
  if (!booking) throw AppError.notFound('Booking');
  const uploads = await ctx.tx.upload.findMany({
    where: { bookingId: booking.id, status: 'stored', deletedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  const urlExpiresAt = new Date(Math.floor(now.getTime() / 1000 + fileUrlTtlSeconds) * 1000);
  return {
    ...summary(booking),
    notes: booking.notes,
    completedAt: booking.completedAt,
    cancelledAt: booking.cancelledAt,
    vendors: booking.vendors.map((v) => ({
      id: v.id,
      role: v.role,
      status: v.status,
      agreedAmountCents: v.agreedAmountCents,
      displayName: v.vendor.displayName,
      vendorType: v.vendor.type,
      city: v.vendor.city,
    })),
    payments: booking.payments,
    files: uploads.map((u) => ({
      id: u.id,
      fileName: u.fileName,
      contentType: u.sniffedType ?? u.declaredType,
      sizeBytes: u.sizeBytes,
      url: portalFileUrl({ orgId: ctx.orgId, uploadId: u.id, expiresAt: urlExpiresAt }, secret),
      urlExpiresAt,
    })),
  };
}
