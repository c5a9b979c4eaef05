import type { Metadata } from 'next';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { VENDOR_PAYOUTS_TABLE } from '../_components/table-specs';
import { vendorGate } from '../_components/vendor-gate';
import { PayoutsTable } from './payouts-table';

export const metadata: Metadata = { title: 'Payouts' };

export default async function VendorPayoutsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const gate = await vendorGate('/vendor/payouts');
  if (!gate.ok) return gate.view;
  // Awaited: the rows arrive with the HTML instead of "Loading…".
  await getQueryClient().prefetchQuery(
    trpc.marketplace.vendor.listPayouts.queryOptions(
      parseTableQuery(await searchParams, VENDOR_PAYOUTS_TABLE),
    ),
  );
  return (
    <>
      <h1>Payouts</h1>
      {gate.banner}
      <HydrateClient>
        <PayoutsTable />
      </HydrateClient>
    </>
  );
}
