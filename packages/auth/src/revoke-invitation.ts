import { AppError, recordAudit, type TenantContext } from '@souk/core';
import { PRIVILEGED_ROLES, ROLE_NAMES } from './account';
import { loadInviter } from './invite-member';

/** Withdraws a pending invitation: its link stops working. Withdrawing twice is a no-op. */
export async function revokeInvitation({
  ctx,
  id,
  now = new Date(),
}: {
  ctx: TenantContext;
  id: string;
  now?: Date;
}): Promise<{ id: string; revoked: true }> {
  const inviter = await loadInviter(ctx);
  const invitation = await ctx.tx.invitation.findUnique({ where: { id } });
  if (!invitation) throw AppError.notFound('Invitation');
  if (PRIVILEGED_ROLES.includes(invitation.role) && inviter.role !== 'OWNER') {
    throw new AppError(
      'FORBIDDEN',
      `Only an owner can withdraw an invitation for ${ROLE_NAMES[invitation.role]} (${invitation.email})`,
    );
  }
  if (invitation.acceptedAt) {
    throw new AppError(
      'CONFLICT',
      `${invitation.email} already accepted this invitation: manage them in the users list`,
    );
  }
  if (invitation.revokedAt) return { id, revoked: true };
  await ctx.tx.invitation.update({ where: { id }, data: { revokedAt: now } });
  await recordAudit(ctx, {
    action: 'user.invitation_revoked',
    entityType: 'invitation',
    entityId: id,
    before: { email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt },
    after: { email: invitation.email, role: invitation.role, revokedAt: now },
  });
  return { id, revoked: true };
}
