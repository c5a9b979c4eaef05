import type { Prisma } from '@souk/db';

/** Who is signed in to the portal: an address in one org, from a portal session. */
export interface PortalClient {
  sessionId: string;
  orgId: string;
  email: string;
  expiresAt: Date;
}

/**
 * The client's orders: placed with their address, or by their account. Another client's
 * row simply does not match, so a guessed id reads as missing (404), never forbidden.
 */
export function clientOrderWhere(email: string): Prisma.OrderWhereInput {
  return {
    OR: [{ customerEmail: { equals: email, mode: 'insensitive' } }, { customer: { email } }],
  };
}

/** The client's bookings: those their account organizes. */
export function clientBookingWhere(email: string): Prisma.BookingWhereInput {
  return { organizer: { email } };
}
