import type { TenantContext } from '../context';
import { breakGlassProblem } from './find-break-glass';

/** For the admin banner: is this signed-in session writing under break-glass, and why. */
export async function getBreakGlassStatus({
  ctx,
  breakGlassId,
  readOnly,
  now = new Date(),
}: {
  ctx: TenantContext;
  breakGlassId: string | null | undefined;
  readOnly: boolean;
  now?: Date;
}) {
  const row = breakGlassId
    ? await ctx.tx.breakGlassSession.findUnique({ where: { id: breakGlassId } })
    : null;
  const isActive = row !== null && breakGlassProblem(row, now) === null;
  return {
    readOnly,
    isActive,
    id: row?.id ?? null,
    reason: row?.reason ?? null,
    expiresAt: row?.expiresAt ?? null,
    endedAt: row?.endedAt ?? null,
  };
}
