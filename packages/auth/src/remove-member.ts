import { AppError, recordAudit, syncWorkersCounter, type TenantContext } from '@souk/core';
import { assertNotLastOwner, loadMemberChange, PRIVILEGED_ROLES, ROLE_NAMES } from './account';
import { isStaffRole } from './roles';

/**
 * Takes a staff member out of the caller's org: the membership goes, and the sessions
 * they have open on this org end with it. Their account and any other org stay.
 */
export async function removeMember({
  ctx,
  userId,
}: {
  ctx: TenantContext;
  userId: string;
}): Promise<{ userId: string; removed: true; sessionsRevoked: number }> {
  if (ctx.actor?.userId === userId) {
    throw new AppError('FORBIDDEN', 'You cannot remove yourself from the organization', {
      fieldErrors: { userId: ['You cannot remove yourself from the organization'] },
    });
  }
  const { actor, target, owners } = await loadMemberChange(ctx, userId);
  if (!isStaffRole(target.role)) {
    throw new AppError(
      'CONFLICT',
      `${target.user.email} is ${ROLE_NAMES[target.role]}: only staff can be removed here`,
    );
  }
  if (PRIVILEGED_ROLES.includes(target.role) && actor.role !== 'OWNER') {
    throw new AppError(
      'FORBIDDEN',
      `Only an owner can remove ${ROLE_NAMES[target.role]} (${target.user.email})`,
    );
  }
  assertNotLastOwner(target, owners, 'remove');

  await ctx.tx.membership.delete({ where: { id: target.id } });
  await syncWorkersCounter(ctx.tx, ctx.orgId);
  // Same transaction: the membership and this org's sessions end together, or neither.
  const { count: sessionsRevoked } = await ctx.tx.authSession.updateMany({
    where: { userId, activeOrgId: ctx.orgId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  // And the API tokens they hold for this org (RLS keeps the update to it).
  const { count: apiTokensRevoked } = await ctx.tx.apiToken.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await recordAudit(ctx, {
    action: 'user.removed',
    entityType: 'user',
    entityId: userId,
    before: { email: target.user.email, role: target.role, disabledAt: target.disabledAt },
    after: { sessionsRevoked, apiTokensRevoked },
  });
  return { userId, removed: true, sessionsRevoked };
}
