import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { isStaffRole } from '@souk/auth';
import { SandboxBadge } from '@/components/sandbox-badge';
import { SignOutButton } from '@/components/sign-out-button';
import { requireSession } from '@/lib/session';

export const metadata: Metadata = {
  title: { default: 'Vendor portal', template: '%s · Souk vendor portal' },
};
export const dynamic = 'force-dynamic';

export default async function VendorLayout({ children }: { children: ReactNode }) {
  const session = await requireSession('/vendor');
  const isStaff = isStaffRole(session.role);
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          Souk
        </Link>
        <span>Vendor portal</span>
        <SandboxBadge />
        {isStaff ? null : (
          <nav className="topnav" aria-label="Vendor portal">
            <Link href="/vendor">Booking requests</Link>
            <Link href="/vendor/payouts">Payouts</Link>
            <Link href="/vendor/profile">Profile</Link>
          </nav>
        )}
        <span className="spacer" />
        <span className="who">{session.user.email}</span>
        <SignOutButton />
      </header>
      <main className="container vendor-portal" id="main" tabIndex={-1}>
        {isStaff ? (
          <>
            <h1>Vendor portal</h1>
            <p className="muted">
              The vendor portal is for vendors. Your role ({session.role}) works in the{' '}
              <Link href="/admin">admin console</Link> instead.
            </p>
          </>
        ) : null}
        {children}
      </main>
    </>
  );
}
