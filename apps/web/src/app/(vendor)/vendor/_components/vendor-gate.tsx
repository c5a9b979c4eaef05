import 'server-only';
import type { ReactNode } from 'react';
import { isStaffRole, type SoukSession } from '@souk/auth';
import { requireSession } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { OnboardingForm } from './onboarding-form';
import type { MyVendor } from './vendor-words';

type Gate =
  | { ok: true; session: SoukSession; vendor: MyVendor; banner: ReactNode }
  | { ok: false; view: ReactNode };

function PendingReview() {
  return (
    <div className="notice notice-info" role="status">
      Your profile is waiting for review. Organizers can book you once an admin approves it; you can
      already fill in your profile and set up payouts.
    </div>
  );
}

function ChangesRequested({ vendor }: { vendor: MyVendor }) {
  return (
    <section aria-labelledby="changes-heading" className="account-section">
      <h2 id="changes-heading">Update your vendor profile</h2>
      <div className="notice notice-warning" role="status">
        <strong>Changes requested:</strong> {vendor.reviewNote ?? ''}
      </div>
      <OnboardingForm
        initial={{
          type: vendor.type,
          displayName: vendor.displayName,
          city: vendor.city,
          description: vendor.description,
        }}
      />
    </section>
  );
}

/**
 * Every vendor page starts here (the procedures check again): staff get nothing (the
 * layout explains), people without a profile get the onboarding form, and a profile sent
 * back by an admin shows what to change. `ok` pages render their content after `banner`.
 */
export async function vendorGate(
  callbackUrl: string,
  { changesBlockPage = false }: { changesBlockPage?: boolean } = {},
): Promise<Gate> {
  const session = await requireSession(callbackUrl);
  if (isStaffRole(session.role)) return { ok: false, view: null };
  const vendor = await (await serverCaller()).marketplace.vendor.getMyVendor();
  if (!vendor) {
    return {
      ok: false,
      view: (
        <>
          <h1>Become a vendor</h1>
          <p className="muted">
            Offer your venue or your services to event organizers. An admin reviews every profile
            before organizers can book you.
          </p>
          <OnboardingForm />
        </>
      ),
    };
  }
  if (vendor.status === 'needs_changes') {
    // The resubmit form edits the profile itself: on the profile page it replaces the page.
    if (changesBlockPage) {
      return {
        ok: false,
        view: (
          <>
            <h1>Profile</h1>
            <ChangesRequested vendor={vendor} />
          </>
        ),
      };
    }
    return { ok: true, session, vendor, banner: <ChangesRequested vendor={vendor} /> };
  }
  return {
    ok: true,
    session,
    vendor,
    banner: vendor.status === 'pending' ? <PendingReview /> : null,
  };
}
