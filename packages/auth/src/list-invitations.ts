import type { TenantContext } from '@souk/core';

/** Invitations not yet accepted or withdrawn, newest first; expired ones say so. */
export async function listInvitations({
  ctx,
  now = new Date(),
}: {
  ctx: TenantContext;
  now?: Date;
}) {
  const rows = await ctx.tx.invitation.findMany({
    where: { acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    take: 200,
  });
  const inviterIds = [...new Set(rows.flatMap((r) => (r.invitedById ? [r.invitedById] : [])))];
  const inviters = await ctx.tx.user.findMany({
    where: { id: { in: inviterIds } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(inviters.map((u) => [u.id, u.email]));
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    invitedByEmail: r.invitedById ? (emailOf.get(r.invitedById) ?? null) : null,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    isExpired: r.expiresAt.getTime() <= now.getTime(),
  }));
}
