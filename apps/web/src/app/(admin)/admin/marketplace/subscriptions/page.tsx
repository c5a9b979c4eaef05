import type { Metadata } from 'next';
import { parseTableQuery } from '@/lib/url-table-state';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { SUBSCRIPTIONS_TABLE } from '../_components/table-specs';
import { SubscriptionsTable } from './subscriptions-table';

export const metadata: Metadata = { title: 'Organizer subscriptions' };

export default async function SubscriptionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await marketplaceAccess('/admin/marketplace/subscriptions');
  if (!access.canRead) return <NoAccess role={access.role} />;
  await preload(
    trpc.marketplace.admin.listSubscriptions.queryOptions(
      parseTableQuery(await searchParams, SUBSCRIPTIONS_TABLE),
    ),
  );
  return (
    <HydrateClient>
      <SubscriptionsTable canManage={access.canManage} />
    </HydrateClient>
  );
}
