import type { Tx } from '@souk/db';
import type { TenantContext } from '../context';

/** The person a GDPR request is about, as this org knows them. */
export interface Subject {
  email: string;
  /** Their account, when it is linked to this org (membership, orders, bookings, files…). */
  userId: string | null;
  name: string | null;
}

/** Who an erased row points to, and what replaces a person's email. */
export const erasedEmail = (id: string) => `erased+${id}@invalid`;
export const ERASED = '[erased]';

/**
 * The account behind an email, but only when this org has something of theirs: a user of
 * another tenant with nothing here is nobody to this org (and must not be revealed).
 */
export async function linkedUserId(tx: Tx, userId: string): Promise<boolean> {
  // Sequential: queries in one interactive transaction share a single connection.
  if (await tx.membership.count({ where: { userId } })) return true;
  if (await tx.order.count({ where: { customerId: userId } })) return true;
  if (await tx.booking.count({ where: { organizerId: userId } })) return true;
  if (await tx.upload.count({ where: { ownerId: userId } })) return true;
  if (await tx.vendor.count({ where: { userId } })) return true;
  return (await tx.customerNote.count({ where: { customerId: userId } })) > 0;
}

export async function subjectByEmail(ctx: TenantContext, email: string): Promise<Subject> {
  const user = await ctx.tx.user.findFirst({
    where: { email: { equals: email, mode: 'insensitive' } },
    select: { id: true, name: true },
  });
  if (user && (await linkedUserId(ctx.tx, user.id))) {
    return { email, userId: user.id, name: user.name };
  }
  return { email, userId: null, name: null };
}

/** The orders that are this person's here: theirs by account, or placed as a guest with their email. */
export function subjectOrdersWhere(subject: Subject) {
  return {
    OR: [
      ...(subject.userId ? [{ customerId: subject.userId }] : []),
      { customerEmail: { equals: subject.email, mode: 'insensitive' as const } },
    ],
  };
}
