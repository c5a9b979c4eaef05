import {
  AppError,
  coreEnv,
  enqueueOutbox,
  type RequestPasswordResetInput,
  type TenantContext,
} from '@souk/core';
import { consumeRateLimit } from './rate-limit';
import { RESET_TOKEN_TTL_MS, signResetToken } from './reset-token';
import { normalizeEmail } from './sessions';

/** Per client address, like sign-in (spec 004). */
export const PASSWORD_RESET_PER_MINUTE = 5;
// Per address asked about, whoever asks: nobody can flood a person's inbox from many IPs.
const RESET_EMAILS_PER_MINUTE = 2;

export const PASSWORD_RESET_TOPIC = 'auth.password_reset';

/**
 * "Forgot password": emails a reset link through the storefront org's outbox when the
 * address belongs to a member of that org. The answer is the same either way, so the
 * form does not tell who has an account.
 */
export async function requestPasswordReset({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: TenantContext;
  input: RequestPasswordResetInput;
  now?: Date;
}): Promise<{ sent: true }> {
  const limit = await consumeRateLimit(
    'password-reset',
    PASSWORD_RESET_PER_MINUTE,
    ctx.ip ?? 'unknown',
  );
  if (!limit.allowed) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      `Too many requests. Try again in ${limit.retryAfterSeconds} seconds`,
    );
  }
  const email = normalizeEmail(input.email);
  const user = await ctx.tx.user.findUnique({ where: { email } });
  // The outbox row is visible to this org's staff: only its own members get one, so
  // another tenant's user's address never shows up here.
  const member = user
    ? await ctx.tx.membership.findUnique({
        where: { orgId_userId: { orgId: ctx.orgId, userId: user.id } },
        select: { disabledAt: true },
      })
    : null;
  if (!user || user.disabledAt || !member || member.disabledAt) return { sent: true };
  if (!(await consumeRateLimit('password-reset-email', RESET_EMAILS_PER_MINUTE, email)).allowed) {
    return { sent: true };
  }

  await enqueuePasswordResetEmail({
    ctx,
    user,
    now,
    intro: `Someone asked to reset the password of your Souk account (${user.email}).`,
  });
  return { sent: true };
}

/** The reset link email, through the outbox; also sent by an admin for a member. */
export async function enqueuePasswordResetEmail({
  ctx,
  user,
  intro,
  now = new Date(),
}: {
  ctx: TenantContext;
  user: { id: string; email: string; passwordHash: string | null };
  intro: string;
  now?: Date;
}): Promise<void> {
  const expiresAt = new Date(now.getTime() + RESET_TOKEN_TTL_MS);
  const token = signResetToken({ userId: user.id, passwordHash: user.passwordHash, expiresAt });
  const link = `${coreEnv.PUBLIC_WEB_URL.replace(/\/+$/, '')}/signin/reset?token=${encodeURIComponent(token)}`;
  await enqueueOutbox(ctx, {
    dedupeKey: `password-reset:${user.id}:${expiresAt.getTime()}`,
    channel: 'email',
    topic: PASSWORD_RESET_TOPIC,
    recipient: user.email,
    subject: 'Reset your Souk password',
    body: [
      intro,
      `Choose a new password: ${link}`,
      'The link works once, for 30 minutes. If you did not ask for it, ignore this email: your password stays as it is.',
    ].join('\n\n'),
  });
}
