import type { Metadata } from 'next';
import type { RouterInputs } from '@souk/api';
import { HydrateClient, prefetch, trpc } from '@/trpc/server';
import { vendorGate } from '../_components/vendor-gate';
import { PayoutsTable } from './payouts-table';

export const metadata: Metadata = { title: 'Payouts' };

// Defined here, not in the 'use client' file: the client table receives it as a prop.
const INITIAL_PAYOUTS_QUERY = {
  page: 1,
  pageSize: 25,
} satisfies RouterInputs['marketplace']['vendor']['payouts'];

export default async function VendorPayoutsPage() {
  const gate = await vendorGate('/vendor/payouts');
  if (!gate.ok) return gate.view;
  prefetch(trpc.marketplace.vendor.payouts.queryOptions(INITIAL_PAYOUTS_QUERY));
  return (
    <>
      <h1>Payouts</h1>
      {gate.banner}
      <HydrateClient>
        <PayoutsTable initialQuery={INITIAL_PAYOUTS_QUERY} />
      </HydrateClient>
    </>
  );
}
