import { AppError, recordAudit, type TenantContext } from '@souk/core';
import { loadMemberChange, PRIVILEGED_ROLES, ROLE_NAMES } from './account';
import { enqueuePasswordResetEmail } from './request-password-reset';

/**
 * An owner or admin emails a member the same reset link "forgot password" sends (30
 * minutes, works once). The password stays as it is until the member uses the link.
 */
export async function sendMemberPasswordReset({
  ctx,
  userId,
  now = new Date(),
}: {
  ctx: TenantContext;
  userId: string;
  now?: Date;
}): Promise<{ userId: string; email: string; sent: true }> {
  const { actor, target } = await loadMemberChange(ctx, userId);
  const isSelf = target.userId === actor.userId;
  if (!isSelf && PRIVILEGED_ROLES.includes(target.role) && actor.role !== 'OWNER') {
    throw new AppError(
      'FORBIDDEN',
      `Only an owner can reset the password of ${ROLE_NAMES[target.role]} (${target.user.email})`,
    );
  }
  if (target.disabledAt || target.user.disabledAt) {
    throw new AppError(
      'CONFLICT',
      `${target.user.email} is disabled: enable them before sending a password reset`,
    );
  }
  const user = await ctx.tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, passwordHash: true },
  });
  await enqueuePasswordResetEmail({
    ctx,
    user,
    now,
    intro: `${actor.user.email} sent you a link to reset the password of your Souk account (${user.email}).`,
  });
  await recordAudit(ctx, {
    action: 'user.password_reset_sent',
    entityType: 'user',
    entityId: userId,
    after: { email: user.email, role: target.role },
  });
  return { userId, email: user.email, sent: true };
}
