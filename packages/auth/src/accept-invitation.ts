import type { InvitationModel as Invitation } from '@souk/db';
import {
  AppError,
  recordAudit,
  syncWorkersCounter,
  type AcceptInvitationInput,
  type TenantContext,
} from '@souk/core';
import { hashInvitationToken } from './invitation-token';
import { hashPassword, validateNewPassword, validatePassword, verifyPassword } from './password';
import { consumeRateLimit } from './rate-limit';

/** Per client address: the token is unguessable, but a password check hides behind it. */
export const ACCEPT_INVITATION_PER_MINUTE = 10;

const ASK_AGAIN = 'Ask the person who invited you for a new one';

function linkProblem(code: 'NOT_FOUND' | 'CONFLICT', message: string): AppError {
  return new AppError(code, message, { fieldErrors: { token: [message] } });
}

/** The invitation a link names, refused in words when it can no longer be used. */
async function usableInvitation(ctx: TenantContext, token: string, now: Date) {
  const invitation = await ctx.tx.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
  });
  if (!invitation || invitation.orgId !== ctx.orgId) {
    throw linkProblem('NOT_FOUND', `This invitation link is not valid. ${ASK_AGAIN}`);
  }
  if (invitation.acceptedAt) {
    throw linkProblem('CONFLICT', 'This invitation was already used. Sign in instead');
  }
  if (invitation.revokedAt) {
    throw linkProblem('CONFLICT', `This invitation was withdrawn. ${ASK_AGAIN}`);
  }
  if (invitation.expiresAt.getTime() <= now.getTime()) {
    throw linkProblem('CONFLICT', `This invitation has expired. ${ASK_AGAIN}`);
  }
  return invitation;
}

async function orgOf(ctx: TenantContext) {
  return ctx.tx.organization.findUniqueOrThrow({
    where: { id: ctx.orgId },
    select: { name: true, slug: true },
  });
}

/**
 * What the accept page shows before anything is typed: who is invited, where, as what,
 * and whether they confirm with an existing account's password or choose a new one.
 */
export async function getInvitation({
  ctx,
  token,
  now = new Date(),
}: {
  ctx: TenantContext;
  token: string;
  now?: Date;
}) {
  const invitation = await usableInvitation(ctx, token, now);
  const [org, user] = [
    await orgOf(ctx),
    await ctx.tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } }),
  ];
  return {
    email: invitation.email,
    role: invitation.role,
    orgName: org.name,
    hasAccount: user !== null,
  };
}

async function existingUserJoins(
  ctx: TenantContext,
  invitation: Invitation,
  user: { id: string; passwordHash: string | null; disabledAt: Date | null },
  password: string,
): Promise<string> {
  if (!(await verifyPassword(password, user.passwordHash)) || user.disabledAt) {
    throw AppError.field(
      'password',
      `Password is incorrect: enter the password of your Souk account (${invitation.email})`,
    );
  }
  const member = await ctx.tx.membership.findUnique({
    where: { orgId_userId: { orgId: ctx.orgId, userId: user.id } },
    select: { id: true },
  });
  if (member) {
    throw linkProblem('CONFLICT', 'You are already a member of this organization. Sign in instead');
  }
  return user.id;
}

async function newcomerJoins(
  ctx: TenantContext,
  invitation: Invitation,
  input: AcceptInvitationInput,
  now: Date,
): Promise<string> {
  const name = input.name?.trim();
  if (!name) throw AppError.field('name', 'Name is required');
  // Length first, so "too short" wins over "too easy to guess".
  validatePassword(input.password);
  validateNewPassword({ password: input.password, userInputs: [invitation.email, name] });
  const user = await ctx.tx.user.create({
    data: {
      email: invitation.email,
      name,
      passwordHash: await hashPassword(input.password),
      // The link reached this inbox: the address is theirs.
      emailVerifiedAt: now,
    },
  });
  return user.id;
}

/**
 * Accepts an emailed invitation: a newcomer's account is created with the password they
 * choose; someone with a Souk account confirms with its password. Either way they join
 * the org with the invited role, and the link is used up. Signing in comes next, so
 * sign-in stays the one place sessions are opened.
 */
export async function acceptInvitation({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: TenantContext;
  input: AcceptInvitationInput;
  now?: Date;
}): Promise<{ email: string; orgName: string; orgSlug: string }> {
  const limit = await consumeRateLimit(
    'invitation-accept',
    ACCEPT_INVITATION_PER_MINUTE,
    ctx.ip ?? 'unknown',
  );
  if (!limit.allowed) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      `Too many attempts. Try again in ${limit.retryAfterSeconds} seconds`,
    );
  }
  const invitation = await usableInvitation(ctx, input.token, now);
  const existing = await ctx.tx.user.findUnique({ where: { email: invitation.email } });
  const userId = existing
    ? await existingUserJoins(ctx, invitation, existing, input.password)
    : await newcomerJoins(ctx, invitation, input, now);

  // Conditional, so of two acceptances racing one wins and the other rolls back.
  const { count } = await ctx.tx.invitation.updateMany({
    where: { id: invitation.id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt: now },
  });
  if (count === 0) {
    throw linkProblem('CONFLICT', 'This invitation was already used. Sign in instead');
  }
  await ctx.tx.membership.create({
    data: { orgId: ctx.orgId, userId, role: invitation.role },
  });
  await syncWorkersCounter(ctx.tx, ctx.orgId);
  await recordAudit(
    { ...ctx, actor: { userId, email: invitation.email, role: invitation.role } },
    {
      action: 'user.invitation_accepted',
      entityType: 'user',
      entityId: userId,
      after: {
        email: invitation.email,
        role: invitation.role,
        invitationId: invitation.id,
        newAccount: !existing,
      },
    },
  );
  const org = await orgOf(ctx);
  return { email: invitation.email, orgName: org.name, orgSlug: org.slug };
}
