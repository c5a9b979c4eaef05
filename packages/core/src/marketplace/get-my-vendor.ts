import type { TenantContext } from '../context';
import { actorOrThrow } from './gateway';

/** The signed-in user's vendor profile, or null before they onboard. */
export async function getMyVendor({ ctx }: { ctx: TenantContext }) {
  const actor = actorOrThrow(ctx);
  return ctx.tx.vendor.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId: actor.userId } },
  });
}
