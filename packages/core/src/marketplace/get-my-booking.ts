import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { actorOrThrow } from './gateway';
import { getBookingDetail } from './booking-detail';

export async function getMyBooking({ ctx, bookingId }: { ctx: TenantContext; bookingId: string }) {
  const detail = await getBookingDetail({ ctx, bookingId });
  if (detail.organizerId !== actorOrThrow(ctx).userId) throw AppError.notFound('Booking');
  return detail;
}
