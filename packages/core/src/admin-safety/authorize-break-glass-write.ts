import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { breakGlassProblem, findBreakGlassByToken } from './find-break-glass';
import { READ_ONLY_MESSAGE } from './messages';

function refuse(why: string): never {
  throw new AppError(
    'READ_ONLY',
    `${READ_ONLY_MESSAGE}. ${why.charAt(0).toUpperCase()}${why.slice(1)}`,
  );
}

/**
 * Spec 002, incident procedure step 3: while ADMIN_READ_ONLY is on, a staff write goes
 * ahead only under a live break-glass session of this org, named by the
 * X-Break-Glass-Token header (API callers) or marked on the signed-in session (the
 * admin console). Called inside the write's own transaction, so the `break_glass.write`
 * audit row, carrying the session's reason, commits with the write or not at all.
 */
export async function authorizeBreakGlassWrite({
  ctx,
  token,
  breakGlassId,
  procedure,
  now = new Date(),
}: {
  ctx: TenantContext;
  token: string | null | undefined;
  breakGlassId: string | null | undefined;
  /** The procedure path, e.g. `catalog.updateProduct`: what was written. */
  procedure: string;
  now?: Date;
}): Promise<void> {
  let row;
  let via: 'token' | 'session';
  if (token) {
    try {
      row = await findBreakGlassByToken(ctx, token);
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        refuse('The X-Break-Glass-Token is not valid for this organisation');
      }
      throw error;
    }
    via = 'token';
  } else if (breakGlassId) {
    row = await ctx.tx.breakGlassSession.findUnique({ where: { id: breakGlassId } });
    if (!row) refuse('The break-glass session of this sign-in is not valid for this organisation');
    via = 'session';
  } else {
    throw new AppError('READ_ONLY', READ_ONLY_MESSAGE);
  }
  const problem = breakGlassProblem(row, now);
  if (problem) refuse(problem);
  await recordAudit(ctx, {
    action: 'break_glass.write',
    entityType: 'break_glass_session',
    entityId: row.id,
    after: { reason: row.reason, procedure, via, expiresAt: row.expiresAt },
  });
}
