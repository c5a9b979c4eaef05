import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { breakGlassProblem, findBreakGlassByToken } from './find-break-glass';
import { BREAK_GLASS_USED_MESSAGE } from './messages';
import type { RedeemBreakGlassInput } from './schemas';

/**
 * "Use in this browser": marks the signed-in session (auth_sessions.breakGlassId), so
 * admin pages can write without handling the token again. A token redeems once; API
 * callers keep sending it in X-Break-Glass-Token instead.
 */
export async function redeemBreakGlass({
  ctx,
  input,
  sessionId,
  now = new Date(),
}: {
  ctx: TenantContext;
  input: RedeemBreakGlassInput;
  /** The auth_sessions row of the signed-in person. */
  sessionId: string;
  now?: Date;
}) {
  if (!ctx.actor) throw new AppError('UNAUTHORIZED', 'Sign in to continue');
  const row = await findBreakGlassByToken(ctx, input.token);
  const problem = breakGlassProblem(row, now);
  if (problem) throw new AppError('CONFLICT', problem);
  // Conditional on redeemedAt so two concurrent redeems cannot both win.
  const claimed = await ctx.tx.breakGlassSession.updateMany({
    where: { id: row.id, redeemedAt: null },
    data: { redeemedAt: now },
  });
  if (claimed.count === 0) throw new AppError('CONFLICT', BREAK_GLASS_USED_MESSAGE);
  const marked = await ctx.tx.authSession.updateMany({
    where: { id: sessionId, userId: ctx.actor.userId, revokedAt: null },
    data: { breakGlassId: row.id },
  });
  if (marked.count === 0) {
    throw new AppError('UNAUTHORIZED', 'Your session has ended: sign in again to continue');
  }
  await recordAudit(ctx, {
    action: 'break_glass.redeemed',
    entityType: 'break_glass_session',
    entityId: row.id,
    after: { reason: row.reason, expiresAt: row.expiresAt },
  });
  return { id: row.id, reason: row.reason, expiresAt: row.expiresAt, redeemedAt: now };
}
