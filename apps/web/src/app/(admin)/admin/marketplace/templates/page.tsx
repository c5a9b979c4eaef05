import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { TemplatesList } from './templates-list';

export const metadata: Metadata = { title: 'Event templates' };

export default async function TemplatesPage() {
  const access = await marketplaceAccess('/admin/marketplace/templates');
  if (!access.canRead) return <NoAccess role={access.role} />;
  await preload(trpc.marketplace.public.listTemplates.queryOptions({ orgSlug: access.orgSlug }));
  return (
    <HydrateClient>
      <TemplatesList orgSlug={access.orgSlug} canManage={access.canManage} />
    </HydrateClient>
  );
}
