import type { Metadata } from 'next';
import type { RouterInputs } from '@souk/api';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { ModerationTable } from './moderation-table';

export const metadata: Metadata = { title: 'Moderation' };

export default async function ModerationPage({
  searchParams,
}: {
  searchParams: Promise<{ bookingId?: string; userId?: string }>;
}) {
  const access = await marketplaceAccess('/admin/marketplace/moderation');
  if (!access.canRead) return <NoAccess role={access.role} />;
  const { bookingId, userId } = await searchParams;
  const initialQuery = {
    page: 1,
    pageSize: 25,
    bookingId: bookingId || undefined,
    userId: userId || undefined,
  } satisfies RouterInputs['marketplace']['admin']['moderation'];
  await preload(trpc.marketplace.admin.moderation.queryOptions(initialQuery));
  return (
    <HydrateClient>
      <ModerationTable initialQuery={initialQuery} />
    </HydrateClient>
  );
}
