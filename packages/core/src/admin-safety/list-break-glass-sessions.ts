import type { TenantContext } from '../context';

const HISTORY_LIMIT = 100;

/** The org's break-glass history, newest first; token hashes never leave the table. */
export async function listBreakGlassSessions({
  ctx,
  now = new Date(),
}: {
  ctx: TenantContext;
  now?: Date;
}) {
  const rows = await ctx.tx.breakGlassSession.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: HISTORY_LIMIT,
    select: {
      id: true,
      userId: true,
      reason: true,
      createdAt: true,
      expiresAt: true,
      redeemedAt: true,
      endedAt: true,
    },
  });
  const users = await ctx.tx.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.userId))] } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  return rows.map(({ userId, ...row }) => ({
    ...row,
    startedBy: emailOf.get(userId) ?? null,
    status: row.endedAt
      ? ('ended' as const)
      : row.expiresAt <= now
        ? ('expired' as const)
        : ('active' as const),
  }));
}
