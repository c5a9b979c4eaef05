import type { z } from 'zod';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { updateTemplateInput } from './schemas';
import { checkTemplateMedia } from './template-media';

export async function updateTemplate({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof updateTemplateInput>;
}) {
  const { id, ...data } = input;
  await checkTemplateMedia(ctx, data.mediaUploadIds);
  const before = await ctx.tx.eventTemplate.findUnique({ where: { id } });
  if (!before) throw AppError.notFound('Template');
  const after = await ctx.tx.eventTemplate.update({ where: { id }, data });
  await recordAudit(ctx, {
    action: 'template.updated',
    entityType: 'event_template',
    entityId: id,
    before,
    after,
  });
  return after;
}
