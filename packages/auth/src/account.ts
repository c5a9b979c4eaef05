import type { Db, Role } from '@souk/db';
import { AppError, recordAudit, syncWorkersCounter, type TenantContext } from '@souk/core';
import { hashPassword, validateNewPassword, validatePassword, verifyPassword } from './password';
import { isStaffRole } from './roles';

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
  // Length first, so "too short" wins over "reused" and "too easy to guess".
  validatePassword(newPassword, 'newPassword');
  if (newPassword === currentPassword) {
    throw AppError.field('newPassword', 'Choose a password different from your current one');
  }
  validateNewPassword({
    password: newPassword,
    field: 'newPassword',
    userInputs: [user.email, user.name],
  });
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction([
    // A temporary password an admin issued is done with once the person chose their own.
    db.user.update({
      where: { id: userId },
      data: { passwordHash, passwordChangedAt: new Date(), mustChangePassword: false },
    }),
    db.authSession.updateMany({
      where: { userId, revokedAt: null },
      data: { revokedAt: new Date() },
    }),
  ]);
}

// Owners and admins can change the org itself; only an owner may touch either of them.
export const PRIVILEGED_ROLES: readonly Role[] = ['OWNER', 'ADMIN'];

export const ROLE_NAMES: Record<Role, string> = {
  OWNER: 'an owner',
  ADMIN: 'an admin',
  FINANCE: 'finance',
  DISPATCHER: 'a dispatcher',
  VIEWER: 'a viewer',
  VENDOR: 'a vendor',
  CUSTOMER: 'a customer',
};

export interface OwnerRow {
  userId: string;
  enabled: boolean;
}

/**
 * Loads who acts and on whom, fresh inside the transaction, with the org's owner rows
 * locked: two owners disabling or demoting each other at the same moment queue here,
 * and the second sees that the first left nobody else in charge.
 */
export async function loadMemberChange(ctx: TenantContext, userId: string) {
  if (!ctx.actor) throw new AppError('FORBIDDEN', 'Sign in as an owner or admin to manage users');
  const owners = await ctx.tx.$queryRaw<OwnerRow[]>`
    SELECT m."userId", (m."disabledAt" IS NULL AND u."disabledAt" IS NULL) AS enabled
    FROM memberships m JOIN users u ON u.id = m."userId"
    WHERE m."orgId" = ${ctx.orgId}::uuid AND m.role = 'OWNER'
    ORDER BY m.id
    FOR UPDATE OF m`;
  const member = (id: string) =>
    ctx.tx.membership.findUnique({
      where: { orgId_userId: { orgId: ctx.orgId, userId: id } },
      include: { user: { select: { email: true, disabledAt: true } } },
    });
  // One transaction runs one query at a time: read them in turn.
  const actor = await member(ctx.actor.userId);
  const target = await member(userId);
  if (!target) throw AppError.notFound('User');
  return { actor: assertManager(actor), target, owners };
}

/** The one who acts must be an enabled owner or admin of this org. */
export function assertManager<
  T extends { role: Role; disabledAt: Date | null; user: { disabledAt: Date | null } },
>(actor: T | null): T {
  if (!actor || actor.disabledAt || actor.user.disabledAt) {
    throw new AppError('FORBIDDEN', 'Your access to this organization is disabled');
  }
  if (!PRIVILEGED_ROLES.includes(actor.role)) {
    throw new AppError('FORBIDDEN', 'Only an owner or an admin can manage users');
  }
  return actor;
}

export function assertNotLastOwner(
  target: { userId: string; role: Role; user: { email: string } },
  owners: OwnerRow[],
  verb: 'disable' | 'demote' | 'remove',
): void {
  if (target.role !== 'OWNER') return;
  const others = owners.filter((o) => o.enabled && o.userId !== target.userId);
  if (others.length === 0) {
    throw new AppError(
      'CONFLICT',
      `You cannot ${verb} ${target.user.email}: they are the last enabled owner of this organization. Make someone else an owner first`,
    );
  }
}

/**
 * Disables (or re-enables) a member's access to the caller's org only: the same person
 * keeps any other org, and `users.disabledAt` stays a platform-level switch tenants never
 * set. Disabling ends the sessions open on this org at once.
 */
export async function setUserDisabled({
  ctx,
  userId,
  disabled,
}: {
  ctx: TenantContext;
  userId: string;
  disabled: boolean;
}): Promise<{ userId: string; disabled: boolean; sessionsRevoked: number }> {
  if (ctx.actor?.userId === userId) {
    throw new AppError('FORBIDDEN', 'You cannot disable your own account', {
      fieldErrors: { userId: ['You cannot disable your own account'] },
    });
  }
  const { actor, target, owners } = await loadMemberChange(ctx, userId);
  if (PRIVILEGED_ROLES.includes(target.role) && actor.role !== 'OWNER') {
    throw new AppError(
      'FORBIDDEN',
      `Only an owner can ${disabled ? 'disable' : 'enable'} ${ROLE_NAMES[target.role]} (${target.user.email})`,
    );
  }
  if (disabled && !target.disabledAt) assertNotLastOwner(target, owners, 'disable');
  if (Boolean(target.disabledAt) === disabled) return { userId, disabled, sessionsRevoked: 0 };

  const before = { email: target.user.email, role: target.role, disabledAt: target.disabledAt };
  const updated = await ctx.tx.membership.update({
    where: { id: target.id },
    data: { disabledAt: disabled ? new Date() : null },
  });
  await syncWorkersCounter(ctx.tx, ctx.orgId);
  await recordAudit(ctx, {
    action: disabled ? 'user.disabled' : 'user.enabled',
    entityType: 'user',
    entityId: userId,
    before,
    after: { email: target.user.email, role: updated.role, disabledAt: updated.disabledAt },
  });
  // Same transaction: access is disabled and this org's sessions end together, or neither.
  const sessionsRevoked = disabled
    ? (
        await ctx.tx.authSession.updateMany({
          where: { userId, activeOrgId: ctx.orgId, revokedAt: null },
          data: { revokedAt: new Date() },
        })
      ).count
    : 0;
  return { userId, disabled, sessionsRevoked };
}

/**
 * Moves a staff member between staff roles. Customers and vendors change role through
 * onboarding, not here. The new role applies on the member's next request.
 */
export async function setUserRole({
  ctx,
  userId,
  role,
}: {
  ctx: TenantContext;
  userId: string;
  role: Role;
}): Promise<{ userId: string; role: Role }> {
  if (!isStaffRole(role)) {
    throw AppError.field(
      'role',
      'Choose a staff role: owner, admin, finance, dispatcher or viewer',
    );
  }
  const { actor, target, owners } = await loadMemberChange(ctx, userId);
  if (!isStaffRole(target.role)) {
    throw new AppError(
      'CONFLICT',
      `${target.user.email} is ${ROLE_NAMES[target.role]}: only staff roles can be changed here`,
    );
  }
  if (
    (PRIVILEGED_ROLES.includes(target.role) || PRIVILEGED_ROLES.includes(role)) &&
    actor.role !== 'OWNER'
  ) {
    throw new AppError(
      'FORBIDDEN',
      PRIVILEGED_ROLES.includes(target.role)
        ? `Only an owner can change the role of ${ROLE_NAMES[target.role]} (${target.user.email})`
        : `Only an owner can make someone ${ROLE_NAMES[role]}`,
    );
  }
  if (target.role === role) return { userId, role };
  if (!target.disabledAt && !target.user.disabledAt) assertNotLastOwner(target, owners, 'demote');

  await ctx.tx.membership.update({ where: { id: target.id }, data: { role } });
  await syncWorkersCounter(ctx.tx, ctx.orgId);
  await recordAudit(ctx, {
    action: 'user.role_changed',
    entityType: 'user',
    entityId: userId,
    before: { email: target.user.email, role: target.role },
    after: { email: target.user.email, role },
  });
  return { userId, role };
}
