import { AppError, recordAudit, type TenantContext } from '@souk/core';
import { loadMemberChange, PRIVILEGED_ROLES, ROLE_NAMES } from './account';
import { revokeUserSessions } from './sessions';

/**
 * "Sign out everywhere": ends every session the member has open, in any org, without
 * disabling them; they can sign in again at once. For a suspected leaked password or a
 * lost laptop. Anyone may do it to themselves.
 */
export async function signOutMemberEverywhere({
  ctx,
  userId,
}: {
  ctx: TenantContext;
  userId: string;
}): Promise<{ userId: string; sessionsRevoked: number }> {
  const { actor, target } = await loadMemberChange(ctx, userId);
  const isSelf = target.userId === actor.userId;
  if (!isSelf && PRIVILEGED_ROLES.includes(target.role) && actor.role !== 'OWNER') {
    throw new AppError(
      'FORBIDDEN',
      `Only an owner can sign out ${ROLE_NAMES[target.role]} (${target.user.email})`,
    );
  }
  const sessionsRevoked = await revokeUserSessions({ db: ctx.tx, userId });
  // Programmatic clients too: their API tokens for this org (RLS keeps the update to it).
  const { count: apiTokensRevoked } = await ctx.tx.apiToken.updateMany({
    where: { userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await recordAudit(ctx, {
    action: 'user.signed_out_everywhere',
    entityType: 'user',
    entityId: userId,
    after: { email: target.user.email, sessionsRevoked, apiTokensRevoked },
  });
  return { userId, sessionsRevoked };
}
