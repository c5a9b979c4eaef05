import type { z } from 'zod';
import type { TenantContext } from '../context';
import type { listSubscriptionsInput } from './schemas';
import { pageArgs, pageOf } from '../page';

/** Admin: organizers (customers, and vendors who organize) with their subscription, for the override form. */
export async function listOrganizerSubscriptions({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof listSubscriptionsInput>;
}) {
  // Vendors organize events too (a customer who onboarded keeps organizing).
  const where = { role: { in: ['CUSTOMER' as const, 'VENDOR' as const] } };
  // Sequential: queries in one interactive transaction share a single connection.
  const total = await ctx.tx.membership.count({ where });
  const members = await ctx.tx.membership.findMany({
    where,
    include: { user: { select: { id: true, email: true, name: true } } },
    // userId breaks createdAt ties so no organizer falls between two pages.
    orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }],
    ...pageArgs(input),
  });
  const subscriptions = await ctx.tx.organizerSubscription.findMany({
    where: { userId: { in: members.map((m) => m.userId) } },
  });
  const byUser = new Map(subscriptions.map((s) => [s.userId, s]));
  const rows = members.map((m) => ({
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    status: byUser.get(m.userId)?.status ?? 'none',
    trialEndsAt: byUser.get(m.userId)?.trialEndsAt ?? null,
  }));
  return pageOf(input, total, rows);
}
