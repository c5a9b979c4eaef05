import type { z } from 'zod';
import type { TenantContext } from '../context';
import type { vendorCounterInput } from './schemas';
import { answerBookingRequest } from './booking-request-answer';

/** The vendor proposes another amount; the organizer accepts or declines it. */
export function counterBookingRequest({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof vendorCounterInput>;
}) {
  return answerBookingRequest(ctx, input.bookingId, {
    kind: 'counter',
    proposedAmountCents: input.proposedAmountCents,
    note: input.note,
  });
}
