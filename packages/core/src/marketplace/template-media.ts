import type { TenantContext } from '../context';
import { AppError } from '../errors';

/** Template media must be stored template_media uploads of this org (checked, not trusted). */
export async function checkTemplateMedia(ctx: TenantContext, ids: readonly string[] | undefined) {
  if (!ids?.length) return;
  const found = await ctx.tx.upload.count({
    where: { id: { in: [...ids] }, kind: 'template_media', status: 'stored' },
  });
  if (found !== new Set(ids).size) {
    throw AppError.field('mediaUploadIds', 'Attach only template media that finished uploading');
  }
}
