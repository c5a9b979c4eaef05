import type { TenantContext } from '../context';

/** The org's people with their role and whether they can sign in to this org. */
export async function listMembers({ ctx }: { ctx: TenantContext }) {
  const members = await ctx.tx.membership.findMany({
    include: { user: { select: { id: true, email: true, name: true, disabledAt: true } } },
    orderBy: [{ role: 'asc' }, { createdAt: 'asc' }],
  });
  return members.map((m) => ({
    userId: m.user.id,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    // Disabled in this org; the platform switch below blocks every org and is not the org's to undo.
    disabledAt: m.disabledAt,
    isPlatformDisabled: m.user.disabledAt !== null,
  }));
}
