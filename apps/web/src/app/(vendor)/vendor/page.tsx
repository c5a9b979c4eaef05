import type { Metadata } from 'next';
import type { RouterInputs } from '@souk/api';
import { HydrateClient, prefetch, trpc } from '@/trpc/server';
import { vendorGate } from './_components/vendor-gate';
import { InboxTable } from './inbox-table';

export const metadata: Metadata = { title: 'Booking requests' };

// Defined here, not in the 'use client' file: the client table receives it as a prop.
const INITIAL_INBOX_QUERY = {
  page: 1,
  pageSize: 25,
} satisfies RouterInputs['marketplace']['vendor']['inbox'];

export default async function VendorInboxPage() {
  const gate = await vendorGate('/vendor');
  if (!gate.ok) return gate.view;
  prefetch(trpc.marketplace.vendor.inbox.queryOptions(INITIAL_INBOX_QUERY));
  return (
    <>
      <h1>Booking requests</h1>
      {gate.banner}
      <HydrateClient>
        <InboxTable initialQuery={INITIAL_INBOX_QUERY} />
      </HydrateClient>
    </>
  );
}
