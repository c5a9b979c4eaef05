import type { Metadata } from 'next';
import { parseTableQuery } from '@/lib/url-table-state';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { VENDORS_TABLE } from '../_components/table-specs';
import { VendorsTable } from './vendors-table';

export const metadata: Metadata = { title: 'Vendors' };

export default async function VendorsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const access = await marketplaceAccess('/admin/marketplace/vendors');
  if (!access.canRead) return <NoAccess role={access.role} />;
  await preload(
    trpc.marketplace.admin.listVendors.queryOptions(
      parseTableQuery(await searchParams, VENDORS_TABLE),
    ),
  );
  return (
    <HydrateClient>
      <VendorsTable canManage={access.canManage} />
    </HydrateClient>
  );
}
