import type { TenantContext } from '../context';
import { lockOrganizerBooking } from './booking-access';
import { submitDraft } from './booking-submission';

export async function submitBooking({ ctx, bookingId }: { ctx: TenantContext; bookingId: string }) {
  return submitDraft(ctx, await lockOrganizerBooking(ctx, bookingId));
}
