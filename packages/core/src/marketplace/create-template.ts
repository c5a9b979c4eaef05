import type { z } from 'zod';
import type { TenantContext } from '../context';
import { recordAudit } from '../audit/record-audit';
import type { templateInput } from './schemas';
import { checkTemplateMedia } from './template-media';

export async function createTemplate({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: z.infer<typeof templateInput>;
}) {
  await checkTemplateMedia(ctx, input.mediaUploadIds);
  const template = await ctx.tx.eventTemplate.create({ data: { ...input, orgId: ctx.orgId } });
  await recordAudit(ctx, {
    action: 'template.created',
    entityType: 'event_template',
    entityId: template.id,
    after: template,
  });
  return template;
}
