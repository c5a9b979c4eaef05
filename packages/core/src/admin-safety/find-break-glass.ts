import type { BreakGlassSessionModel as BreakGlassSession } from '@souk/db';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { hashBreakGlassToken } from './break-glass-token';

export const BREAK_GLASS_NOT_FOUND = 'Break-glass token not found for this organisation';

/**
 * The row behind a token, in the caller's org only: RLS hides other orgs' rows, so a
 * token from another org reads exactly like an unknown one.
 */
export async function findBreakGlassByToken(
  ctx: TenantContext,
  token: string,
): Promise<BreakGlassSession> {
  const row = await ctx.tx.breakGlassSession.findUnique({
    where: { tokenHash: hashBreakGlassToken(token) },
  });
  if (!row || row.orgId !== ctx.orgId) throw new AppError('NOT_FOUND', BREAK_GLASS_NOT_FOUND);
  return row;
}

/** Why a break-glass session no longer allows writes, in words; null while it does. */
export function breakGlassProblem(
  row: Pick<BreakGlassSession, 'endedAt' | 'expiresAt'>,
  now: Date,
): string | null {
  if (row.endedAt) return 'This break-glass session was ended';
  if (row.expiresAt <= now) return 'This break-glass session has expired';
  return null;
}
