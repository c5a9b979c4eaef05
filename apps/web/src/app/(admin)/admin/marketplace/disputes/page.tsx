import type { Metadata } from 'next';
import type { RouterInputs } from '@souk/api';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { DisputesTable } from './disputes-table';

export const metadata: Metadata = { title: 'Disputes' };

export default async function DisputesPage({
  searchParams,
}: {
  searchParams: Promise<{ bookingId?: string; userId?: string }>;
}) {
  const access = await marketplaceAccess('/admin/marketplace/disputes');
  if (!access.canRead) return <NoAccess role={access.role} />;
  // Other pages link here filtered to one booking (?bookingId=...).
  const { bookingId, userId } = await searchParams;
  const initialQuery = {
    page: 1,
    pageSize: 25,
    bookingId: bookingId || undefined,
    userId: userId || undefined,
  } satisfies RouterInputs['marketplace']['admin']['disputes'];
  await preload(trpc.marketplace.admin.disputes.queryOptions(initialQuery));
  return (
    <HydrateClient>
      <DisputesTable initialQuery={initialQuery} canManage={access.canManage} />
    </HydrateClient>
  );
}
