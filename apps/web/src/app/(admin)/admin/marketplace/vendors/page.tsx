import type { Metadata } from 'next';
import type { RouterInputs } from '@souk/api';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { VendorsTable } from './vendors-table';

export const metadata: Metadata = { title: 'Vendors' };

// Defined here, not in the 'use client' file: the client table receives it as a prop.
const INITIAL_VENDORS_QUERY = {
  page: 1,
  pageSize: 25,
} satisfies RouterInputs['marketplace']['admin']['vendors'];

export default async function VendorsPage() {
  const access = await marketplaceAccess('/admin/marketplace/vendors');
  if (!access.canRead) return <NoAccess role={access.role} />;
  await preload(trpc.marketplace.admin.vendors.queryOptions(INITIAL_VENDORS_QUERY));
  return (
    <HydrateClient>
      <VendorsTable initialQuery={INITIAL_VENDORS_QUERY} canManage={access.canManage} />
    </HydrateClient>
  );
}
