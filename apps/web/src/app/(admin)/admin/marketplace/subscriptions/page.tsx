import type { Metadata } from 'next';
import type { RouterInputs } from '@souk/api';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { SubscriptionsTable } from './subscriptions-table';

export const metadata: Metadata = { title: 'Organizer subscriptions' };

// Defined here, not in the 'use client' file: the client table receives it as a prop.
const INITIAL_SUBSCRIPTIONS_QUERY = {
  page: 1,
  pageSize: 25,
} satisfies RouterInputs['marketplace']['admin']['subscriptions'];

export default async function SubscriptionsPage() {
  const access = await marketplaceAccess('/admin/marketplace/subscriptions');
  if (!access.canRead) return <NoAccess role={access.role} />;
  await preload(trpc.marketplace.admin.subscriptions.queryOptions(INITIAL_SUBSCRIPTIONS_QUERY));
  return (
    <HydrateClient>
      <SubscriptionsTable initialQuery={INITIAL_SUBSCRIPTIONS_QUERY} canManage={access.canManage} />
    </HydrateClient>
  );
}
