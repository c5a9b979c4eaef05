import type { Metadata } from 'next';
import { parseTableQuery } from '@/lib/url-table-state';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { DISPUTES_TABLE } from '../_components/table-specs';
import { DisputesTable } from './disputes-table';

export const metadata: Metadata = { title: 'Disputes' };

export default async function DisputesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await marketplaceAccess('/admin/marketplace/disputes');
  if (!access.canRead) return <NoAccess role={access.role} />;
  // Other pages link here filtered to one booking (?bookingId=...).
  await preload(
    trpc.marketplace.admin.listDisputes.queryOptions(
      parseTableQuery(await searchParams, DISPUTES_TABLE),
    ),
  );
  return (
    <HydrateClient>
      <DisputesTable canManage={access.canManage} />
    </HydrateClient>
  );
}
