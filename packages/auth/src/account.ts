import type { Db } from '@souk/db';
import { AppError, recordAudit, type TenantContext } from '@souk/core';
import { hashPassword, validatePassword, verifyPassword } from './password';
import { revokeUserSessions } from './sessions';

/** Changing a password signs the user out everywhere, this session included. */
export async function changePassword({
  db,
  userId,
  currentPassword,
  newPassword,
}: {
  db: Db;
  userId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user || !(await verifyPassword(currentPassword, user.passwordHash))) {
    throw AppError.field('currentPassword', 'Current password is incorrect');
  }
  validatePassword(newPassword, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction([
    db.user.update({
      where: { id: userId },
      data: { passwordHash, passwordChangedAt: new Date() },
    }),
    db.authSession.updateMany({
      where: { userId, revokedAt: null },
      data: { revokedAt: new Date() },
    }),
  ]);
}

/** Disables (or re-enables) a member of the caller's org; disabling ends their sessions at once. */
export async function setUserDisabled({
  ctx,
  userId,
  disabled,
}: {
  ctx: TenantContext;
  userId: string;
  disabled: boolean;
}): Promise<{ userId: string; disabled: boolean; sessionsRevoked: number }> {
  if (ctx.actor?.userId === userId)
    throw AppError.field('userId', 'You cannot disable your own account');
  const membership = await ctx.tx.membership.findFirst({
    where: { userId },
    include: { user: true },
  });
  if (!membership) throw AppError.notFound('User');
  const before = { email: membership.user.email, disabledAt: membership.user.disabledAt };
  const user = await ctx.tx.user.update({
    where: { id: userId },
    data: { disabledAt: disabled ? new Date() : null },
  });
  await recordAudit(ctx, {
    action: disabled ? 'user.disable' : 'user.enable',
    entityType: 'user',
    entityId: userId,
    before,
    after: { email: user.email, disabledAt: user.disabledAt },
  });
  // Same transaction: the user is disabled and signed out together, or neither.
  const sessionsRevoked = disabled ? await revokeUserSessions({ db: ctx.tx, userId }) : 0;
  return { userId, disabled, sessionsRevoked };
}
