import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';

/**
 * Ends the break-glass session marked on the signed-in session: no more writes under
 * it, from this browser or with its token.
 */
export async function endBreakGlass({
  ctx,
  breakGlassId,
  sessionId,
  now = new Date(),
}: {
  ctx: TenantContext;
  breakGlassId: string | null | undefined;
  sessionId: string;
  now?: Date;
}) {
  const row = breakGlassId
    ? await ctx.tx.breakGlassSession.findUnique({ where: { id: breakGlassId } })
    : null;
  if (!row) throw new AppError('NOT_FOUND', 'This session has no break-glass in use');
  await ctx.tx.authSession.updateMany({
    where: { id: sessionId, breakGlassId: row.id },
    data: { breakGlassId: null },
  });
  const endedAt = row.endedAt ?? now;
  if (!row.endedAt) {
    await ctx.tx.breakGlassSession.update({ where: { id: row.id }, data: { endedAt } });
    await recordAudit(ctx, {
      action: 'break_glass.ended',
      entityType: 'break_glass_session',
      entityId: row.id,
      before: { reason: row.reason, expiresAt: row.expiresAt },
      after: { reason: row.reason, endedAt },
    });
  }
  return { id: row.id, endedAt };
}
