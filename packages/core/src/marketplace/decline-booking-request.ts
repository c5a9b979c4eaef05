import type { z } from 'zod';
import type { TenantContext } from '../context';
import type { vendorDeclineInput } from './schemas';
import { answerBookingRequest } from './booking-request-answer';

export function declineBookingRequest({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof vendorDeclineInput>;
}) {
  return answerBookingRequest(ctx, input.bookingId, { kind: 'decline', note: input.note });
}
