import type { Metadata } from 'next';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { INBOX_TABLE } from './_components/table-specs';
import { vendorGate } from './_components/vendor-gate';
import { InboxTable } from './inbox-table';

export const metadata: Metadata = { title: 'Booking requests' };

export default async function VendorInboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const gate = await vendorGate('/vendor');
  if (!gate.ok) return gate.view;
  // Awaited: the rows arrive with the HTML instead of "Loading…".
  await getQueryClient().prefetchQuery(
    trpc.marketplace.vendor.listInbox.queryOptions(
      parseTableQuery(await searchParams, INBOX_TABLE),
    ),
  );
  return (
    <>
      <h1>Booking requests</h1>
      {gate.banner}
      <HydrateClient>
        <InboxTable />
      </HydrateClient>
    </>
  );
}
