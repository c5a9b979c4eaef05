import type { Metadata } from 'next';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { SubscriptionsTable } from './subscriptions-table';

export const metadata: Metadata = { title: 'Organizer subscriptions' };

export default async function SubscriptionsPage() {
  const access = await marketplaceAccess('/admin/marketplace/subscriptions');
  if (!access.canRead) return <NoAccess role={access.role} />;
  await preload(trpc.marketplace.admin.subscriptions.queryOptions());
  return (
    <HydrateClient>
      <SubscriptionsTable canManage={access.canManage} />
    </HydrateClient>
  );
}
