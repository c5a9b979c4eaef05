import type { TenantContext } from '../context';

/** The org's current sales tax rate, in basis points (825 = 8.25%). */
export async function getTaxRate({ ctx }: { ctx: TenantContext }) {
  return ctx.tx.organization.findUniqueOrThrow({
    where: { id: ctx.orgId },
    select: { taxRateBps: true, updatedAt: true },
  });
}
