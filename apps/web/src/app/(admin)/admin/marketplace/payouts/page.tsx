import type { Metadata } from 'next';
import { parseTableQuery } from '@/lib/url-table-state';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { PAYOUTS_TABLE } from '../_components/table-specs';
import { PayoutsTable } from './payouts-table';

export const metadata: Metadata = { title: 'Payouts' };

export default async function PayoutsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await marketplaceAccess('/admin/marketplace/payouts');
  if (!access.canRead) return <NoAccess role={access.role} />;
  // Without a status in the URL this is the approval queue (PAYOUTS_TABLE's default).
  await preload(
    trpc.marketplace.admin.listPayouts.queryOptions(
      parseTableQuery(await searchParams, PAYOUTS_TABLE),
    ),
  );
  return (
    <HydrateClient>
      <PayoutsTable canManage={access.canManagePayouts} />
    </HydrateClient>
  );
}
