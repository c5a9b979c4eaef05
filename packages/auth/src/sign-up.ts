import { AppError, recordAudit, type SignUpInput, type TenantContext } from '@souk/core';
import { hashPassword, validateNewPassword, validatePassword } from './password';
import { consumeRateLimit } from './rate-limit';
import { normalizeEmail } from './sessions';

/** Spec 004: at most 3 sign-ups per minute from one client address. */
export const SIGN_UP_PER_MINUTE = 3;

const ALREADY_REGISTERED =
  'An account with this email already exists — sign in or reset your password';

function alreadyRegistered(): AppError {
  return new AppError('CONFLICT', ALREADY_REGISTERED, {
    fieldErrors: { email: [ALREADY_REGISTERED] },
  });
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002'
  );
}

/**
 * A storefront customer creates an account: the user and a CUSTOMER membership in the
 * storefront's org (`ctx`), in one transaction. The browser then signs in with the same
 * credentials, so sign-in stays the one place sessions are opened.
 */
export async function signUp({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: SignUpInput;
}): Promise<{ userId: string; email: string }> {
  // Requests whose peer is unknown share one bucket rather than going unlimited.
  const limit = await consumeRateLimit('signup', SIGN_UP_PER_MINUTE, ctx.ip ?? 'unknown');
  if (!limit.allowed) {
    throw new AppError(
      'TOO_MANY_REQUESTS',
      `Too many sign-ups from your network. Try again in ${limit.retryAfterSeconds} seconds`,
    );
  }
  const email = normalizeEmail(input.email);
  const existing = await ctx.tx.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw alreadyRegistered();
  // Length first, so "too short" wins over "too easy to guess".
  validatePassword(input.password);
  validateNewPassword({ password: input.password, userInputs: [email, input.name] });

  const passwordHash = await hashPassword(input.password);
  const user = await ctx.tx.user
    .create({ data: { email, name: input.name, passwordHash } })
    .catch((error: unknown) => {
      // Two sign-ups with one email at the same moment: the second reads as a duplicate.
      throw isUniqueViolation(error) ? alreadyRegistered() : error;
    });
  await ctx.tx.membership.create({ data: { orgId: ctx.orgId, userId: user.id, role: 'CUSTOMER' } });
  await recordAudit(ctx, {
    action: 'user.signed_up',
    entityType: 'user',
    entityId: user.id,
    after: { email, name: input.name, role: 'CUSTOMER' },
  });
  return { userId: user.id, email };
}
