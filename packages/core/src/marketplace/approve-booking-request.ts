import type { z } from 'zod';
import type { TenantContext } from '../context';
import type { vendorApproveInput } from './schemas';
import { answerBookingRequest } from './booking-request-answer';

/** The vendor takes the booking, at the agreed amount given or the one they proposed. */
export function approveBookingRequest({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof vendorApproveInput>;
}) {
  return answerBookingRequest(ctx, input.bookingId, {
    kind: 'approve',
    agreedAmountCents: input.agreedAmountCents,
    note: input.note,
  });
}
