import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { recordAudit } from '../audit/record-audit';

export async function deleteTemplate({ ctx, id }: { ctx: TenantContext; id: string }) {
  const before = await ctx.tx.eventTemplate.findUnique({ where: { id } });
  if (!before) throw AppError.notFound('Template');
  // Bookings keep their history; their template link is cleared by the foreign key.
  await ctx.tx.eventTemplate.delete({ where: { id } });
  await recordAudit(ctx, {
    action: 'template.deleted',
    entityType: 'event_template',
    entityId: id,
    before,
  });
  return { id };
}
