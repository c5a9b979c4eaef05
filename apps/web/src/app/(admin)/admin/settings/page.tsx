import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { bpsToPercent } from '@souk/core/client';
import { formatDateTime } from '@souk/ui';
import { requireStaff } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { StripeCredentialsForm } from './stripe-credentials-form';
import { TaxRateForm } from './tax-rate-form';

export const metadata: Metadata = { title: 'Settings' };

const SOURCE_WORDS = {
  platform:
    "Souk's platform Stripe account (STRIPE_SECRET_KEY) — this organisation has none of its own",
  sandbox: 'The local Stripe sandbox — no real payments',
} as const;

export default async function SettingsPage() {
  const session = await requireStaff('/admin/settings');
  if (!can(session.role, 'org.configure')) {
    return (
      <>
        <h1>Settings</h1>
        <p className="muted">Only the organisation&apos;s owner can change its settings.</p>
      </>
    );
  }
  const caller = await serverCaller();
  const tax = await caller.org.getTaxRate();
  const credentials = await caller.payments.getCredentialsStatus();
  const canSetCredentials = can(session.role, 'payments.configure');

  return (
    <>
      <h1>Settings</h1>
      <section className="card" aria-labelledby="tax-heading" style={{ maxWidth: 560 }}>
        <h2 id="tax-heading" style={{ marginTop: 0 }}>
          Tax rate
        </h2>
        <p>
          Sales tax charged at checkout: currently <strong>{bpsToPercent(tax.taxRateBps)}%</strong>.
        </p>
        <p className="muted">
          A change applies to invoices issued from now on. Invoices already issued keep the rate and
          tax amounts they were issued with.
        </p>
        <TaxRateForm percent={bpsToPercent(tax.taxRateBps)} />
      </section>

      <section className="card" aria-labelledby="stripe-heading" style={{ maxWidth: 560 }}>
        <h2 id="stripe-heading" style={{ marginTop: 0 }}>
          Stripe credentials
        </h2>
        {credentials.source === 'org' ? (
          <dl>
            <dt>Account</dt>
            <dd>This organisation&apos;s own Stripe account ({credentials.mode} mode)</dd>
            <dt>Secret key</dt>
            <dd>
              Ending in <code>{credentials.secretKeyLast4}</code>
            </dd>
            <dt>Webhook signing secret</dt>
            <dd>{credentials.hasWebhookSecret ? 'Set' : 'Not set'}</dd>
            <dt>Last changed</dt>
            <dd>{formatDateTime(credentials.updatedAt)}</dd>
          </dl>
        ) : (
          <p>Payments go through {SOURCE_WORDS[credentials.source]}.</p>
        )}
        <p className="muted">
          Keys are stored encrypted and never shown again: only their last 4 characters.
        </p>
        {canSetCredentials ? <StripeCredentialsForm /> : null}
      </section>
    </>
  );
}
