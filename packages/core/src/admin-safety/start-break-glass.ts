import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { generateBreakGlassToken, hashBreakGlassToken } from './break-glass-token';
import { READ_ONLY_OFF_MESSAGE } from './messages';
import type { StartBreakGlassInput } from './schemas';

/**
 * Spec 002, incident procedure step 2: an OWNER/ADMIN opens a time-boxed window for
 * writes while ADMIN_READ_ONLY is on. The token is returned here and nowhere else;
 * the table keeps its SHA-256 and the audit row keeps the reason, never the token.
 */
export async function startBreakGlass({
  ctx,
  input,
  readOnly,
  now = new Date(),
}: {
  ctx: TenantContext;
  input: StartBreakGlassInput;
  /** ADMIN_READ_ONLY as the API sees it; core reads no environment. */
  readOnly: boolean;
  now?: Date;
}) {
  if (!readOnly) throw new AppError('CONFLICT', READ_ONLY_OFF_MESSAGE);
  if (!ctx.actor) throw new AppError('UNAUTHORIZED', 'Sign in to continue');
  const token = generateBreakGlassToken();
  const expiresAt = new Date(now.getTime() + input.ttlMinutes * 60_000);
  const row = await ctx.tx.breakGlassSession.create({
    data: {
      orgId: ctx.orgId,
      userId: ctx.actor.userId,
      reason: input.reason,
      tokenHash: hashBreakGlassToken(token),
      createdAt: now,
      expiresAt,
    },
  });
  await recordAudit(ctx, {
    action: 'break_glass.started',
    entityType: 'break_glass_session',
    entityId: row.id,
    after: { reason: row.reason, ttlMinutes: input.ttlMinutes, expiresAt },
  });
  return { id: row.id, token, reason: row.reason, expiresAt };
}
