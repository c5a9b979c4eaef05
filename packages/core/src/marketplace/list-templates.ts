import type { TenantContext } from '../context';

const publicTemplateSelect = {
  id: true,
  name: true,
  summary: true,
  suggestedGuests: true,
} as const;

export function listTemplates({ ctx }: { ctx: TenantContext }) {
  return ctx.tx.eventTemplate.findMany({ select: publicTemplateSelect, orderBy: { name: 'asc' } });
}
