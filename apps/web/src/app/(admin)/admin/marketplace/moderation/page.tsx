import type { Metadata } from 'next';
import { parseTableQuery } from '@/lib/url-table-state';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { MODERATION_TABLE } from '../_components/table-specs';
import { ModerationTable } from './moderation-table';

export const metadata: Metadata = { title: 'Moderation' };

export default async function ModerationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await marketplaceAccess('/admin/marketplace/moderation');
  if (!access.canRead) return <NoAccess role={access.role} />;
  await preload(
    trpc.marketplace.admin.listModerationReports.queryOptions(
      parseTableQuery(await searchParams, MODERATION_TABLE),
    ),
  );
  return (
    <HydrateClient>
      <ModerationTable />
    </HydrateClient>
  );
}
