import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { toUploadView, type ListMyUploadsInput, type UploadView } from './schemas';

/** The caller's own uploads, newest first. */
export async function listMyUploads({
  ctx,
  input = {},
}: {
  ctx: TenantContext;
  input?: ListMyUploadsInput;
}): Promise<UploadView[]> {
  if (!ctx.actor) throw new AppError('UNAUTHORIZED', 'Sign in to see your uploads');
  const rows = await ctx.tx.upload.findMany({
    where: { ownerId: ctx.actor.userId, ...(input.kind ? { kind: input.kind } : {}) },
    orderBy: { createdAt: 'desc' },
    take: 100,
  });
  return rows.map(toUploadView);
}
