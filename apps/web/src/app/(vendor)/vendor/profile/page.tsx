import type { Metadata } from 'next';
import { vendorGate } from '../_components/vendor-gate';
import { VENDOR_TYPE_TEXT } from '../_components/vendor-words';
import { PayoutSetup } from './payout-setup';
import { ProfileForm } from './profile-form';
import { VendorFiles } from './vendor-files';

export const metadata: Metadata = { title: 'Profile' };

const REVIEW_TEXT = {
  pending: 'waiting for review',
  approved: 'approved',
  needs_changes: 'changes requested',
} as const;

export default async function VendorProfilePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const gate = await vendorGate('/vendor/profile', { changesBlockPage: true });
  if (!gate.ok) return gate.view;
  const { vendor } = gate;
  const { payouts } = await searchParams;
  return (
    <>
      <h1>Profile</h1>
      {gate.banner}
      <p className="muted">
        {VENDOR_TYPE_TEXT[vendor.type]} · profile {REVIEW_TEXT[vendor.status]}
      </p>

      <section aria-label="Public profile" className="account-section">
        <ProfileForm
          initial={{
            displayName: vendor.displayName,
            city: vendor.city,
            description: vendor.description,
          }}
        />
      </section>

      <section id="payout-setup" aria-labelledby="payouts-heading" className="account-section">
        <h2 id="payouts-heading">Payouts</h2>
        <PayoutSetup
          initial={{
            payoutsEnabled: vendor.payoutsEnabled,
            payoutsDisabled: vendor.payoutsDisabled,
            connectedAccountId: vendor.connectedAccountId,
          }}
          returnedFrom={payouts === 'return' || payouts === 'refresh' ? payouts : null}
        />
      </section>

      <section aria-labelledby="files-heading" className="account-section">
        <h2 id="files-heading">Portfolio and venue files</h2>
        <VendorFiles vendorType={vendor.type} />
      </section>
    </>
  );
}
