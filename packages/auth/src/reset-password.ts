import { AppError, recordAudit, type ResetPasswordInput, type TenantContext } from '@souk/core';
import { hashPassword, validateNewPassword, validatePassword } from './password';
import { readResetToken, verifyResetToken } from './reset-token';
import { revokeUserSessions } from './sessions';

const INVALID_LINK = 'This reset link is invalid, expired or already used: ask for a new one';

/**
 * Sets a new password from an emailed reset link. The link is tied to the old password,
 * so it works once; every session of the user ends, as after a password change.
 */
export async function resetPassword({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: TenantContext;
  input: ResetPasswordInput;
  now?: Date;
}): Promise<{ email: string }> {
  const claim = readResetToken(input.token);
  const user = claim ? await ctx.tx.user.findUnique({ where: { id: claim.userId } }) : null;
  if (
    !user ||
    user.disabledAt ||
    !verifyResetToken({ token: input.token, passwordHash: user.passwordHash, now })
  ) {
    throw AppError.field('token', INVALID_LINK);
  }
  validatePassword(input.password);
  validateNewPassword({ password: input.password, userInputs: [user.email, user.name] });

  const passwordHash = await hashPassword(input.password);
  // Conditional on the hash the link was signed for: of two uses racing, one wins.
  const { count } = await ctx.tx.user.updateMany({
    where: { id: user.id, passwordHash: user.passwordHash },
    // A password the person chose: any temporary one an admin issued is done with.
    data: { passwordHash, passwordChangedAt: now, mustChangePassword: false },
  });
  if (count === 0) throw AppError.field('token', INVALID_LINK);
  const sessionsRevoked = await revokeUserSessions({ db: ctx.tx, userId: user.id });
  await recordAudit(ctx, {
    action: 'user.password_reset',
    entityType: 'user',
    entityId: user.id,
    after: { email: user.email, sessionsRevoked },
  });
  return { email: user.email };
}
