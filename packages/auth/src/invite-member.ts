import type { Role } from '@souk/db';
import {
  AppError,
  coreEnv,
  enqueueOutbox,
  recordAudit,
  syncWorkersCounter,
  type InviteMemberInput,
  type TenantContext,
} from '@souk/core';
import { assertManager, PRIVILEGED_ROLES, ROLE_NAMES } from './account';
import { authEnv } from './env';
import {
  createInvitationToken,
  generateTemporaryPassword,
  INVITATION_TTL_MS,
} from './invitation-token';
import { hashPassword } from './password';
import { normalizeEmail } from './sessions';

export const INVITATION_TOPIC = 'auth.invitation';
export const ACCOUNT_CREATED_TOPIC = 'auth.account_created';

export interface InviteMemberResult {
  email: string;
  role: Role;
  /** The emailed link's invitation; null when the account was created at once. */
  invitationId: string | null;
  expiresAt: Date | null;
  /** The account created in temporary-password mode. */
  userId: string | null;
  /** Shown once to the inviting admin, never stored in clear, emailed or audited. */
  temporaryPassword: string | null;
}

export function publicUrl(path: string): string {
  return `${coreEnv.PUBLIC_WEB_URL.replace(/\/+$/, '')}${path}`;
}

export async function loadInviter(ctx: TenantContext) {
  if (!ctx.actor) throw new AppError('FORBIDDEN', 'Sign in as an owner or admin to manage users');
  const actor = await ctx.tx.membership.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId: ctx.actor.userId } },
    include: { user: { select: { email: true, disabledAt: true } } },
  });
  return assertManager(actor);
}

/** The hierarchy of account.ts: only an owner brings in (or withdraws) an owner or admin. */
export function assertMayInviteAs(inviterRole: Role, role: Role): void {
  if (PRIVILEGED_ROLES.includes(role) && inviterRole !== 'OWNER') {
    const message = `Only an owner can invite ${ROLE_NAMES[role]}`;
    throw new AppError('FORBIDDEN', message, { fieldErrors: { role: [message] } });
  }
}

/**
 * Invites a person into the caller's org with a staff role. By default it emails a link
 * (through the outbox) that works for 7 days; a newer invitation for the same address
 * replaces the pending one. With EMAIL_TEMP_PASSWORDS the account is created at once
 * with a temporary password that the admin passes on and the person must change first;
 * an address that already has a Souk account still gets a link, since only its owner
 * may add it to another org.
 */
export async function inviteMember({
  ctx,
  input,
  tempPasswords = authEnv.EMAIL_TEMP_PASSWORDS,
  now = new Date(),
}: {
  ctx: TenantContext;
  input: InviteMemberInput;
  tempPasswords?: boolean;
  now?: Date;
}): Promise<InviteMemberResult> {
  const inviter = await loadInviter(ctx);
  assertMayInviteAs(inviter.role, input.role);
  const email = normalizeEmail(input.email);
  const existing = await ctx.tx.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    const member = await ctx.tx.membership.findUnique({
      where: { orgId_userId: { orgId: ctx.orgId, userId: existing.id } },
      select: { id: true },
    });
    if (member) {
      const message = `${email} is already a member of this organization`;
      throw new AppError('CONFLICT', message, { fieldErrors: { email: [message] } });
    }
  }
  const org = await ctx.tx.organization.findUniqueOrThrow({
    where: { id: ctx.orgId },
    select: { name: true },
  });
  // Whatever happens next, an older pending link for this address stops working.
  await ctx.tx.invitation.updateMany({
    where: { orgId: ctx.orgId, email, acceptedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });

  if (tempPasswords && !existing) {
    const temporaryPassword = generateTemporaryPassword();
    const user = await ctx.tx.user.create({
      data: {
        email,
        passwordHash: await hashPassword(temporaryPassword),
        mustChangePassword: true,
      },
    });
    await ctx.tx.membership.create({
      data: { orgId: ctx.orgId, userId: user.id, role: input.role },
    });
    await syncWorkersCounter(ctx.tx, ctx.orgId);
    await enqueueOutbox(ctx, {
      dedupeKey: `account-created:${user.id}`,
      channel: 'email',
      topic: ACCOUNT_CREATED_TOPIC,
      recipient: email,
      subject: `Your account at ${org.name} on Souk`,
      body: [
        `${inviter.user.email} created a Souk account for you (${email}) at ${org.name}, as ${ROLE_NAMES[input.role]}.`,
        `They will give you a temporary password. Sign in at ${publicUrl('/signin')} and choose your own password first.`,
        'If you did not expect this, ignore this email.',
      ].join('\n\n'),
    });
    await recordAudit(ctx, {
      action: 'user.invited',
      entityType: 'user',
      entityId: user.id,
      after: { email, role: input.role, mode: 'temporary_password' },
    });
    return {
      email,
      role: input.role,
      invitationId: null,
      expiresAt: null,
      userId: user.id,
      temporaryPassword,
    };
  }

  const { token, tokenHash } = createInvitationToken(ctx.orgId);
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const invitation = await ctx.tx.invitation.create({
    data: {
      orgId: ctx.orgId,
      email,
      role: input.role,
      tokenHash,
      invitedById: inviter.userId,
      expiresAt,
    },
  });
  await enqueueOutbox(ctx, {
    dedupeKey: `invitation:${invitation.id}`,
    channel: 'email',
    topic: INVITATION_TOPIC,
    recipient: email,
    subject: `You are invited to join ${org.name} on Souk`,
    body: [
      `${inviter.user.email} invited you (${email}) to join ${org.name} on Souk as ${ROLE_NAMES[input.role]}.`,
      `Accept the invitation: ${publicUrl(`/invite/${token}`)}`,
      'The link works once, for 7 days. If you did not expect it, ignore this email.',
    ].join('\n\n'),
  });
  await recordAudit(ctx, {
    action: 'user.invited',
    entityType: 'invitation',
    entityId: invitation.id,
    after: { email, role: input.role, mode: 'link', expiresAt },
  });
  return {
    email,
    role: input.role,
    invitationId: invitation.id,
    expiresAt,
    userId: null,
    temporaryPassword: null,
  };
}
