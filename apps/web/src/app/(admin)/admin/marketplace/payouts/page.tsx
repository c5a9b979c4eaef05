import type { Metadata } from 'next';
import type { RouterInputs } from '@souk/api';
import { HydrateClient, trpc } from '@/trpc/server';
import { marketplaceAccess, NoAccess, preload } from '../_components/access';
import { PayoutsTable } from './payouts-table';

export const metadata: Metadata = { title: 'Payouts' };

// The default view is the approval queue.
const INITIAL_PAYOUTS_QUERY = {
  status: 'eligible',
  page: 1,
  pageSize: 25,
} satisfies RouterInputs['marketplace']['admin']['payouts'];

export default async function PayoutsPage() {
  const access = await marketplaceAccess('/admin/marketplace/payouts');
  if (!access.canRead) return <NoAccess role={access.role} />;
  await preload(trpc.marketplace.admin.payouts.queryOptions(INITIAL_PAYOUTS_QUERY));
  return (
    <HydrateClient>
      <PayoutsTable initialQuery={INITIAL_PAYOUTS_QUERY} canManage={access.canManagePayouts} />
    </HydrateClient>
  );
}
